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
                if let backlog = try? await offThePool({ () throws(RPCError) in try store.retryBacklog(now: currentTimeMs()) }) {
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
        await withCheckedContinuation { (continuation: CheckedContinuation<String?, Never>) in
            let answered = Locked(false)
            let finish: @Sendable (String?) -> Void = { problem in
                let first = answered.withLock { done -> Bool in
                    defer { done = true }
                    return !done
                }
                if first { continuation.resume(returning: problem) }
            }
            DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(Int(probeTimeout.components.seconds) * 1000)) {
                finish("no answer within \(probeTimeout)")
            }
            DispatchQueue.global().async {
                do throws(RPCError) {
                    _ = try store.retryBacklog(now: currentTimeMs())
                    finish(nil)
                } catch {
                    finish("\(error.code.name): \(error.message)")
                }
            }
        }
    }

    /// Runs a blocking store call on a Dispatch thread, not on the caller's
    /// (an event loop or a cooperative thread).
    static func offThePool<T: Sendable>(_ body: @escaping @Sendable () throws(RPCError) -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                do { continuation.resume(returning: try body()) } catch { continuation.resume(throwing: error) }
            }
        }
    }
}
