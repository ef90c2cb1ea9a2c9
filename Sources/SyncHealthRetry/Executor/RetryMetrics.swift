import Metrics
import SyncHealthWire

/// What the retry executor counts, through swift-metrics. Platform label
/// values come from `platformLabel`, which the daemon limits to the
/// platforms it has connectors for ("other" for the rest): target platforms
/// are data from syncs, and a label must not take unbounded values.
public struct RetryMetrics: Sendable {
    /// Metric names, in one place for the daemon's help and the tests.
    public enum Name {
        public static let pushes = "synchealth_retry_pushes_total"
        public static let pushDuration = "synchealth_retry_push_duration_seconds"
        public static let pushesInFlight = "synchealth_retry_pushes_in_flight"
        public static let backoff = "synchealth_retry_backoff_seconds"
        public static let recordingFailures = "synchealth_retry_recording_failures_total"
        public static let leasingFailures = "synchealth_retry_leasing_failures_total"
    }

    /// The label value for a target platform.
    public let platformLabel: @Sendable (String) -> String

    /// Records with `platformLabel` bounding the platform label.
    public init(platformLabel: @escaping @Sendable (String) -> String) {
        self.platformLabel = platformLabel
    }

    func pushStarted() { Meter(label: Name.pushesInFlight).increment() }

    func pushFinished(platform: String, outcome: PushOutcome, took: Duration) {
        let platform = platformLabel(platform)
        Meter(label: Name.pushesInFlight).decrement()
        Counter(label: Name.pushes, dimensions: [("platform", platform), ("outcome", Self.outcomeLabel(outcome))]).increment()
        Timer(label: Name.pushDuration, dimensions: [("platform", platform)]).record(duration: took)
    }

    func requeued(afterMs delay: Int64) {
        Timer(label: Name.backoff).recordMilliseconds(max(0, delay))
    }

    func recordingFailed() { Counter(label: Name.recordingFailures).increment() }
    func leasingFailed() { Counter(label: Name.leasingFailures).increment() }

    static func outcomeLabel(_ outcome: PushOutcome) -> String {
        switch outcome {
        case .success: return "success"
        case .failed: return "failed"
        case .timedOut: return "timed_out"
        case .unspecified, .unrecognized: return "unknown"
        }
    }
}
