import SyncHealthStorage

/// SHA-256 digests of bearer tokens: the only form in which tokens are
/// configured or kept in memory.
public enum TokenDigest {
    /// The 32-byte SHA-256 of `token`'s UTF-8 bytes.
    public static func digest(of token: String) -> [UInt8] {
        SHA256Digest.hash(token.utf8)
    }

    /// The SHA-256 of `token` as 64 lower-case hex characters, as
    /// `synchealthd hash-token` prints it for the config file.
    public static func hex(of token: String) -> String {
        SHA256Digest.hexDigest(token.utf8)
    }

    /// The 32 bytes that `text` (64 hex characters, either case) spells, or
    /// nil when it is anything else.
    public static func parseHex(_ text: String) -> [UInt8]? {
        let characters = Array(text.utf8)
        guard characters.count == 64 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(32)
        var index = 0
        while index < characters.count {
            guard let high = nibble(characters[index]), let low = nibble(characters[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
            index += 2
        }
        return bytes
    }

    private static func nibble(_ character: UInt8) -> UInt8? {
        switch character {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return character - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return character - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return character - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
