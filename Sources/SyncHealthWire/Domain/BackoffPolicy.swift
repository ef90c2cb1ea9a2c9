/// Exponential backoff, the project's one: the retry executor's delays for
/// transient push failures (full jitter) and the client's delays before it
/// sends an idempotent call again (equal jitter).
///
/// The n-th retry (n = 1, 2, ...) has the ceiling
/// `min(maximumIntervalMs, initialIntervalMs * multiplier^(n-1))` and waits
/// a uniformly random time in `0...ceiling` (full jitter, so many items
/// failing at once do not retry in lockstep) or in `ceiling/2...ceiling`
/// (equal jitter: never much sooner than the ceiling, still spread out).
/// Pure: the random source is injected, so tests can pin it.
public struct BackoffPolicy: Sendable, Hashable {
    /// How the delay is drawn under its ceiling.
    public enum Jitter: Sendable, Hashable {
        /// Uniform in `0...ceiling`.
        case full
        /// Half the ceiling fixed, the other half uniform.
        case equal
    }

    /// Upper bound of the first retry's delay.
    public var initialIntervalMs: Int64
    /// Growth of the upper bound per retry (>= 1).
    public var multiplier: Double
    /// Cap of the upper bound.
    public var maximumIntervalMs: Int64
    /// Attempts in all, the first included; no retry is scheduled past this.
    public var maximumAttempts: Int
    /// How delays are drawn under the ceiling.
    public var jitter: Jitter

    /// Creates a policy.
    /// - Precondition: intervals > 0, initial <= maximum, multiplier >= 1, maximumAttempts >= 1.
    public init(
        initialIntervalMs: Int64 = 1_000, multiplier: Double = 2, maximumIntervalMs: Int64 = 60_000, maximumAttempts: Int = 5,
        jitter: Jitter = .full
    ) {
        precondition(initialIntervalMs > 0 && maximumIntervalMs >= initialIntervalMs, "backoff intervals must be positive and initial <= maximum")
        precondition(multiplier >= 1 && multiplier.isFinite, "backoff multiplier must be >= 1")
        precondition(maximumAttempts >= 1, "maximumAttempts must be at least 1")
        self.initialIntervalMs = initialIntervalMs
        self.multiplier = multiplier
        self.maximumIntervalMs = maximumIntervalMs
        self.maximumAttempts = maximumAttempts
        self.jitter = jitter
    }

    /// The cap of the delay before retry number `retry` (1-based), clamped
    /// to `maximumIntervalMs` without overflowing.
    public func ceilingMs(forRetry retry: Int) -> Int64 {
        guard retry > 1 else { return initialIntervalMs }
        let grown = Double(initialIntervalMs) * pow(multiplier, Double(retry - 1))
        guard grown.isFinite, grown < Double(maximumIntervalMs) else { return maximumIntervalMs }
        return max(Int64(grown), initialIntervalMs)
    }

    /// The delay before the next attempt after `attemptsMade` attempts, or nil
    /// when no attempt is left.
    /// - Parameter random: returns a uniform value in 0..<1.
    public func delayMs(afterAttempts attemptsMade: Int, random: () -> Double) -> Int64? {
        guard attemptsMade >= 1, attemptsMade < maximumAttempts else { return nil }
        let ceiling = ceilingMs(forRetry: attemptsMade)
        let unit = min(max(random(), 0), 1)
        switch jitter {
        case .full:
            return min(Int64((Double(ceiling) * unit).rounded(.down)), ceiling)
        case .equal:
            let fixed = ceiling / 2
            return min(fixed + Int64((Double(ceiling - fixed) * unit).rounded(.down)), ceiling)
        }
    }

    /// The delay using the system random source.
    public func delayMs(afterAttempts attemptsMade: Int) -> Int64? {
        delayMs(afterAttempts: attemptsMade) { Double.random(in: 0..<1) }
    }
}

/// Integer-free power for the backoff ceiling (avoids importing Foundation).
@inline(__always)
func pow(_ base: Double, _ exponent: Double) -> Double {
    var result = 1.0
    var remaining = Int(exponent)
    var factor = base
    while remaining > 0 {
        if remaining & 1 == 1 { result *= factor }
        factor *= factor
        remaining >>= 1
        if !result.isFinite { return .infinity }
    }
    return result
}
