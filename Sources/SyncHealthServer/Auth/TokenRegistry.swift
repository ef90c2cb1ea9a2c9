/// The configured tokens, by digest. Looks a presented token up by hashing
/// it and comparing the digest with every entry in constant time, so the
/// time taken says nothing about how close a guess came.
public struct TokenRegistry: Sendable {
    /// The entries, in configuration order.
    public let entries: [TokenEntry]

    /// A registry of `entries`.
    /// - Throws: `SettingsError` when two entries share a name or a digest
    ///   (one token must mean one caller).
    public init(_ entries: [TokenEntry]) throws(SettingsError) {
        var names: Set<String> = []
        var digests: Set<[UInt8]> = []
        for entry in entries {
            guard names.insert(entry.name).inserted else {
                throw SettingsError("token.\(entry.name) is configured twice")
            }
            guard digests.insert(entry.digest).inserted else {
                throw SettingsError("token.\(entry.name) has the same digest as another token; give every caller its own token")
            }
        }
        self.entries = entries
    }

    /// Whether no token is configured.
    public var isEmpty: Bool { entries.isEmpty }

    /// The caller `token` authenticates as, or nil for an unknown token.
    public func principal(forToken token: String) -> Principal? {
        principal(forDigest: TokenDigest.digest(of: token))
    }

    /// The caller whose token has `digest`, or nil. Compares against every
    /// entry, never stopping early.
    public func principal(forDigest digest: [UInt8]) -> Principal? {
        var match: TokenEntry?
        for entry in entries {
            let equal = ConstantTime.equals(entry.digest, digest)
            if equal { match = entry }
        }
        return match?.principal
    }
}
