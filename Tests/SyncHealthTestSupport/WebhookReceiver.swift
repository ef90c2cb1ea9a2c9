import Hummingbird
import Logging
import ServiceLifecycle
public import SyncHealthConcurrency

/// A local webhook receiver on a loopback port (Hummingbird), for the alert
/// tests: records every POST to `/hook` with its headers and body, and
/// answers 500 to the first `failures` of them (a receiver that fails, then
/// recovers). `stop()` closes the port; `start(port:)` opens the same one
/// again (a receiver that was down).
public final class WebhookReceiver: Sendable {
    /// One request as received.
    public struct Delivery: Sendable, Hashable {
        /// Header names lower-cased.
        public var headers: [String: String]
        public var body: String
        /// The status the receiver answered.
        public var answered: Int
    }

    private let recorded = Locked<[Delivery]>([])
    private let failuresLeft: Locked<Int>
    private let running = Locked<(group: ServiceGroup, task: Task<Void, any Error>)?>(nil)
    private let boundPort = Locked<Int>(0)

    /// - Parameter failures: how many requests get a 500 before the rest get 204.
    public init(failures: Int = 0) {
        failuresLeft = Locked(failures)
    }

    /// The port it listens (or listened) on.
    public var port: Int { boundPort.withLock { $0 } }

    /// The URL rules should POST to.
    public var url: String { "http://127.0.0.1:\(port)/hook" }

    /// Everything received so far, in order.
    public var deliveries: [Delivery] { recorded.withLock { $0 } }

    /// Starts listening (port 0: a free one); returns the port.
    @discardableResult
    public func start(port: Int = 0) async throws -> Int {
        let router = Router()
        router.post("hook") { [recorded, failuresLeft] request, _ -> Response in
            let body = try await request.body.collect(upTo: 1 << 20)
            var headers: [String: String] = [:]
            for field in request.headers { headers[field.name.canonicalName.lowercased()] = field.value }
            let fail = failuresLeft.withLock { left in
                defer { left = max(0, left - 1) }
                return left > 0
            }
            let status: HTTPResponse.Status = fail ? .internalServerError : .noContent
            recorded.withLock {
                $0.append(Delivery(headers: headers, body: String(buffer: body), answered: Int(status.code)))
            }
            return Response(status: status)
        }
        var logger = Logger(label: "test.webhook-receiver")
        logger.logLevel = .warning
        let (bound, continuation) = AsyncStream<Int?>.makeStream()
        let app = Application(
            router: router,
            configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: port)),
            onServerRunning: { channel in
                continuation.yield(channel.localAddress?.port)
                continuation.finish()
            },
            logger: logger)
        let group = ServiceGroup(services: [app], logger: logger)
        let task = Task {
            defer { continuation.finish() }
            try await group.run()
        }
        running.withLock { $0 = (group, task) }
        for await value in bound {
            if let value {
                boundPort.withLock { $0 = value }
                return value
            }
        }
        try await task.value
        throw ReceiverFailed()
    }

    /// Closes the port.
    public func stop() async {
        guard let (group, task) = running.withLock({ $0 }) else { return }
        running.withLock { $0 = nil }
        await group.triggerGracefulShutdown()
        _ = await task.result
    }

    struct ReceiverFailed: Error {}
}
