import SyncHealthWire

/// One configured token, as a line of the daemon's config file:
///
/// ```
/// # token.<name> = <role>:<sha256-hex>
/// token.support-desk = viewer:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08
/// token.sync-engine  = ingest:60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752
/// # token.<name> = customer:<company-id>:<sha256-hex>
/// token.acme-portal  = customer:company-0001:fd61a03af4f77d870fc21e05e7e80678095c92d808cfb3b5c279ee04c74aca13
/// ```
///
/// `<name>` (1-64 of `A-Z a-z 0-9 . _ -`) identifies the caller in logs and
/// records (`CallContext.callerIdentity`); `<role>` is one of `Role`;
/// `<sha256-hex>` is what `synchealthd hash-token` prints for the token, so
/// the raw token never sits in the file. A company id may contain `:` (the
/// digest is after the last one) but not `#`, which starts a comment.
public struct TokenEntry: Sendable, Hashable {
    /// The token's name.
    public let name: String
    /// What it may do.
    public let role: Role
    /// The company of a customer token; nil for other roles.
    public let companyId: String?
    /// SHA-256 of the token.
    public let digest: [UInt8]

    /// Longest token name, in bytes.
    public static let maxNameBytes = 64

    /// An entry.
    /// - Throws: `SettingsError` for a bad name, a customer without a
    ///   company, a company on another role, or a digest that is not 32 bytes.
    public init(name: String, role: Role, companyId: String? = nil, digest: [UInt8]) throws(SettingsError) {
        guard Self.isValidName(name) else {
            throw SettingsError("token name must be 1-\(Self.maxNameBytes) characters of A-Z a-z 0-9 . _ -")
        }
        switch (role, companyId) {
        case (.customer, nil):
            throw SettingsError("token.\(name): a customer token needs a company id (customer:<company-id>:<sha256-hex>)")
        case (.customer, let company?):
            guard !company.isEmpty, company.utf8.count <= Limits.maxIdBytes,
                  !company.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
            else {
                throw SettingsError("token.\(name): company id must be 1-\(Limits.maxIdBytes) bytes without control characters")
            }
        case (_, nil):
            break
        case (_, .some):
            throw SettingsError("token.\(name): only customer tokens are bound to a company")
        }
        guard digest.count == 32 else { throw SettingsError("token.\(name): the digest must be 32 bytes") }
        self.name = name
        self.role = role
        self.companyId = companyId
        self.digest = digest
    }

    /// Parses the value of a `token.<name>` line: `<role>:<sha256-hex>` or
    /// `customer:<company-id>:<sha256-hex>`. Error messages never repeat the
    /// digest.
    public static func parse(name: String, value: String) throws(SettingsError) -> TokenEntry {
        let usage = "token.\(name) must be '<role>:<sha256-hex>' or 'customer:<company-id>:<sha256-hex>'"
        guard let firstColon = value.firstIndex(of: ":"), let lastColon = value.lastIndex(of: ":") else {
            throw SettingsError(usage)
        }
        let roleText = String(value[..<firstColon]).trimmedSpaces()
        let digestText = String(value[value.index(after: lastColon)...]).trimmedSpaces()
        guard let role = Role(rawValue: roleText) else {
            throw SettingsError("token.\(name): unknown role; known: \(Role.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard let digest = TokenDigest.parseHex(digestText) else {
            throw SettingsError("token.\(name): the digest must be 64 hex characters (see synchealthd hash-token)")
        }
        var companyId: String?
        if firstColon != lastColon {
            companyId = String(value[value.index(after: firstColon)..<lastColon]).trimmedSpaces()
        } else if role == .customer {
            throw SettingsError(usage)
        }
        return try TokenEntry(name: name, role: role, companyId: companyId, digest: digest)
    }

    /// The caller a matching token authenticates as.
    public var principal: Principal {
        Principal(name: name, role: role, companyId: companyId)
    }

    private static func isValidName(_ name: String) -> Bool {
        let bytes = name.utf8
        guard !bytes.isEmpty, bytes.count <= maxNameBytes else { return false }
        return bytes.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "-"):
                return true
            default:
                return false
            }
        }
    }
}
