import Dispatch
import Logging
import Metrics
import SyncHealthDaemon
import SyncHealthOps
import SyncHealthRetry
import SyncHealthServer
import SyncHealthStorage
import SyncHealthWire
import SyncHealthConcurrency

/// `--metrics-listen`: swift-metrics on a Prometheus registry, and the
/// operations endpoints that serve it.
enum OpsWiring {
    /// Scrape-time gauges.
    enum Name {
        static let buildInfo = "synchealth_build_info"
        static let retryQueue = "synchealth_retry_queue_depth"
    }

    /// Longest a readiness probe waits for the store.
    static let probeTimeout: Duration = .seconds(2)

    /// The platform label values the retry metrics may use: the platforms
    /// with a connector of their own; every other platform is "other".
    static func retryMetrics(_ settings: DaemonSettings) -> RetryMetrics {
        let known = Set(settings.connectors.keys)
        return RetryMetrics(platformLabel: { known.contains($0) ? $0 : "other" })
    }

    /// Starts the endpoints on `settings.metricsListen`.
    /// - Returns: the server and the port it bound.
    static func start(
        settings: DaemonSettings, store: any ServiceStore, draining: @escaping @Sendable () -> Bool, logger: Logger
    ) async throws -> (server: OpsServer, port: Int) {
        let registry = OpsMetrics.bootstrap()
        let target = try BindTarget(listenAddress: settings.metricsListen)
        let server = OpsServer()
        let version = ServerConfiguration().serverVersion
        let engine = store.engineName
        let port = try await server.start(
            host: target.host.isEmpty ? "0.0.0.0" : target.host, port: Int(target.port), registry: registry,
            beforeScrape: {
                Gauge(label: Name.buildInfo, dimensions: [("version", version), ("engine", engine)]).record(1)
                if let backlog = try? await BlockingWork.run("synchealthd.scrape", { () throws(RPCError) in try store.retryBacklog(now: currentTimeMs()) }) {
                    Gauge(label: Name.retryQueue, dimensions: [("state", "queued")]).record(backlog.queued)
                    Gauge(label: Name.retryQueue, dimensions: [("state", "leased")]).record(backlog.leased)
                }
            },
            readiness: {
                Readiness(migrated: true, storageProblem: await probe(store), draining: draining())
            },
            logger: logger)
        return (server, port)
    }

    /// Nil when the store answers a cheap read in time; otherwise why not.
    static func probe(_ store: any ServiceStore) async -> String? {
        await BlockingWork.firstOf("synchealthd.readiness", timeout: probeTimeout, onTimeout: { "no answer within \(probeTimeout)" }) {
            do throws(RPCError) {
                _ = try store.retryBacklog(now: currentTimeMs())
                return nil
            } catch {
                return "\(error.code.name): \(error.message)"
            }
        }
    }
}
