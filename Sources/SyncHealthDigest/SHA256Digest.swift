import Crypto

/// SHA-256 from swift-crypto, as bytes or lower-case hex. Every hash in
/// SyncHealth goes through here: config document hashes, error-group ids,
/// page-token checksums, retry request fingerprints, and the server's bearer
/// token digests (only digests of tokens are ever configured or held).
///
/// Unsalted SHA-256 suits tokens because they are long random strings
/// (a dictionary attack has nothing to guess), not human passwords.
public enum SHA256Digest {
    /// The 32-byte digest of `bytes`.
    public static func hash<Bytes: Sequence>(_ bytes: Bytes) -> [UInt8] where Bytes.Element == UInt8 {
        var hasher = Crypto.SHA256()
        hasher.update(data: Array(bytes))
        return Array(hasher.finalize())
    }

    /// The digest of `bytes` as 64 lower-case hex characters.
    public static func hexDigest<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        hex(hash(bytes))
    }

    /// `bytes` as lower-case hex.
    public static func hex(_ bytes: [UInt8]) -> String { Hex.encode(bytes) }
}
