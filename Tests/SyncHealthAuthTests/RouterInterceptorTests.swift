import SyncHealthServer
import SyncHealthWire
import SyncHealthConcurrency
import Testing
import SyncHealthTestSupport
import SyncHealthTestTraits

/// The hook itself: the interceptor runs before every handler the router
/// hands out, and a refusal means the handler never runs.
@Suite(.offThePool) struct RouterInterceptorTests {
    final class Counter: Sendable {
        let value = Locked(0)
        func bump() { value.withLock { $0 += 1 } }
        var count: Int { value.withLock { $0 } }
    }

    @Test func refusalStopsTheHandler() throws {
        let handled = Counter(), intercepted = Counter()
        let router = Router { _, context in
            intercepted.bump()
            if context.method.hasSuffix("/Denied") { throw RPCError(.permissionDenied, "no") }
        }
        router.register("/t.S/Allowed") { request, _ in handled.bump(); return request }
        #expect(try router.handler(for: "/t.S/Allowed")?([1, 2], CallContext(method: "/t.S/Allowed")) == [1, 2])
        // Registered after the first lookup: still checked.
        router.register("/t.S/Denied") { _, _ in handled.bump(); return [] }
        let denied = try #require(router.handler(for: "/t.S/Denied"))
        #expect(throws: RPCError(.permissionDenied, "no")) { try denied([], CallContext(method: "/t.S/Denied")) }
        #expect(handled.count == 1 && intercepted.count == 2)
        #expect(router.handler(for: "/t.S/Unknown") == nil)
    }

    @Test func withoutInterceptorHandlersRunAsRegistered() throws {
        let router = Router()
        router.register("/t.S/M") { request, _ in request }
        #expect(try router.handler(for: "/t.S/M")?([7], CallContext(method: "/t.S/M")) == [7])
    }

    @Test func refusedCallsNeverReachTheHandler() async throws {
        let live = try LiveAuth()
        defer { live.stop() }
        for role in Role.allCases where role != .operator && role != .admin {
            #expect(await live.call(Methods.Retry.retryFailedItems.fullName, as: role).code == .permissionDenied)
        }
        #expect(await live.call(Methods.Retry.cancelRetryJob.fullName, authorization: nil).code == .unauthenticated)
        #expect(live.seen[Methods.Retry.retryFailedItems.fullName] == nil)
        #expect(live.seen[Methods.Retry.cancelRetryJob.fullName] == nil)
    }
}
