import SyncHealthConcurrency
import SyncHealthServer

/// What the test handlers saw, and a gate tests open to release them.
final class Probe: Sendable {
    struct State {
        var counts: [String: Int] = [:]
        var gateOpen = false
        var cancellations: [CallContext.CancellationReason] = []
    }

    private let state = Locked(State())

    func record(_ event: String) { state.withLock { $0.counts[event, default: 0] += 1 } }
    func count(_ event: String) -> Int { state.withLock { $0.counts[event, default: 0] } }
    func recordCancellation(_ reason: CallContext.CancellationReason?) {
        guard let reason else { return }
        state.withLock { $0.cancellations.append(reason) }
    }
    var cancellations: [CallContext.CancellationReason] { state.withLock { $0.cancellations } }
    func openGate() { state.withLock { $0.gateOpen = true } }
    var isGateOpen: Bool { state.withLock { $0.gateOpen } }

    /// Polls `condition` until it holds or a generous `timeout` passes.
    /// The timeout only bounds a failing test; passing never depends on it.
    func wait(timeout: Duration = .seconds(15), until condition: @Sendable (State) -> Bool) async -> Bool {
        await eventually(timeout: timeout) { self.state.withLock { condition($0) } }
    }
}

/// Polls `condition` every few milliseconds until it holds or `timeout` passes.
func eventually(timeout: Duration = .seconds(15), _ condition: @Sendable () -> Bool) async -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if condition() { return true }
        try? await Task.sleep(for: .milliseconds(5))
    }
    return condition()
}
