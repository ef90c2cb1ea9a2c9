import Metrics
import SyncHealthWire

/// What the RPC server counts, through swift-metrics (the daemon bootstraps
/// a Prometheus backend when `--metrics-listen` is set; without one nothing
/// is recorded, see `ServerConfiguration.metrics`). Names follow Prometheus
/// conventions: units in names, `_total` counters, and label values from
/// bounded sets (methods outside `Methods` are "other", status codes are
/// their names, refusal reasons are constants).
public struct ServerMetrics: Sendable, Hashable {
    /// Metric names, in one place for the daemon's help text and the tests.
    public enum Name {
        public static let calls = "synchealth_rpc_calls_total"
        public static let duration = "synchealth_rpc_duration_seconds"
        public static let inFlight = "synchealth_rpc_calls_in_flight"
        public static let connectionsOpen = "synchealth_connections_open"
        public static let connectionsRefused = "synchealth_connections_refused_total"
        public static let framesReceived = "synchealth_frames_received_total"
        public static let framesSent = "synchealth_frames_sent_total"
        public static let bytesReceived = "synchealth_received_bytes_total"
        public static let bytesSent = "synchealth_sent_bytes_total"
        public static let syncsRecorded = "synchealth_ingest_syncs_total"
        public static let itemsRecorded = "synchealth_ingest_items_total"
    }

    /// Why a connection was turned away.
    public enum RefusalReason: String, Sendable {
        /// The connection cap was full of handshaken connections.
        case atCapacity = "at_capacity"
        /// Closed before its handshake to make room for a newer one.
        case evictedBeforeHandshake = "evicted_before_handshake"
    }

    /// Records into whatever backend `MetricsSystem` was bootstrapped with.
    public init() {}

    /// The label value for `method`: the method itself when it is one of
    /// the service's, else "other" (a peer can send any method name).
    public static func methodLabel(_ method: String) -> String {
        Methods.info(named: method) != nil ? method : "other"
    }

    func callFinished(method: String, status: StatusCode, duration: Duration) {
        let label = Self.methodLabel(method)
        Counter(label: Name.calls, dimensions: [("method", label), ("code", status.name)]).increment()
        Timer(label: Name.duration, dimensions: [("method", label)]).record(duration: duration)
    }

    func handlerStarted() { Meter(label: Name.inFlight).increment() }
    func handlerFinished() { Meter(label: Name.inFlight).decrement() }

    func connectionOpened() { Meter(label: Name.connectionsOpen).increment() }
    func connectionClosed() { Meter(label: Name.connectionsOpen).decrement() }

    func connectionRefused(_ reason: RefusalReason) {
        Counter(label: Name.connectionsRefused, dimensions: [("reason", reason.rawValue)]).increment()
    }

    func frameReceived(bytes: Int) {
        Counter(label: Name.framesReceived).increment()
        Counter(label: Name.bytesReceived).increment(by: bytes)
    }

    func frameSent(bytes: Int) {
        Counter(label: Name.framesSent).increment()
        Counter(label: Name.bytesSent).increment(by: bytes)
    }
}

extension ServerMetrics {
    /// A RecordSync stored a sync now in `status` (its numeric code: a
    /// bounded set).
    func syncRecorded(status: SyncStatusCode) {
        Counter(label: Name.syncsRecorded, dimensions: [("status_code", String(status.rawValue))]).increment()
    }

    /// A RecordPushItems stored item reports with these statuses.
    func itemsRecorded(_ statuses: [PushItemStatus]) {
        var counts: [String: Int] = [:]
        for status in statuses { counts[Self.statusLabel(status), default: 0] += 1 }
        for (status, count) in counts {
            Counter(label: Name.itemsRecorded, dimensions: [("status", status)]).increment(by: count)
        }
    }

    static func statusLabel(_ status: PushItemStatus) -> String {
        switch status {
        case .pending: return "pending"
        case .success: return "success"
        case .failed: return "failed"
        case .timedOut: return "timed_out"
        case .unspecified, .unrecognized: return "unknown"
        }
    }
}
