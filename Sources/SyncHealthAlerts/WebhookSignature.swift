public import Crypto
import Foundation

/// The `X-SyncHealth-Signature` header: `v1=` and the lower-case hex
/// HMAC-SHA256 of `"<timestamp>.<body>"` under the rule's signing secret
/// (its 64 hex digits as ASCII bytes). The timestamp is the
/// `X-SyncHealth-Timestamp` header (Unix seconds), signed with the body so a
/// receiver can refuse a replayed delivery. Pure.
public enum WebhookSignature {
    /// The header value for `body` sent at `timestamp`.
    public static func header(secret: String, timestamp: String, body: String) -> String {
        "v1=" + hex(code(secret: secret, timestamp: timestamp, body: body))
    }

    /// Whether `header` is the signature of `body` at `timestamp`, compared
    /// in constant time (what a receiver does; the tests' receiver uses it).
    public static func verify(header: String, secret: String, timestamp: String, body: String) -> Bool {
        guard header.hasPrefix("v1="), let given = bytes(hex: String(header.dropFirst(3))) else { return false }
        return HMAC<SHA256>.isValidAuthenticationCode(
            given, authenticating: Array("\(timestamp).\(body)".utf8), using: SymmetricKey(data: Array(secret.utf8)))
    }

    private static func code(secret: String, timestamp: String, body: String) -> [UInt8] {
        Array(HMAC<SHA256>.authenticationCode(
            for: Array("\(timestamp).\(body)".utf8), using: SymmetricKey(data: Array(secret.utf8))))
    }

    private static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        return String(decoding: bytes.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 0xF)]] }, as: UTF8.self)
    }

    private static func bytes(hex: String) -> [UInt8]? {
        let utf8 = Array(hex.utf8)
        guard utf8.count == 64 else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(32)
        var index = 0
        while index < utf8.count {
            guard let high = nibble(utf8[index]), let low = nibble(utf8[index + 1]) else { return nil }
            out.append(high << 4 | low)
            index += 2
        }
        return out
    }

    private static func nibble(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        default: nil
        }
    }
}
