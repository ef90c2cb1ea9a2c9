import SyncHealthConcurrency
/// Retry delays: exponential from `initial`, clamped to `maximum`, with
/// "equal jitter" (half fixed, half random) so retries from many clients spread out.
enum Backoff {
    /// Delay before retry number `attempt` (1-based).
    static func delay<R: RandomNumberGenerator>(
        attempt: Int, initial: Duration, maximum: Duration, using random: inout R
    ) -> Duration {
        let exponent = min(max(attempt - 1, 0), 30)
        let base = min(initial * (1 << exponent), maximum)
        let half = base / 2
        return half + half * Double.random(in: 0...1, using: &random)
    }

    static func delay(attempt: Int, initial: Duration, maximum: Duration) -> Duration {
        var generator = SecureRandom()
        return delay(attempt: attempt, initial: initial, maximum: maximum, using: &generator)
    }
}
