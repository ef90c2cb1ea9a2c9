/// A token bucket: at most `ratePerSecond` grants per second on average, with
/// bursts up to `burst`. Pure: time is passed in, so tests drive it.
public struct TokenBucket: Sendable, Hashable {
    public let ratePerSecond: Double
    public let burst: Double
    private var tokens: Double
    private var lastRefillMs: Int64

    /// A full bucket at time `nowMs`.
    /// - Precondition: `ratePerSecond > 0` and `burst >= 1`.
    public init(ratePerSecond: Double, burst: Double, nowMs: Int64) {
        precondition(ratePerSecond > 0 && ratePerSecond.isFinite, "rate must be positive")
        precondition(burst >= 1, "burst must be at least 1")
        self.ratePerSecond = ratePerSecond
        self.burst = burst
        tokens = burst
        lastRefillMs = nowMs
    }

    /// Takes a token if one is there at `nowMs`.
    /// - Returns: 0 when granted; otherwise the ms to wait before one will be.
    public mutating func take(nowMs: Int64) -> Int64 {
        refill(nowMs: nowMs)
        if tokens >= 1 {
            tokens -= 1
            return 0
        }
        let missing = 1 - tokens
        return max(1, Int64((missing / ratePerSecond * 1000).rounded(.up)))
    }

    private mutating func refill(nowMs: Int64) {
        guard nowMs > lastRefillMs else { return }
        tokens = min(burst, tokens + Double(nowMs - lastRefillMs) * ratePerSecond / 1000)
        lastRefillMs = nowMs
    }
}
