public import SyncHealthWire
import SyncHealthConcurrency

/// How a `WebhookDeliverer` works.
public struct WebhookDelivererConfiguration: Sendable {
    /// Deliveries POSTed at once.
    public var concurrency = 4
    /// Longest pause between looks at the outbox (deliveries are written by
    /// every replica's store; each deliverer polls).
    public var pollIntervalMs: Int64 = 1_000
    /// The deadline of one POST, response included.
    public var requestTimeoutMs: Int64 = 10_000
    /// How long a leased delivery belongs to this deliverer; after that
    /// another takes it (a deliverer that died mid-POST). Must exceed the
    /// request timeout.
    public var leaseDurationMs: Int64 = 60_000
    /// Between tries of a delivery the receiver did not accept: exponential
    /// with full jitter; after `maximumAttempts` tries it fails.
    public var backoff = BackoffPolicy(initialIntervalMs: 1_000, multiplier: 2, maximumIntervalMs: 600_000, maximumAttempts: 12)
    /// Names this deliverer on its leases.
    public var owner = "synchealthd"
    /// The clock, ms since the epoch.
    public var clock: @Sendable () -> Int64 = WallClock.milliseconds
    /// A uniform value in 0..<1, for the backoff's jitter.
    public var random: @Sendable () -> Double = { Double.random(in: 0..<1) }

    /// Counts tries and their outcomes; nil counts nothing.
    public var metrics: AlertMetrics?

    /// The defaults.
    public init() {}
}
