import SyncHealthServer
import SyncHealthWire
import Testing
import SyncHealthTestSupport
import SyncHealthTestTraits

/// The Authorizer on its own, with hand-made call contexts.
@Suite(.offThePool) struct AuthorizerTests {
    let authorizer: Authorizer

    init() throws {
        authorizer = try TestTokens.authorizer()
    }

    private func context(_ method: String, authorization: String?) -> CallContext {
        CallContext(method: method, metadata: authorization.map { ["authorization": $0] } ?? [:])
    }

    private func code(_ method: String, authorization: String?, request: [UInt8] = []) -> StatusCode {
        do throws(RPCError) {
            try authorizer.authorize(request: request, context: context(method, authorization: authorization))
            return .ok
        } catch {
            return error.code
        }
    }

    @Test func missingUnknownOrMalformedTokensAreUnauthenticated() {
        let viewer = TestTokens.token(for: .viewer)
        for authorization in [nil, "", "Bearer", "Bearer nope", "Basic \(viewer)", viewer, "Bearer \(viewer) x", "Bearer \(viewer.uppercased())"] {
            #expect(code(Methods.SyncHistory.listSyncs.fullName, authorization: authorization) == .unauthenticated, "\(String(describing: authorization))")
        }
        #expect(code(Methods.SyncHistory.listSyncs.fullName, authorization: "bearer \(viewer)") == .ok)
    }

    @Test func healthNeedsNoToken() {
        #expect(code(Methods.Health.check.fullName, authorization: nil) == .ok)
        #expect(code(Methods.Health.check.fullName, authorization: "Bearer nope") == .ok)
    }

    @Test func principalAndIdentityAreRecorded() throws {
        let call = context(Methods.Retry.retryFailedItems.fullName, authorization: "Bearer \(TestTokens.token(for: .operator))")
        try authorizer.authorize(request: [], context: call)
        #expect(call.principal == Principal(name: "test-operator", role: .operator))
        #expect(call.callerIdentity == "test-operator")

        // Recorded even when refused, so the log line says who was refused.
        let refused = context(Methods.Retry.retryFailedItems.fullName, authorization: "Bearer \(TestTokens.token(for: .viewer))")
        #expect(throws: RPCError.self) { try authorizer.authorize(request: [], context: refused) }
        #expect(refused.callerIdentity == "test-viewer")
    }

    @Test func customerIsHeldToItsOwnCompany() throws {
        let customer = "Bearer \(TestTokens.token(for: .customer))"
        let method = Methods.SyncHistory.listCompanySyncs.fullName
        func request(_ company: String) -> [UInt8] {
            ListCompanySyncsRequest(companyId: company, pageSize: 10).serializedBytes()
        }
        #expect(code(method, authorization: customer, request: request(TestTokens.customerCompany)) == .ok)
        for other in [
            TestTokens.otherCompany, "", "COMPANY-1", "company-1 ", " company-1", "company-", "company-10",
            "company‑1",  // non-breaking hyphen
        ] {
            #expect(code(method, authorization: customer, request: request(other)) == .permissionDenied, "\(other)")
        }
        // Staff roles may ask for any company.
        for role in [Role.viewer, .operator, .admin] {
            #expect(code(method, authorization: "Bearer \(TestTokens.token(for: role))", request: request(TestTokens.otherCompany)) == .ok)
        }
        // A request that does not decode is refused before the handler.
        #expect(code(method, authorization: customer, request: [0xFF, 0xFF, 0xFF]) == .invalidArgument)
    }

    @Test func customerCompanyIsComparedByteForByte() throws {
        // Swift's == treats canonically equivalent strings as equal; SQLite,
        // and so the store, does not. "é" precomposed vs e + combining acute.
        let precomposed = "caf\u{E9}", decomposed = "cafe\u{301}"
        #expect(precomposed == decomposed)
        let registry = try TokenRegistry([
            TokenEntry(name: "cafe", role: .customer, companyId: precomposed, digest: TokenDigest.digest(of: "cafe-token")),
        ])
        let authorizer = Authorizer(registry: registry)
        let method = Methods.SyncHistory.listCompanySyncs.fullName
        let own = CallContext(method: method, metadata: ["authorization": "Bearer cafe-token"])
        try authorizer.authorize(request: ListCompanySyncsRequest(companyId: precomposed).serializedBytes(), context: own)
        let lookalike = CallContext(method: method, metadata: ["authorization": "Bearer cafe-token"])
        #expect(throws: RPCError(.permissionDenied, "a customer token may only list its own company's syncs")) {
            try authorizer.authorize(request: ListCompanySyncsRequest(companyId: decomposed).serializedBytes(), context: lookalike)
        }
    }

    @Test func errorMessagesNeverCarryTheToken() {
        let secret = "shd_this_is_secret_0123456789"
        for authorization in ["Bearer \(secret)", "Basic \(secret)", secret, "Bearer \(secret) \(secret)", "Bearer \(TestTokens.token(for: .ingest))"] {
            do throws(RPCError) {
                try authorizer.authorize(request: [], context: context(Methods.SyncHistory.getSync.fullName, authorization: authorization))
                Issue.record("accepted")
            } catch {
                #expect(!error.message.contains(secret))
                #expect(!error.message.contains(TestTokens.token(for: .ingest)))
                #expect(!error.message.lowercased().contains("shd_"))
            }
        }
    }

    @Test func disabledAllowsEverythingAsTheDevelopmentPrincipal() throws {
        for method in MethodCatalog.known + ["/synchealth.v1.Secret/Export"] {
            let call = CallContext(method: method)
            try Authorizer.disabled.authorize(request: [0xFF], context: call)
            if method != Methods.Health.check.fullName {
                #expect(call.principal == .unauthenticatedDevelopment)
                #expect(call.callerIdentity == "no-auth")
            }
        }
    }
}
