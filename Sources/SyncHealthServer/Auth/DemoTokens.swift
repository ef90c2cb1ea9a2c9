import SyncHealthConcurrency
/// Fresh random tokens, one per role, for `synchealthd --demo`: they are
/// made at every start and printed, never stored, so a demo left listening
/// has no well-known token.
public struct DemoTokens: Sendable {
    /// One role's token.
    public struct Credential: Sendable {
        /// The raw token, to print once and send as `Bearer <token>`.
        public let token: String
        /// Its registry entry (name `demo-<role>`, the token's digest).
        public let entry: TokenEntry
    }

    /// In `Role.allCases` order; the customer's is bound to the company given.
    public let credentials: [Credential]

    /// Makes a token for every role.
    /// - Parameters:
    ///   - customerCompanyId: the company the customer token is bound to.
    ///   - generator: the random source (tests inject a seeded one).
    /// - Throws: `SettingsError` when `customerCompanyId` is not a valid id.
    public init<Generator: RandomNumberGenerator>(customerCompanyId: String, using generator: inout Generator) throws(SettingsError) {
        var credentials: [Credential] = []
        for role in Role.allCases {
            let token = Self.randomToken(using: &generator)
            let entry = try TokenEntry(
                name: "demo-\(role.rawValue)", role: role,
                companyId: role == .customer ? customerCompanyId : nil,
                digest: TokenDigest.digest(of: token))
            credentials.append(Credential(token: token, entry: entry))
        }
        self.credentials = credentials
    }

    /// Makes a token for every role from the system's secure random source.
    public init(customerCompanyId: String) throws(SettingsError) {
        var generator = SecureRandom()
        try self.init(customerCompanyId: customerCompanyId, using: &generator)
    }

    /// The registry entries.
    public var entries: [TokenEntry] { credentials.map(\.entry) }

    /// The lines the daemon prints on stdout, e.g.
    /// `demo token viewer: shd_…` and
    /// `demo token customer: shd_… (company company-0001)`.
    public var printedLines: [String] {
        credentials.map { credential in
            let role = credential.entry.role.rawValue
            if let company = credential.entry.companyId {
                return "demo token \(role): \(credential.token) (company \(company))"
            }
            return "demo token \(role): \(credential.token)"
        }
    }

    /// "shd_" and 64 hex characters: 256 random bits, and a prefix that
    /// secret scanners can match.
    public static func randomToken<Generator: RandomNumberGenerator>(using generator: inout Generator) -> String {
        "shd_" + RandomHex.string(words: 4, using: &generator)
    }
}
