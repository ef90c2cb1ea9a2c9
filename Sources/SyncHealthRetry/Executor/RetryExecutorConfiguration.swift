import SyncHealthConcurrency
public import SyncHealthWire
#if canImport(Glibc)
import Glibc
#endif

/// How a `RetryExecutor` runs.
public struct RetryExecutorConfiguration: Sendable {
    /// Pushes in flight at once, over all platforms.
    public var workerCount = 4
    /// How long a leased attempt belongs to this executor. After that, a
    /// crashed or stalled executor's attempt is taken again (same key).
    /// Must exceed `pushTimeoutMs`.
    public var leaseDurationMs: Int64 = 60_000
    /// Longest sleep between looks at the queue when nothing wakes the
    /// executor (a new job, a finished push).
    public var pollIntervalMs: Int64 = 500
    /// Deadline of each connector call.
    public var pushTimeoutMs: Int64 = 15_000
    /// Delays and the attempt limit for transient failures and timeouts.
    public var backoff = BackoffPolicy()
    /// Most pushes in flight per target platform (counting other processes'
    /// unexpired leases), so one slow platform cannot take every worker;
    /// nil for no limit.
    public var perPlatformConcurrency: Int? = 2
    /// Most pushes started per second over all platforms; nil for no limit.
    public var ratePerSecond: Double?
    /// Pushes that may start at once before the rate applies.
    public var rateBurst: Double = 10
    /// Names this executor on its leases ("synchealthd", "synchealth-cli").
    public var owner = "synchealth-retry"
    /// The current time, ms since the epoch. Injectable for tests.
    public var clock: @Sendable () -> Int64 = RetryClock.systemMs
    /// A uniform value in 0..<1 for backoff jitter; called from several
    /// worker threads at once, so it must be thread-safe.
    public var random: @Sendable () -> Double = { Double.random(in: 0..<1) }
    /// Told about every attempt and every storage problem (for logs and
    /// progress displays); called on worker and dispatcher threads.
    public var onEvent: @Sendable (RetryExecutorEvent) -> Void = { _ in }
    /// Where pushes, their latency and backoffs are counted; nil records nothing.
    public var metrics: RetryMetrics?

    /// The defaults: 4 workers, 2 per platform, 60 s leases, 15 s pushes,
    /// no rate limit, the default backoff.
    public init() {}

    /// Checks the settings that would make the executor misbehave.
    func validate() {
        precondition(workerCount >= 1, "workerCount must be at least 1")
        precondition(pushTimeoutMs > 0 && pollIntervalMs > 0, "timeouts and intervals must be positive")
        precondition(leaseDurationMs > pushTimeoutMs, "leaseDurationMs must exceed pushTimeoutMs, or a slow push would be delivered twice at once")
        precondition(perPlatformConcurrency.map { $0 >= 1 } ?? true, "perPlatformConcurrency must be at least 1")
        precondition(ratePerSecond.map { $0 > 0 && $0.isFinite } ?? true, "ratePerSecond must be positive")
        precondition(rateBurst >= 1, "rateBurst must be at least 1")
        precondition(!owner.isEmpty, "owner must not be empty")
    }
}

/// Something the executor did, for logs and progress displays. Carries no
/// idempotency keys in its descriptions.
public enum RetryExecutorEvent: Sendable {
    /// An attempt ended and was recorded; `requeueAtMs` is set when the item
    /// will be tried again.
    case attemptRecorded(RetryLeaseSummary, PushResponse, requeueAtMs: Int64?)
    /// The attempt's lease had passed to someone else; its outcome was dropped.
    case leaseLost(RetryLeaseSummary)
    /// Recording an outcome failed; the lease will expire and the attempt
    /// be delivered again with the same key.
    case recordingFailed(RetryLeaseSummary, RPCErrorSummary)
    /// Leasing failed; the executor tries again after the poll interval.
    case leasingFailed(RPCErrorSummary)
}

/// The loggable part of a lease: no idempotency key.
public struct RetryLeaseSummary: Sendable, Hashable {
    /// The job that made the attempt.
    public var jobId: String
    /// The item's sync.
    public var syncId: String
    /// The item.
    public var itemId: String
    /// The item's accounting platform.
    public var targetPlatform: String
    /// The attempt's number in the item's history.
    public var attemptNumber: Int32
    /// Attempts the job made for the item, this one included.
    public var attemptsMade: Int
    /// The attempt was leased again after an earlier lease expired.
    public var isRedelivery: Bool
}

/// An error's code name and message (never SQL, arguments or keys).
public struct RPCErrorSummary: Sendable, Hashable, CustomStringConvertible {
    /// The status code's name, e.g. "UNAVAILABLE".
    public var code: String
    /// The caller-facing message.
    public var message: String
    public var description: String { "\(code): \(message)" }
}

/// The system clock.
public enum RetryClock {
    /// Milliseconds since the Unix epoch (`WallClock`).
    @Sendable public static func systemMs() -> Int64 { WallClock.milliseconds() }
}
