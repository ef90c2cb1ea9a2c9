import SyncHealthDigest

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
        guard text.utf8.count == 64 else { return nil }
        return Hex.decode(text)
    }
}
