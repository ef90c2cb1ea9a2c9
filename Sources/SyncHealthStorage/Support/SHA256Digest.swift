/// SHA-256 for other modules: the server hashes bearer tokens with it so
/// that only digests of tokens are ever configured or held in memory.
///
/// Unsalted SHA-256 suits tokens because they are long random strings
/// (a dictionary attack has nothing to guess), not human passwords.
public enum SHA256Digest {
    /// The 32-byte digest of `bytes`.
    public static func hash<Bytes: Sequence>(_ bytes: Bytes) -> [UInt8] where Bytes.Element == UInt8 {
        SHA256.hash(bytes)
    }

    /// The digest of `bytes` as 64 lower-case hex characters.
    public static func hexDigest<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        SHA256.hexDigest(bytes)
    }
}
