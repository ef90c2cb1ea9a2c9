#if canImport(Glibc)
import Glibc
#endif

/// The system's wall clock: the one place SyncHealth reads it (handlers,
/// the retry executor and the webhook deliverer take it as their default
/// clock, tests pass their own).
public enum WallClock {
    /// Milliseconds since the Unix epoch.
    @Sendable public static func milliseconds() -> Int64 {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return Int64(spec.tv_sec) * 1000 + Int64(spec.tv_nsec) / 1_000_000
    }
}
