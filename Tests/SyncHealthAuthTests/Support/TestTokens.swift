import SyncHealthServer

/// One known token per role; the customer's is bound to `customerCompany`.
enum TestTokens {
    static let customerCompany = "company-1"
    static let otherCompany = "company-2"

    /// The raw token of `role`'s test caller.
    static func token(for role: Role) -> String { "shd_test_\(role.rawValue)_token" }

    /// The registry name of `role`'s test caller.
    static func name(for role: Role) -> String { "test-\(role.rawValue)" }

    /// A configuration entry for every role.
    static func entries() throws -> [TokenEntry] {
        try Role.allCases.map { role in
            try TokenEntry(
                name: name(for: role), role: role,
                companyId: role == .customer ? customerCompany : nil,
                digest: TokenDigest.digest(of: token(for: role)))
        }
    }

    /// An authorizer that knows every test token.
    static func authorizer() throws -> Authorizer {
        Authorizer(registry: try TokenRegistry(entries()))
    }
}
