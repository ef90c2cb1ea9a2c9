import SyncHealthDaemon
import SyncHealthServer
import Testing
import SyncHealthTestSupport
import SyncHealthTestTraits

@Suite(.offThePool) struct TokenConfigurationTests {
    static let hex = TokenDigest.hex(of: "secret-token")

    @Test(arguments: [Role.viewer, .operator, .ingest, .admin])
    func parsesRoleAndDigest(role: Role) throws {
        let entry = try TokenEntry.parse(name: "desk", value: "\(role.rawValue):\(Self.hex)")
        #expect(entry.name == "desk" && entry.role == role && entry.companyId == nil)
        #expect(entry.digest == TokenDigest.digest(of: "secret-token"))
        #expect(entry.principal == Principal(name: "desk", role: role))
    }

    @Test func parsesCustomerWithCompany() throws {
        let entry = try TokenEntry.parse(name: "acme-portal", value: "customer:company-0001:\(Self.hex)")
        #expect(entry.role == .customer && entry.companyId == "company-0001")
        // A company id may itself contain colons: the digest is after the last one.
        let colons = try TokenEntry.parse(name: "c", value: "customer:tenant:eu:42:\(Self.hex.uppercased())")
        #expect(colons.companyId == "tenant:eu:42")
        #expect(colons.digest == entry.digest)
        let spaced = try TokenEntry.parse(name: "c", value: " customer : company-0001 : \(Self.hex) ")
        #expect(spaced.companyId == "company-0001")
    }

    @Test(arguments: [
        "viewer",                                  // no digest
        "viewer:",                                  // empty digest
        "viewer:abc",                               // short digest
        "superuser:\(hex)",                         // unknown role
        "Viewer:\(hex)",                            // roles are lower case
        ":\(hex)",                                  // no role
        "customer:\(hex)",                          // customer without company
        "customer::\(hex)",                         // empty company
        "customer:a\u{7}b:\(hex)",                  // control character
        "customer:\(String(repeating: "c", count: 129)):\(hex)",
        "viewer:company-1:\(hex)",                  // company on a staff role
        "\(hex)",                                   // digest only
    ])
    func rejectsBadValues(value: String) {
        #expect(throws: SettingsError.self) { try TokenEntry.parse(name: "t", value: value) }
    }

    @Test func errorsNeverRepeatTheDigest() {
        for value in ["superuser:\(Self.hex)", "viewer:company:\(Self.hex)", "customer:\(Self.hex)", "viewer:\(Self.hex)0"] {
            do {
                _ = try TokenEntry.parse(name: "t", value: value)
                Issue.record("accepted \(value)")
            } catch {
                #expect(!String(describing: error).contains(Self.hex), "\(error)")
                #expect(!String(describing: error).contains(Self.hex.prefix(16)), "\(error)")
            }
        }
    }

    @Test(arguments: ["", "has space", "a/b", "ünï", String(repeating: "n", count: 65), "a=b"])
    func rejectsBadNames(name: String) {
        #expect(throws: SettingsError.self) { try TokenEntry.parse(name: name, value: "viewer:\(Self.hex)") }
    }

    @Test func configFileLines() throws {
        let file = """
            listen = 127.0.0.1:0
            # staff
            token.support-desk = viewer:\(TokenDigest.hex(of: "t1"))
            token.ops = operator:\(TokenDigest.hex(of: "t2"))   # on call
            token.acme = customer:company-1:\(TokenDigest.hex(of: "t3"))
            """
        let settings = try DaemonSettings.resolve(flags: [:], environment: [:], file: file)
        #expect(settings.authEnabled)
        #expect(settings.tokens.map(\.name) == ["support-desk", "ops", "acme"])
        #expect(settings.tokens.map(\.role) == [.viewer, .operator, .customer])
        #expect(settings.tokens[2].companyId == "company-1")
        try settings.checkAuthentication()
        let authorizer = try settings.makeAuthorizer()
        guard case .enforced(let store) = authorizer.mode else {
            Issue.record("authentication should be on")
            return
        }
        let registry = store.current
        #expect(registry.principal(forToken: "t2") == Principal(name: "ops", role: .operator))
        #expect(registry.principal(forToken: "t3") == Principal(name: "acme", role: .customer, companyId: "company-1"))
        #expect(registry.principal(forToken: "t4") == nil)
    }

    @Test func duplicateTokenNamesAreRefused() {
        let file = """
            token.a = viewer:\(TokenDigest.hex(of: "t1"))
            token.a = admin:\(TokenDigest.hex(of: "t2"))
            """
        #expect(throws: SettingsError.self) { try DaemonSettings.resolve(flags: [:], environment: [:], file: file) }
    }

