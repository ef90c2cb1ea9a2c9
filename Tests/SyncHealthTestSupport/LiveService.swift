import Foundation
import Logging
public import SyncHealthClient
public import SyncHealthServer
public import SyncHealthStorage
public import SyncHealthWire

/// A real synchealthd stack in process for tests: a SQLite store in a
/// temporary directory, the handlers, and the TCP server on an ephemeral
/// loopback port, with a client connected to it.
public final class LiveService: Sendable {
    public let directory: TemporaryDirectory
    public let store: SQLiteSyncStore
    public let server: RPCServer
    public let port: UInt16
    public let client: SyncHealthClient

    /// Starts the stack.
    /// - Parameter now: the server's clock (ms since the epoch).
    public init(configuration: ServerConfiguration = ServerConfiguration(), now: @escaping @Sendable () -> Int64 = currentTimeMs) throws {
        directory = TemporaryDirectory(prefix: "synchealth-live")
        store = try SQLiteSyncStore(path: directory.file("test.sqlite"))
        let router = Router()
        SyncHealthHandlers.register(on: router, store: store, now: now)
        var logger = Logger(label: "synchealth.test")
        logger.logLevel = .critical
        server = RPCServer(address: try BindTarget(parsing: "127.0.0.1:0"), configuration: configuration, router: router, logger: logger)
        port = try server.start()
        client = try SyncHealthClient(target: "127.0.0.1:\(port)", timeout: .seconds(20))
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
