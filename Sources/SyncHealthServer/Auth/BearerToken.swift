/// Reads the token out of an `authorization` metadata value,
/// `Bearer <token>` (RFC 6750 section 2.1).
///
/// The scheme is matched case-insensitively; any other scheme, a missing
/// token, extra words or characters outside RFC 6750's `b64token` set
/// (`A-Z a-z 0-9 - . _ ~ + /`, then `=` padding) make the value malformed.
/// Nothing here echoes the value: it is a secret.
public enum BearerToken {
    /// Why a value carries no usable token.
    public enum Failure: Error, Sendable, Hashable {
        /// No `authorization` metadata, or an empty value.
        case missing
        /// A value that is not `Bearer <token>`.
        case malformed
    }

    /// Longest token accepted, in bytes; longer values are malformed
    /// (tokens are ~70 characters; this only bounds hashing work).
    public static let maxTokenBytes = 512

    /// The token in `value`.
    public static func parse(_ value: String?) -> Result<String, Failure> {
        guard let value, !value.isEmpty else { return .failure(.missing) }
        let bytes = Array(value.utf8)
        // "Bearer" then one or more spaces then the token, nothing else.
        let scheme = Array("bearer".utf8)
        guard bytes.count > scheme.count else { return .failure(.malformed) }
        for (index, expected) in scheme.enumerated() where lowercased(bytes[index]) != expected {
            return .failure(.malformed)
        }
        var start = scheme.count
        guard bytes[start] == UInt8(ascii: " ") else { return .failure(.malformed) }
        while start < bytes.count, bytes[start] == UInt8(ascii: " ") { start += 1 }
        let token = bytes[start...]
        guard !token.isEmpty, token.count <= maxTokenBytes, isB64Token(token) else { return .failure(.malformed) }
        return .success(String(decoding: token, as: UTF8.self))
    }

    /// Whether `token` is RFC 6750 `b64token`: 1*( ALPHA / DIGIT / "-" / "." /
    /// "_" / "~" / "+" / "/" ) *"=".
    public static func isB64Token<Bytes: Collection>(_ token: Bytes) -> Bool where Bytes.Element == UInt8 {
        var seenPadding = false
        var body = 0
        for byte in token {
            if byte == UInt8(ascii: "=") {
                seenPadding = true
                continue
            }
            guard !seenPadding, isTokenCharacter(byte) else { return false }
            body += 1
        }
        return body > 0
    }

    private static func isTokenCharacter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "+"), UInt8(ascii: "/"):
            return true
        default:
            return false
        }
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte | 0x20 : byte
    }
}