    @Test func sharedDigestIsRefused() throws {
        let file = """
            token.a = viewer:\(TokenDigest.hex(of: "t1"))
            token.b = admin:\(TokenDigest.hex(of: "t1"))
            """
        let settings = try DaemonSettings.resolve(flags: [:], environment: [:], file: file)
        #expect(throws: SettingsError.self) { try settings.makeAuthorizer() }
    }

    @Test func tokensComeOnlyFromTheConfigFile() {
        #expect(throws: SettingsError.self) {
            try DaemonSettings.resolve(flags: ["token.a": "viewer:\(Self.hex)"], environment: [:], file: nil)
        }
    }

    @Test func refusesToStartWithoutTokensUnlessNoAuthOrDemo() throws {
        let bare = try DaemonSettings.resolve(flags: [:], environment: [:], file: nil)
        #expect(bare.authEnabled)
        #expect(throws: SettingsError.self) { try bare.checkAuthentication() }
        #expect(throws: SettingsError.self) { try bare.makeAuthorizer() }
        do {
            try bare.checkAuthentication()
        } catch {
            #expect(String(describing: error).contains("--no-auth"))
            #expect(String(describing: error).contains("hash-token"))
        }

        let demo = try DaemonSettings.resolve(flags: ["demo": "true"], environment: [:], file: nil)
        try demo.checkAuthentication()
        let demoTokens = try DemoTokens(customerCompanyId: "company-1")
        guard case .enforced = try demo.makeAuthorizer(extraTokens: demoTokens.entries).mode else {
            Issue.record("demo keeps authentication on")
            return
        }
    }

    @Test(arguments: [
        ([String: String](), ["SYNCHEALTH_AUTH": "off"], nil as String?),
        (["auth": "off"], [:], nil),                              // --no-auth
        ([:], [:], "auth = off"),
        ([:], [:], "auth = false"),
    ])
    func authenticationCanBeTurnedOff(flags: [String: String], environment: [String: String], file: String?) throws {
        let settings = try DaemonSettings.resolve(flags: flags, environment: environment, file: file)
        #expect(!settings.authEnabled)
        try settings.checkAuthentication()
        guard case .disabled = try settings.makeAuthorizer().mode else {
            Issue.record("authentication should be off")
            return
        }
    }

    @Test func flagOverridesFileForAuth() throws {
        let settings = try DaemonSettings.resolve(flags: ["auth": "on"], environment: [:], file: "auth = off")
        #expect(settings.authEnabled)
        #expect(throws: SettingsError.self) {
            try DaemonSettings.resolve(flags: [:], environment: [:], file: "auth = maybe")
        }
    }

    @Test func registryMatchesOnlyExactTokens() throws {
        let registry = try TokenRegistry(TestTokens.entries())
        for role in Role.allCases {
            let principal = try #require(registry.principal(forToken: TestTokens.token(for: role)))
            #expect(principal.role == role && principal.name == TestTokens.name(for: role))
        }
        let viewer = TestTokens.token(for: .viewer)
        for near in [viewer.uppercased(), viewer + " ", String(viewer.dropLast()), viewer + "x", ""] {
            #expect(registry.principal(forToken: near) == nil)
        }
        #expect(try TokenRegistry([]).isEmpty)
    }

    @Test func demoTokensCoverEveryRoleWithFreshSecrets() throws {
        let first = try DemoTokens(customerCompanyId: "company-7")
        let second = try DemoTokens(customerCompanyId: "company-7")
        #expect(first.entries.map(\.role) == Role.allCases)
        #expect(first.entries.map(\.name) == Role.allCases.map { "demo-\($0.rawValue)" })
        #expect(first.entries.filter { $0.role == .customer }.map(\.companyId) == ["company-7"])
        #expect(Set(first.credentials.map(\.token)).count == Role.allCases.count)
        #expect(Set(first.credentials.map(\.token)).isDisjoint(with: second.credentials.map(\.token)))
        for credential in first.credentials {
            #expect(credential.token.hasPrefix("shd_") && credential.token.utf8.count == 68)
            #expect(BearerToken.parse("Bearer \(credential.token)") == .success(credential.token))
            #expect(credential.entry.digest == TokenDigest.digest(of: credential.token))
        }
        let registry = try TokenRegistry(first.entries)
        #expect(registry.principal(forToken: first.credentials[0].token)?.role == .viewer)
        #expect(first.printedLines[0] == "demo token viewer: \(first.credentials[0].token)")
        #expect(first.printedLines.contains { $0.hasPrefix("demo token customer: shd_") && $0.hasSuffix("(company company-7)") })
    }
}
