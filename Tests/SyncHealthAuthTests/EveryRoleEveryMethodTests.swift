import SyncHealthServer
import SyncHealthWire
import Testing
import SyncHealthTestSupport
import SyncHealthTestTraits

/// Every role against every method over TCP: the status is the one the
/// issue asks for. An allowed call may still fail validation (the requests
/// are empty), but never with UNAUTHENTICATED, PERMISSION_DENIED or
/// UNIMPLEMENTED.
@Suite(.offThePool) struct EveryRoleEveryMethodTests {
    static let refusals: Set<StatusCode> = [.unauthenticated, .permissionDenied, .unimplemented]

    @Test(arguments: Role.allCases)
    func roleAgainstEveryMethod(role: Role) async throws {
        let live = try LiveAuth()
        defer { live.stop() }
        for method in MethodCatalog.known {
            let (code, message) = await live.call(method, as: role)
            if ExpectedAccess.allows(role, method) {
                #expect(!Self.refusals.contains(code), "\(role) on \(method): \(code.name) \(message)")
            } else {
                #expect(code == .permissionDenied, "\(role) on \(method): \(code.name) \(message)")
            }
        }
    }

    @Test(arguments: [
        nil, "", "Bearer", "Bearer ", "Bearer unknown-token", "Basic dXNlcjpwYXNz", "shd_test_admin_token",
        "Bearer shd_test_admin_token extra", "Bearer SHD_TEST_ADMIN_TOKEN", "Bearer shd_test_admin_token\u{7}",
        "Token shd_test_admin_token",
    ] as [String?])
    func noUnknownOrMalformedTokenIsUnauthenticated(authorization: String?) async throws {
        let live = try LiveAuth()
        defer { live.stop() }
        for method in MethodCatalog.known {
            let (code, message) = await live.call(method, authorization: authorization)
            if method == Methods.Health.check.fullName {
                #expect(code == .ok, "\(method): \(code.name) \(message)")
            } else {
                #expect(code == .unauthenticated, "\(method): \(code.name) \(message)")
            }
        }
    }

    @Test func authorizationKeyIsCaseInsensitive() async throws {
        let live = try LiveAuth()
        defer { live.stop() }
        let result = try await live.service.client.transport.call(
            Methods.SyncHistory.listSyncs, ListSyncsRequest(),
            timeout: .seconds(10), metadata: ["Authorization": "Bearer \(TestTokens.token(for: .viewer))"])
        #expect(result.syncs.isEmpty)
    }

    @Test func unknownMethodsStayUnimplemented() async throws {
        let live = try LiveAuth()
        defer { live.stop() }
        // Known to nobody: UNIMPLEMENTED before any token check (the method
        // catalogue is public in proto/, so this reveals nothing).
        #expect(await live.call("/synchealth.v1.Nope/Nothing", authorization: nil).code == .unimplemented)
        #expect(await live.call("/synchealth.v1.Nope/Nothing", as: .viewer).code == .unimplemented)
    }

    @Test func methodsRegisteredLaterAreAdminOnly() async throws {
        let live = try LiveAuth()
        defer { live.stop() }
        let method = "/synchealth.v1.Export/Everything"
        live.service.server.router.register(method) { _, _ in [] }
        for role in Role.allCases {
            let (code, _) = await live.call(method, as: role)
            #expect(code == (role == .admin ? .ok : .permissionDenied), "\(role)")
        }
        #expect(await live.call(method, authorization: nil).code == .unauthenticated)
    }

    @Test func viewerIsRefusedWhenItTriesToRetry() async throws {
        let live = try LiveAuth()
        defer { live.stop() }
        let request = RetryFailedItemsRequest().serializedBytes()
        let (code, message) = await live.call(Methods.Retry.retryFailedItems.fullName, as: .viewer, request: request)
        #expect(code == .permissionDenied)
        #expect(message.contains("viewer"))
        #expect(await live.call(Methods.Retry.retryFailedItems.fullName, as: .operator, request: request).code == .ok)
    }
}
