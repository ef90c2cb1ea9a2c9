import Dispatch
public import SyncHealthStorage
import SyncHealthConcurrency

/// Runs retry jobs: leases due attempts from a `RetryStore`, pushes each
/// through the target platform's connector with a deadline, and records the
/// outcome. Transient failures and timeouts are queued again with jittered
/// exponential backoff until `backoff.maximumAttempts`; non-retryable
/// outcomes stop at once.
///
/// One dispatcher decides what to lease: never more than the free workers,
/// never more per platform than `perPlatformConcurrency`, never faster than
/// the rate limit. Each worker is its own serial Dispatch queue (so a
/// blocking push always has a thread). Everything durable lives in the
/// store, so a crash loses nothing: another executor takes expired leases
/// again, with the same attempt and idempotency key.
///
/// The server runs it with `start()` / `stop()`; maintenance tools run it in
/// process with `runUntilIdle()`. Both use the same loop.
public final class RetryExecutor: Sendable {
    /// Lifecycle, with checked transitions.
    enum Lifecycle: Equatable {
        /// Created, or back from `runUntilIdle`.
        case idle
        /// `start()` was called; the dispatcher runs on its queue.
        case running
        /// `runUntilIdle()` runs the dispatcher on the caller's thread.
        case runningInline
        /// `stop()` was called; in-flight pushes are finishing.
        case stopping
        /// Stopped for good.
        case stopped
    }

    struct State {
        var lifecycle = Lifecycle.idle
        /// Indexes of workers with nothing to do.
        var freeWorkers: [Int]
        /// Pushes in flight per target platform.
        var inFlight: [String: Int] = [:]
        var bucket: TokenBucket?
    }

    /// The settings.
    public let configuration: RetryExecutorConfiguration
    let store: any RetryStore
    let connectors: ConnectorRegistry
    let state: Locked<State>
    /// Signalled by new jobs, finished pushes and `stop()`; the dispatcher
    /// sleeps on it. Extra signals only cause an extra look at the queue.
    let wakeup = DispatchSemaphore(value: 0)
    /// Entered per push in flight.
    let pushes = DispatchGroup()
    /// Entered while a dispatcher loop runs.
    let dispatching = DispatchGroup()
    let workers: [DispatchQueue]
    private let dispatcherQueue = DispatchQueue(label: "synchealth.retry.dispatcher")

    /// Creates an executor; nothing runs until `start()` or `runUntilIdle()`.
    /// - Precondition: the configuration is valid (see its properties).
    public init(store: any RetryStore, connectors: ConnectorRegistry, configuration: RetryExecutorConfiguration = RetryExecutorConfiguration()) {
        configuration.validate()
        self.configuration = configuration
        self.store = store
        self.connectors = connectors
        self.workers = (0..<configuration.workerCount).map { DispatchQueue(label: "synchealth.retry.worker.\($0)") }
        let bucket = configuration.ratePerSecond.map {
            TokenBucket(ratePerSecond: $0, burst: configuration.rateBurst, nowMs: configuration.clock())
        }
        self.state = Locked(State(freeWorkers: Array((0..<configuration.workerCount).reversed()), bucket: bucket))
    }

    /// Starts the dispatcher in the background.
    /// - Precondition: the executor is idle (not started, not running inline, not stopped).
    public func start() {
        state.withLock { state in
            precondition(state.lifecycle == .idle, "start() needs an idle executor")
            state.lifecycle = .running
        }
        dispatching.enter()
        dispatcherQueue.async {
            self.dispatchLoop(untilIdle: false)
            self.dispatching.leave()
        }
    }

    /// Looks at the queue now instead of at the next poll: call it after
    /// creating a job.
    public func wake() {
        wakeup.signal()
    }

    /// Stops leasing at once and returns; pushes in flight go on and are
    /// recorded as they finish. The first step of a drain (SIGTERM): the
    /// server stops taking calls at the same moment. Safe to call more than once.
    public func beginStopping() {
        let dispatcherRuns = state.withLock { state -> Bool in
            switch state.lifecycle {
            case .running, .runningInline:
                state.lifecycle = .stopping
                return true
            case .idle:
                state.lifecycle = .stopped
                return false
            case .stopping, .stopped:
                return false
            }
        }
        if dispatcherRuns { wakeup.signal() }
    }

    /// Stops leasing and waits for the pushes in flight to finish and be
    /// recorded (at most about `pushTimeoutMs`). Safe to call more than once.
    public func stop() {
        beginStopping()
        dispatching.wait()
        pushes.wait()
        state.withLock { $0.lifecycle = .stopped }
    }

    /// Stops leasing and waits, without blocking the caller's thread, until
    /// the pushes in flight have finished and been recorded, or `gracePeriod`
    /// has passed.
    /// - Returns: true when nothing was left in flight. False leaves those
    ///   attempts leased: when their leases expire they are delivered again
    ///   with the same idempotency keys (by this or another executor).
    public func shutdown(gracePeriod: Duration) async -> Bool {
        beginStopping()
        let graceMs = max(0, min(gracePeriod / .milliseconds(1), 86_400_000))
        let deadline = DispatchTime.now() + .milliseconds(Int(graceMs))
        return await BlockingWork.run("synchealth.retry.shutdown") {
            let finished = self.dispatching.wait(timeout: deadline) == .success
                && self.pushes.wait(timeout: deadline) == .success
            if finished { self.state.withLock { $0.lifecycle = .stopped } }
            return finished
        }
    }

    /// `stop()` without blocking the caller's thread.
    public func shutdown() async {
        await BlockingWork.run("synchealth.retry.shutdown") { self.stop() }
    }

    /// Pushes in flight right now, over all platforms.
    public var pushesInFlight: Int {
        state.withLock { state in state.inFlight.values.reduce(0, +) }
    }

    /// Runs the dispatcher on the calling thread until nothing is queued or
    /// leased anywhere (waiting out backoff delays and other executors'
    /// leases), then returns. For maintenance tools and tests.
    /// - Precondition: the executor is idle.
    public func runUntilIdle() {
        state.withLock { state in
            precondition(state.lifecycle == .idle, "runUntilIdle() needs an idle executor")
            state.lifecycle = .runningInline
        }
        dispatching.enter()
        dispatchLoop(untilIdle: true)
        dispatching.leave()
        pushes.wait()
        state.withLock { state in
            if state.lifecycle == .runningInline { state.lifecycle = .idle }
        }
    }

    /// Waits until a started executor has nothing queued or leased and no
    /// push in flight, or `timeoutMs` passes.
    /// - Returns: whether the queue drained.
    public func drain(timeoutMs: Int64) -> Bool {
        let deadline = ContinuousClock.now + .milliseconds(timeoutMs)
        while ContinuousClock.now < deadline {
            let busy = state.withLock { $0.freeWorkers.count < configuration.workerCount }
            if !busy, let backlog = try? store.retryBacklog(now: configuration.clock()), backlog.isEmpty {
                return true
            }
            let pause = min(configuration.pollIntervalMs, 50)
            _ = DispatchSemaphore(value: 0).wait(timeout: .now() + .milliseconds(Int(pause)))
        }
        return false
    }

    /// Pushes in flight right now, per target platform.
    public var inFlightByPlatform: [String: Int] {
        state.withLock { $0.inFlight.filter { $0.value > 0 } }
    }
}
