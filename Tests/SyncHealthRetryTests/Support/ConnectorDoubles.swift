import Foundation
import SyncHealthRetry
import SyncHealthWire
import SyncHealthConcurrency

/// A connector that answers from a script per item and records every call
/// and the most calls it saw in flight at once, per platform.
final class ScriptedConnector: PushConnector {
    /// The answer to the n-th delivery (0-based) of an item.
    typealias Script = @Sendable (_ itemId: String, _ delivery: Int) -> PushOutcomeScript

    enum PushOutcomeScript: Sendable {
        case success
        case transientFailure
        case permanentFailure
        case timeout
    }

    struct Call: Sendable, Hashable {
        var itemId: String
        var attemptNumber: Int32
        var key: String
        var platform: String
    }

    private struct State {
        var calls: [Call] = []
        var current: [String: Int] = [:]
        var maximum: [String: Int] = [:]
    }

    private let state = Locked(State())
    private let script: Script
    private let delayMs: @Sendable (String) -> Int

    /// - Parameter delayMs: how long a push to a platform takes.
    init(delayMs: @escaping @Sendable (String) -> Int = { _ in 0 }, script: @escaping Script = { _, _ in .success }) {
        self.delayMs = delayMs
        self.script = script
    }

    var calls: [Call] { state.withLock { $0.calls } }
    var maximumInFlight: [String: Int] { state.withLock { $0.maximum } }

    func calls(for itemId: String) -> [Call] { calls.filter { $0.itemId == itemId } }

    func push(_ request: PushRequest, timeoutMs: Int64) -> PushResponse {
        let platform = request.targetPlatform
        let delivery = state.withLock { state -> Int in
            let delivery = state.calls.count(where: { $0.itemId == request.itemId })
            state.calls.append(Call(itemId: request.itemId, attemptNumber: request.attemptNumber, key: request.idempotencyKey, platform: platform))
            state.current[platform, default: 0] += 1
            state.maximum[platform] = max(state.maximum[platform] ?? 0, state.current[platform] ?? 0)
            return delivery
        }
        let delay = delayMs(platform)
        if delay > 0 { usleep(useconds_t(delay * 1_000)) }
        state.withLock { $0.current[platform, default: 1] -= 1 }
        switch script(request.itemId, delivery) {
        case .success:
            return PushResponse(outcome: .success, targetRecordId: "rec-\(request.itemId)", retryable: true)
        case .transientFailure:
            return PushResponse(outcome: .failed, errorMessage: "HTTP 503 from the platform", retryable: true)
        case .permanentFailure:
            return PushResponse(outcome: .failed, errorMessage: "Account code '200' is not valid.", retryable: false)
        case .timeout:
            return PushResponse(outcome: .timedOut, errorMessage: "no answer", retryable: true)
        }
    }
}

/// A clock tests move by hand.
final class ManualClock: Sendable {
    private let now: Locked<Int64>
    init(_ start: Int64) { now = Locked(start) }
    func advance(by ms: Int64) { now.withLock { $0 += ms } }
    var ms: Int64 { now.withLock { $0 } }
}

/// Polls `condition` every 20 ms, sleeping without blocking a thread, until
/// it holds or `seconds` pass. For async tests.
func waitUntil(seconds: Double = 30, _ condition: () async throws -> Bool) async rethrows -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if try await condition() { return true }
        try? await Task.sleep(for: .milliseconds(20))
    }
    return try await condition()
}

/// Runs blocking `work` (an executor run, a blocking push) on a Dispatch
/// thread, as the executor's workers do, so async tests never hold one of
/// the cooperative pool's few threads while they wait.
func onDispatch<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
    await BlockingWork.run("test.on-dispatch", work)
}

extension RetryExecutorConfiguration {
    /// Fast settings for tests: tiny backoff, short polls.
    static func fast(workers: Int = 4, perPlatform: Int? = 2, maxAttempts: Int = 3) -> RetryExecutorConfiguration {
        var configuration = RetryExecutorConfiguration()
        configuration.workerCount = workers
        configuration.perPlatformConcurrency = perPlatform
        configuration.pollIntervalMs = 20
        configuration.pushTimeoutMs = 2_000
        configuration.leaseDurationMs = 30_000  // far beyond any stall of a loaded CI machine: no test here waits for expiry
        configuration.backoff = BackoffPolicy(initialIntervalMs: 1, multiplier: 2, maximumIntervalMs: 5, maximumAttempts: maxAttempts)
        configuration.owner = "test-executor"
        return configuration
    }
}
