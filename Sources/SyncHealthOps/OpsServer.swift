import Hummingbird
public import Logging
public import Prometheus
import ServiceLifecycle
import SyncHealthConcurrency

/// The operations endpoints on their own port (`--metrics-listen`), served
/// by Hummingbird:
/// - `GET /metrics`: the Prometheus text format of `registry`, after
///   `beforeScrape` refreshed the values read at scrape time;
/// - `GET /healthz`: 200 "ok" while the process runs;
/// - `GET /readyz`: 200 "ready", or 503 with the reasons (`Readiness`).
public final class OpsServer: Sendable {
    private let running = Locked<(group: ServiceGroup, task: Task<Void, any Error>)?>(nil)

    public init() {}

    /// Starts serving on `host:port` (port 0 picks a free one).
    /// - Returns: the port bound.
    /// - Throws: when the address cannot be bound.
    public func start(
        host: String, port: Int, registry: PrometheusCollectorRegistry,
        beforeScrape: @escaping @Sendable () async -> Void,
        readiness: @escaping @Sendable () async -> Readiness,
        logger: Logger
    ) async throws -> Int {
        let router = Router()
        router.get("metrics") { _, _ -> Response in
            await beforeScrape()
            var buffer = ByteBuffer()
            buffer.writeBytes(registry.emitToBuffer())
            return Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: ResponseBody(byteBuffer: buffer))
        }
        router.get("healthz") { _, _ -> Response in
            Response(status: .ok, headers: [.contentType: "text/plain; charset=utf-8"], body: ResponseBody(byteBuffer: ByteBuffer(string: "ok\n")))
        }
        router.get("readyz") { _, _ -> Response in
            let report = await readiness()
            return Response(
                status: report.isReady ? .ok : .serviceUnavailable, headers: [.contentType: "text/plain; charset=utf-8"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: report.text)))
        }
        let (bound, boundContinuation) = AsyncStream<Int?>.makeStream()
        let app = Application(
            router: router,
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: "synchealthd"),
            onServerRunning: { channel in
                boundContinuation.yield(channel.localAddress?.port)
                boundContinuation.finish()
            },
            logger: logger)
        // A service group, so stop() can shut the server down gracefully
        // (cancelling it would log the cancellation as an error).
        let group = ServiceGroup(services: [app], logger: logger)
        let task = Task {
            defer { boundContinuation.finish() }
            try await group.run()
        }
        running.withLock { $0 = (group, task) }
        for await port in bound {
            if let port { return port }
        }
        // The stream ended without a port: the server failed to start.
        try await task.value
        throw OpsServerError("the metrics server stopped before it was listening")
    }

    /// Stops serving: no new connections, in-flight scrapes finish.
    public func stop() async {
        guard let (group, task) = running.withLock({ $0 }) else { return }
        await group.triggerGracefulShutdown()
        _ = await task.result
    }
}

/// The operations server could not start.
public struct OpsServerError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
