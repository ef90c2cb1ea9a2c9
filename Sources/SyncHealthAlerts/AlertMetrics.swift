import Metrics

/// What the webhook deliverer counts, through swift-metrics. No label
/// carries a URL, a rule or a delivery id.
public struct AlertMetrics: Sendable {
    /// Metric names, in one place for the README and the tests.
    public enum Name {
        public static let deliveries = "synchealth_alert_deliveries_total"
        public static let duration = "synchealth_alert_delivery_duration_seconds"
        public static let recordingFailures = "synchealth_alert_recording_failures_total"
    }

    /// Creates the recorder.
    public init() {}

    /// One try ended: `delivered`, `retrying` (a later try is scheduled) or
    /// `failed` (no tries left), with the POST's duration.
    func tried(outcome: String, took: Duration) {
        Counter(label: Name.deliveries, dimensions: [("outcome", outcome)]).increment()
        Timer(label: Name.duration).record(duration: took)
    }

    func recordingFailed() { Counter(label: Name.recordingFailures).increment() }
}
