import Glibc
import SyncHealthServer
import SyncHealthWire

/// Methods of the test router.
enum M {
    static let echo = "/test.Echo/Echo"
    static let gate = "/test.Echo/Gate"
    static let block = "/test.Echo/Block"
    static let sleep = "/test.Echo/Sleep"
    static let fail = "/test.Echo/Fail"
    static let crash = "/test.Echo/Crash"
    static let big = "/test.Echo/Big"
    static let metadata = "/test.Echo/Metadata"
    static let unavailable = "/test.Echo/Unavailable"
    static let exhausted = "/test.Echo/Exhausted"
    static let nulResponse = "/test.Typed/NulResponse"
    static let typed = "/test.Typed/Check"
}

struct TestFailure: Error {}

/// Longest any test handler waits on its own; only a broken test reaches it.
private let handlerSafetyCap: Duration = .seconds(20)

private func waitWhile(_ context: CallContext, _ keepWaiting: () -> Bool) {
    let deadline = ContinuousClock.now + handlerSafetyCap
    while keepWaiting(), !context.isCancelled, ContinuousClock.now < deadline { usleep(1000) }
}

/// A router with the test handlers, reporting to `probe`.
func makeTestRouter(probe: Probe) -> Router {
    let router = Router()
    router.register(M.echo) { bytes, _ in
        probe.record("echo")
        return bytes
    }
    // Holds the call until the test opens the gate (or the call is cancelled).
    router.register(M.gate) { bytes, context in
        probe.record("gate.started")
        waitWhile(context) { !probe.isGateOpen }
        probe.record("gate.finished")
        return bytes
    }
    // Runs until cancelled (CANCEL, deadline, connection loss, shutdown).
    router.register(M.block) { _, context in
        probe.record("block.started")
        waitWhile(context) { true }
        probe.recordCancellation(context.cancellationReason)
        probe.record("block.finished")
        try context.checkCancellation()
        return []
    }
    // Sleeps the number of microseconds in the request (decimal text), then echoes it.
    router.register(M.sleep) { bytes, _ in
        usleep(UInt32(String(decoding: bytes, as: UTF8.self)) ?? 0)
        return bytes
    }
    router.register(M.fail) { _, _ in throw RPCError(.notFound, "no such thing") }
    router.register(M.crash) { _, _ in throw TestFailure() }
    // Answers with as many bytes as the request says (decimal text).
    router.register(M.big) { bytes, _ in
        [UInt8](repeating: 0x42, count: Int(String(decoding: bytes, as: UTF8.self)) ?? 0)
    }
    router.register(M.metadata) { _, context in
        context.setCallerIdentity("tester")
        return Array((context.metadata["x-echo"] ?? "").utf8)
    }
    router.register(M.unavailable) { _, _ in
        probe.record("unavailable")
        throw RPCError(.unavailable, "try again")
    }
    // Throws RESOURCE_EXHAUSTED marked not processed, as a handler forwarding
    // another server's refusal would; the server must drop the mark.
    router.register(M.exhausted) { _, _ in
        probe.record("exhausted")
        throw RPCError(.resourceExhausted, "quota", notProcessed: true)
    }
    // Returns a string the wire cannot carry.
    router.register(service: "test.Typed", method: "NulResponse") { (_: HealthCheckRequest, _: CallContext) in
        HealthCheckRequest(service: "a\u{0}b")
    }
    router.register(service: "test.Typed", method: "Check") { (_: HealthCheckRequest, _: CallContext) in
        HealthCheckResponse(status: .serving)
    }
    return router
}
