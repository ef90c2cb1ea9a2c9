extension SandboxBehavior {
    /// The demo's accounting platform: 40 ms pushes, 8% transient failures,
    /// 4% timeouts, and items whose core id contains "_0" or "_7" (about one
    /// in eight of the demo's) always rejected as not retryable. So a retry
    /// turns some syncs successful and leaves others failed, and backoff
    /// shows.
    public static func demo(seed: UInt64) -> SandboxBehavior {
        SandboxBehavior(
            seed: seed, latencyMs: 40, transientFailureRate: 0.08, timeoutRate: 0.04,
            failureRules: [
                FailureRule(coreIdContains: "_0", message: "Account code '200' is archived in the sandbox ledger."),
                FailureRule(coreIdContains: "_7", message: "The sandbox ledger's period is closed for this date."),
            ])
    }
}
