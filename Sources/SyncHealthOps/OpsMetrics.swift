import Metrics
public import Prometheus
import SyncHealthConcurrency

/// The process's Prometheus registry, and swift-metrics pointed at it: what
/// the server, storage and retry modules record through swift-metrics lands
/// here and `/metrics` prints it.
public enum OpsMetrics {
    /// Latency buckets, 100 µs to 10 s: a GetSync is tens of µs in SQL and a
    /// push may take seconds.
    public static let durationBuckets: [Duration] = [
        .microseconds(100), .microseconds(250), .microseconds(500), .milliseconds(1), .microseconds(2_500),
        .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100),
        .milliseconds(250), .milliseconds(500), .seconds(1), .milliseconds(2_500), .seconds(5), .seconds(10),
    ]

    private static let bootstrapped = Locked<PrometheusCollectorRegistry?>(nil)

    /// Bootstraps swift-metrics with a Prometheus backend (once per process;
    /// later calls return the same registry).
    public static func bootstrap() -> PrometheusCollectorRegistry {
        bootstrapped.withLock { registry in
            if let registry { return registry }
            let created = PrometheusCollectorRegistry()
            var factory = PrometheusMetricsFactory(registry: created)
            factory.defaultDurationHistogramBuckets = durationBuckets
            MetricsSystem.bootstrap(factory)
            registry = created
            return created
        }
    }
}
