import SyncHealthDigest
/// The cause of an error message: the message with what varies between
/// occurrences of the same cause taken out, and a short stable id for it.
/// Pure.
///
/// "Invoice INV-1042 total 31.20 does not match" and "Invoice INV-77 total
/// 8.00 does not match" both become "Invoice <id> total <num> does not
/// match". What is replaced (see `FingerprintNormalizer`):
///
/// | in the message | becomes |
/// |---|---|
/// | text in quotes: "…", '…', `…`, “…”, ‘…’, «…» | `<q>` |
/// | e-mail addresses, URLs, UUIDs | `<email>`, `<url>`, `<uuid>` |
/// | dates (2024-01-31, 31/01/2024, ISO timestamps) and times (12:30:05) | `<date>`, `<time>` |
/// | month names next to a number ("31 Jan 2024") | `<month>` |
/// | numbers and amounts ($31.20, -8,00, 12%, 1e5) | `<num>` |
/// | words with digits: document numbers and ids (INV-1042, #1042, cus_8x7H2) | `<id>` |
/// | ISO currency codes (USD, EUR, ...) | `<cur>` |
/// | lists of one placeholder ("<id>, <id>, <id>") | one placeholder |
///
/// Kept: every other word, and a number of up to four digits right after
/// "HTTP", "status", "code" or "error" (an HTTP status or a platform's error
/// code names the cause: "status code 401" and "status code 429" differ).
/// Whitespace runs become one space.
package struct ErrorFingerprint: Hashable, Sendable {
    /// The normalized message, at most `maxBytes` UTF-8 bytes.
    package let text: String
    /// 16 lower-case hex digits: the first 8 bytes of SHA-256 of `text`.
    package let groupId: String

    /// Longest fingerprint kept; longer ones are cut (on a character boundary).
    package static let maxBytes = 512
    /// Length of a group id.
    package static let groupIdLength = 16

    /// The fingerprint of `message`; nil when the message is empty or blank
    /// (a blank message names no cause and is grouped nowhere).
    package init?(message: String) {
        let text = FingerprintNormalizer.normalize(message)
        guard !text.isEmpty else { return nil }
        self.text = text
        self.groupId = Self.groupId(of: text)
    }

    /// The group id of a normalized text.
    package static func groupId(of text: String) -> String {
        String(SHA256Digest.hexDigest(text.utf8).prefix(groupIdLength))
    }

    /// True when `value` has the shape of a group id: 16 lower-case hex digits.
    package static func isGroupId(_ value: String) -> Bool {
        value.utf8.count == groupIdLength
            && value.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }
}
