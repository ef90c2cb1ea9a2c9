import Dispatch
public import Logging
public import SyncHealthWire
import SyncHealthConcurrency

/// A protocol v1 server on Dispatch: one listening socket, a serial queue per
/// connection, handlers on their own threads.
///
/// ```swift
/// let router = Router()
/// router.register(service: "synchealth.v1.Sync", method: "Get") { (req: GetRequest, ctx) in ... }
/// let server = RPCServer(address: try BindTarget(listenAddress: "127.0.0.1:0"), router: router)
/// let port = try server.start()
/// ...
/// await server.shutdown(gracePeriod: .seconds(10))
/// ```
public final class RPCServer: Sendable {
    /// Limits and timeouts.
    public let configuration: ServerConfiguration
    /// The methods served.
    public let router: Router
    /// What `/synchealth.v1.Health/Check` reports; NOT_SERVING after `shutdown`.
    public let servingState: ServingState
    /// Where the server listens.
    public let address: BindTarget
    private let logger: Logger
    private let state = Locked(ServerState())

    /// Creates a server; nothing is bound until `start()`.
    public init(
        address: BindTarget,
        configuration: ServerConfiguration = ServerConfiguration(),
        router: Router,
        servingState: ServingState = ServingState(),
        logger: Logger = Logger(label: "synchealth.server")
    ) {
        precondition(configuration.maxConcurrentStreams > 0 && configuration.maxConnections > 0, "limits must be positive")
        precondition(configuration.maxFrameSize >= 64, "max frame size too small")
        self.address = address
        self.configuration = configuration
        self.router = router
        self.servingState = servingState
        self.logger = logger
    }

    /// Binds, listens and starts accepting. Installs the built-in Health
    /// `Check` handler unless the router has one. Ignores SIGPIPE process-wide.
    /// - Returns: the bound port (the ephemeral one when the address said 0).
    /// - Throws: `RPCError` UNAVAILABLE when the address cannot be bound.
    /// - Precondition: called once.
    @discardableResult
    public func start() throws(RPCError) -> UInt16 {
        Socket.ignoreSIGPIPE
        if router.handler(for: HealthService.checkMethod) == nil {
            HealthService.register(on: router, state: servingState)
        }
        let fd = try ListeningSocket.open(address)
        let listener = Listener(fd: fd, logger: logger) { [weak self] client, peer in
            guard let self else { return Socket.close(client) }
            self.accepted(client, peer: peer)
        }
        let environment = ConnectionEnvironment(
            configuration: configuration, router: router, logger: logger,
            onHandshake: { [weak self] id in self?.handshakeFinished(id) ?? false },
            onClosed: { [weak self] id in self?.connectionClosed(id) }
        )
        state.withLock { state in
            state.transition(to: .running)
            state.listener = listener
            state.environment = environment
        }
        listener.start()
        logger.info("listening", metadata: ["address": "\(address)", "port": "\(listener.port)"])
        return listener.port
    }

    /// The bound port once started.
    public var port: UInt16? { state.withLock { $0.listener?.port } }

    /// Connections currently open (admitted or being rejected).
    public var connectionCount: Int { state.withLock { $0.connections.count } }

    /// Admitted connections that have not sent their preface yet.
    public var pendingHandshakeCount: Int { state.withLock { $0.pendingHandshakes.count } }

    /// Refusals and evictions since start.
    public var connectionCounters: ConnectionCounters { state.withLock { $0.counters } }

    /// Graceful shutdown: Health flips to NOT_SERVING, the listener closes,
    /// every connection gets GOAWAY with its last stream id, new calls are
    /// refused with UNAVAILABLE, in-flight calls may finish for
    /// `gracePeriod` (then are answered UNAVAILABLE), and connections close.
    /// Returns when every connection is closed.
    public func shutdown(gracePeriod: Duration) async {
        servingState.set(.notServing)
        let deadline = DispatchTime.now().adding(gracePeriod)
        for connection in beginShutdown() { connection.drain(graceDeadline: deadline) }
        await waitUntilStopped()
    }

    /// Immediate stop: closes the listener and every connection now,
    /// cancelling in-flight calls. Does not wait; see `waitUntilStopped()`.
    public func stop() {
        servingState.set(.notServing)
        for connection in beginShutdown() { connection.stop() }
    }

