import Foundation
import Logging
public import SyncHealthClient
public import SyncHealthServer
import SyncHealthStorage
public import SyncHealthSQLite
import SyncHealthWire

/// How a test's client reaches the service: Hummingbird's `.router` /
/// `.live` idea, for running one test body both ways.
public enum TransportMode: String, CaseIterable, Sendable, CustomStringConvertible {
    /// Through `InProcessTransport`: the same frames, no socket.
    case inProcess
    /// Over TCP to the server on its loopback port.
    case tcp

    public var description: String { rawValue }
}

/// A real synchealthd stack in process for tests: a SQLite store in a
/// temporary directory, the handlers, and the TCP server on an ephemeral
/// loopback port, with a client that reaches it over TCP or, in
/// `.inProcess` mode, through the in-process transport.
public final class LiveService: Sendable {
    public let directory: TemporaryDirectory
    public let store: SQLiteSyncStore
    public let server: RPCServer
    public let port: UInt16
    public let client: SyncHealthClient
    /// How `client` reaches the service.
    public let mode: TransportMode

    /// Starts the stack.
    /// - Parameters:
    ///   - now: the server's clock (ms since the epoch).
    ///   - authorizer: installed as the router's interceptor; nil serves
    ///     every call unchecked, as before authorization existed.
    ///   - token: sent by `client` as its bearer token.
    ///   - logs: receives the server's log lines at trace level; nil keeps
    ///     the server quiet.
    ///   - mode: how `client` reaches the service (the server is started
    ///     either way, for `client(token:)`).
    public init(
        configuration: ServerConfiguration = ServerConfiguration(), now: @escaping @Sendable () -> Int64 = currentTimeMs,
        authorizer: Authorizer? = nil, token: String? = nil, logs: CapturedLogs? = nil, mode: TransportMode = .tcp
    ) throws {
        self.mode = mode
        directory = TemporaryDirectory(prefix: "synchealth-live")
        store = try SQLiteSyncStore(path: directory.file("test.sqlite"))
        let router = Router(interceptor: authorizer?.interceptor)
        SyncHealthHandlers.register(on: router, store: store, now: now)
        var logger = logs?.logger() ?? Logger(label: "synchealth.test")
        if logs == nil { logger.logLevel = .critical }
        server = RPCServer(address: try BindTarget(listenAddress: "127.0.0.1:0"), configuration: configuration, router: router, logger: logger)
        port = try server.start()
        switch mode {
        case .tcp:
            client = try SyncHealthClient(target: "127.0.0.1:\(port)", token: token, timeout: .seconds(20))
        case .inProcess:
            client = SyncHealthClient(transport: InProcessTransport(router: router), token: token, timeout: .seconds(20))
        }
    }

    /// A further client of this server that sends `token`.
    public func client(token: String?) throws -> SyncHealthClient {
        try SyncHealthClient(target: address, token: token, timeout: .seconds(20))
    }

    /// "127.0.0.1:<port>".
    public var address: String { "127.0.0.1:\(port)" }

    /// Stops the server and closes the client.
    public func stop() {
        client.close()
        server.stop()
    }

    deinit {
        client.close()
        server.stop()
    }
}
