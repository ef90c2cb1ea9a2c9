import SyncHealthWire

/// Settings of an `RPCClient` and its connections.
public struct ClientConfiguration: Sendable {
    /// Time to resolve, connect and receive the server's SETTINGS. Default 5 s.
    public var connectTimeout: Duration = .seconds(5)
    /// Largest frame payload this client accepts from the server. Default 4 MiB.
    public var maxFrameSize: UInt32 = Frame.defaultMaxFrameSize
    /// Attempts for an idempotent call that fails UNAVAILABLE, or
    /// RESOURCE_EXHAUSTED marked not processed (1 = no retry). Default 3.
    public var maxAttempts: Int = 3
    /// First retry delay; doubles per attempt up to `maxBackoff`, with jitter. Default 50 ms.
    public var initialBackoff: Duration = .milliseconds(50)
    /// Largest retry delay. Default 1 s.
    public var maxBackoff: Duration = .seconds(1)

    /// The defaults.
    public init() {}

    /// The delays between attempts: exponential from `initialBackoff` to
    /// `maxBackoff`, equal jitter (`BackoffPolicy`, the executor's too).
    var retryBackoff: BackoffPolicy {
        let initial = Int64(initialBackoff.timeoutMilliseconds)
        return BackoffPolicy(
            initialIntervalMs: initial, multiplier: 2,
            maximumIntervalMs: max(initial, Int64(maxBackoff.timeoutMilliseconds)), maximumAttempts: .max, jitter: .equal)
    }
}