    /// Returns once the server has stopped and every connection is closed.
    public func waitUntilStopped() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let stopped = state.withLock { state -> Bool in
                if state.lifecycle == .stopped { return true }
                state.stopWaiters.append(continuation)
                return false
            }
            if stopped { continuation.resume() }
        }
    }

    /// Moves to shutting down (or stopped when never started).
    /// - Returns: the connections to drain or stop.
    private func beginShutdown() -> [ServerConnection] {
        let (connections, listener, waiters) = state.withLock { state in
            switch state.lifecycle {
            case .idle:
                state.transition(to: .stopped)
                return ([ServerConnection](), Listener?.none, state.stopWaiters)
            case .running:
                state.transition(to: .shuttingDown)
                let listener = state.listener
                state.listener = nil
                return (Array(state.connections.values), listener, state.stopIfDrained())
            case .shuttingDown:
                return (Array(state.connections.values), nil, [])
            case .stopped:
                return ([], nil, [])
            }
        }
        listener?.close()
        for waiter in waiters { waiter.resume() }
        return connections
    }

    /// Admits a new connection. Connections that have not finished the
    /// handshake have a budget of their own (`maxPendingHandshakes`): past it,
    /// or at `maxConnections`, the oldest of them is closed to make room, so
    /// only a cap full of connections that did finish it refuses newcomers.
    private func accepted(_ fd: Int32, peer: String) {
        enum Action { case close, serve(ServerConnection, evicting: ServerConnection?), reject(ServerConnection) }
        let pendingBudget = min(configuration.maxPendingHandshakes, configuration.maxConnections)
        let action = state.withLock { state -> Action in
            guard state.lifecycle == .running, let environment = state.environment else { return .close }
            let id = state.nextConnectionId
            state.nextConnectionId += 1
            let connection = ServerConnection(id: id, fd: fd, peer: peer, env: environment)
            state.connections[id] = connection
            var evicted: ServerConnection?
            if state.pendingHandshakes.count >= pendingBudget || state.admitted.count >= configuration.maxConnections {
                evicted = state.evictOldestPendingHandshake()
            }
            guard state.admitted.count < configuration.maxConnections else {
                state.counters.refusedAtCapacity += 1
                configuration.metrics?.connectionRefused(.atCapacity)
                return .reject(connection)
            }
            state.admitted.insert(id)
            state.pendingHandshakes.append(id)
            return .serve(connection, evicting: evicted)
        }
        switch action {
        case .close:
            Socket.close(fd)  // no source was made for it
        case let .serve(connection, evicted):
            if let evicted {
                logger.notice("connection closed before its handshake to make room", metadata: [
                    "peer": "\(evicted.peer)", "connection": "\(evicted.id)", "pending_limit": "\(pendingBudget)",
                ])
                evicted.evictBeforeHandshake()
                // No longer admitted: it leaves the open count now, not at its close.
                configuration.metrics?.connectionRefused(.evictedBeforeHandshake)
                configuration.metrics?.connectionClosed()
            }
            logger.debug("connection accepted", metadata: ["peer": "\(peer)", "connection": "\(connection.id)"])
            configuration.metrics?.connectionOpened()
            connection.start()
        case let .reject(connection):
            logger.notice("connection refused: limit reached", metadata: ["peer": "\(peer)", "limit": "\(configuration.maxConnections)"])
            connection.start(rejectWith: GoAway(lastStreamId: 0, statusCode: .resourceExhausted, message: "too many connections"))
        }
    }

    /// A connection sent its preface; false when it was evicted first (it then closes).
    private func handshakeFinished(_ id: UInt64) -> Bool {
        state.withLock { $0.finishHandshake(id) }
    }

    private func connectionClosed(_ id: UInt64) {
        let waiters = state.withLock { state in
            if state.admitted.contains(id) { configuration.metrics?.connectionClosed() }
            state.connections[id] = nil
            state.admitted.remove(id)
            _ = state.finishHandshake(id)
            return state.stopIfDrained()
        }
        for waiter in waiters { waiter.resume() }
    }
}
