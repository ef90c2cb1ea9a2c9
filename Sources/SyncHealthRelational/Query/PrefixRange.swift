import SyncHealthStorage
/// "Starts with" as a range comparison, so it can use an index and needs no
/// LIKE escaping: under SQLite's BINARY collation (byte-wise comparison of
/// UTF-8), every string that starts with `prefix` is `>= prefix` and
/// `< prefix + 0xFF`, because 0xFF never occurs in valid UTF-8.
enum PrefixRange {
    /// `(lower, upper)` arguments for `column >= ? AND column < ?`.
    static func arguments(_ prefix: String) -> (SQLValue, SQLValue) {
        (.text(prefix), .textBytes(Array(prefix.utf8) + [0xFF]))
    }
}
