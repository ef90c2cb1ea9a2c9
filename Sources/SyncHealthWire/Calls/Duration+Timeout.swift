extension Duration {
    /// Whole milliseconds, rounded up, at least 1 for a positive duration,
    /// saturating at `UInt32.max`: the wire's timeout_ms field, as every
    /// transport sends it.
    public var timeoutMilliseconds: UInt32 {
        let (seconds, attoseconds) = components
        guard seconds >= 0, seconds > 0 || attoseconds > 0 else { return 1 }
        let (msFromSeconds, overflow) = seconds.multipliedReportingOverflow(by: 1000)
        if overflow { return .max }
        let fraction = (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
        return UInt32(clamping: msFromSeconds + fraction)
    }
}
