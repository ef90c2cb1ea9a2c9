import SyncHealthStorage
import SyncHealthWire

/// "Starts with" as a range comparison, so it can use an index and needs no
/// LIKE escaping: under byte-wise comparison of UTF-8 (SQLite's BINARY
/// collation, PostgreSQL's `COLLATE "C"`), every string that starts with
/// `prefix` is `>= prefix` and `< prefix + 0xFF`, because 0xFF never occurs
/// in valid UTF-8.
package enum PrefixRange {
    /// `(lower, upper)` arguments for `column >= ? AND column < ?`.
    static func arguments(_ prefix: String) -> (SQLValue, SQLValue) {
        (.text(prefix), .textBytes(Array(prefix.utf8) + [0xFF]))
    }

    /// The same upper bound as valid text, for an engine whose text must be
    /// valid UTF-8: the prefix with its last scalar raised by one (UTF-8 byte
    /// order is scalar order, so everything with the prefix sorts below it
    /// and nothing else between). A prefix whose scalars are all U+10FFFF
    /// has no such successor; then the prefix followed by more U+10FFFF than
    /// any stored identifier can hold bytes serves.
    package static func textUpperBound(_ prefix: String) -> String {
        var scalars = Array(prefix.unicodeScalars)
        while let last = scalars.popLast() {
            var next = last.value + 1
            if next == 0xD800 { next = 0xE000 }  // surrogates are not scalars
            if let successor = Unicode.Scalar(next) {
                var view = String.UnicodeScalarView()
                view.append(contentsOf: scalars)
                view.append(successor)
                return String(view)
            }
        }
        let longest = max(Limits.maxIdBytes, Limits.maxSearchBytes, Limits.maxTargetRecordIdBytes)
        return prefix + String(repeating: "\u{10FFFF}", count: longest / 4 + 1)
    }
}
