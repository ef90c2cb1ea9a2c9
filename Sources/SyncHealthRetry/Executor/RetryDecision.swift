public import SyncHealthWire

/// Whether an attempt's outcome is final or the item is tried again. Pure.
public enum RetryDecision {
    /// When to try the item again after `response`, or nil when the outcome
    /// is final: a success, a failure the connector marks non-retryable, or
    /// a transient failure or timeout once `policy.maximumAttempts` attempts
    /// have been made.
    /// - Parameters:
    ///   - attemptsMade: attempts made for the item in this job, this one included.
    ///   - now: ms since the epoch.
    ///   - random: a uniform value in 0..<1, for the jitter.
    public static func requeueAt(
        after response: PushResponse, attemptsMade: Int, policy: BackoffPolicy, now: Int64, random: () -> Double
    ) -> Int64? {
        switch response.outcome {
        case .success:
            return nil
        case .failed where !response.retryable:
            return nil
        case .failed, .timedOut, .unspecified, .unrecognized:
            guard let delay = policy.delayMs(afterAttempts: attemptsMade, random: random) else { return nil }
            return now + delay
        }
    }
}
