import Logging
import SyncHealthConcurrency
import SyncHealthTestSupport
@testable import SyncHealthServer
import SyncHealthWire

/// Log lines the server wrote, for assertions.
final class LogSink: Sendable {
    struct Line: Sendable {
        var level: Logger.Level
        var message: String
        var metadata: [String: String]
    }

    private let lines = Locked<[Line]>([])
    func append(_ line: Line) { lines.withLock { $0.append(line) } }
    var all: [Line] { lines.withLock { $0 } }
    /// The per-call lines.
    var calls: [Line] { all.filter { $0.message == "rpc" } }
}

extension LogSink {
    /// A logger writing into this sink.
    func logger(label: String) -> Logger {
        Logger(label: label) { _ in
            CapturingLogHandler { level, message, metadata in
                self.append(.init(level: level, message: message.description, metadata: metadata.mapValues { "\($0)" }))
            }
        }
    }
}

/// A live server on 127.0.0.1, port 0, with the test handlers.
struct Harness: Sendable {
    let server: RPCServer
    let probe: Probe
    let logs: LogSink
    let port: UInt16

    var target: String { "127.0.0.1:\(port)" }

    static func start(_ configure: (inout ServerConfiguration) -> Void = { _ in }) throws -> Harness {
        var configuration = ServerConfiguration()
        configure(&configuration)
        let probe = Probe()
        let logs = LogSink()
        let server = RPCServer(
            address: BindTarget(host: "127.0.0.1", port: 0),
            configuration: configuration,
            router: makeTestRouter(probe: probe),
            logger: logs.logger(label: "test.server")
        )
        let port = try server.start()
        return Harness(server: server, probe: probe, logs: logs, port: port)
    }

    func stop() async {
        probe.openGate()
        server.stop()
        await server.waitUntilStopped()
    }
}

/// Runs `body` against a fresh server and always stops it afterwards.
func withServer(
    _ configure: (inout ServerConfiguration) -> Void = { _ in },
    _ body: (Harness) async throws -> Void
) async throws {
    let harness = try Harness.start(configure)
    do {
        try await body(harness)
    } catch {
        await harness.stop()
        throw error
    }
    await harness.stop()
}
