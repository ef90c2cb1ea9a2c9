public import Dispatch

/// Where deadline timers fire, declared once: one serial, overcommitting
/// queue of their own. Not `DispatchQueue.global()`: on Linux that queue's
/// few threads (one per core) are the ones Swift's cooperative pool runs
/// on, so a busy pool (a long synchronous test, a CPU-bound request) used
/// to hold every client deadline in the process for seconds. What a timer
/// runs must only take a lock and resume or cancel something.
public enum DeadlineTimers {
    private static let queue = DispatchQueue(label: "synchealth.deadline-timers")

    /// Runs `work` on the timer queue once `delay` has passed.
    public static func after(_ delay: Duration, _ work: @escaping @Sendable () -> Void) {
        queue.asyncAfter(deadline: .now() + .nanoseconds(delay.nanosecondsClamped), execute: work)
    }
}

extension Duration {
    /// Whole nanoseconds, saturating, never negative: for Dispatch deadlines.
    package var nanosecondsClamped: Int {
        let (seconds, attoseconds) = components
        let (ns, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        if overflow { return seconds < 0 ? 0 : Int.max }
        return max(0, Int(clamping: ns) &+ Int(attoseconds / 1_000_000_000))
    }
}
