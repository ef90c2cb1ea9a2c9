/// Lifecycle of an `RPCServer`; every change is checked.
enum ServerLifecycle: Equatable, CustomStringConvertible {
    /// Created, not listening.
    case idle
    /// Listening and serving.
    case running
    /// Listener closed; connections draining or closing.
    case shuttingDown
    /// Every connection closed.
    case stopped

    func canTransition(to next: ServerLifecycle) -> Bool {
        switch (self, next) {
        case (.idle, .running), (.idle, .stopped), (.running, .shuttingDown), (.shuttingDown, .stopped):
            return true
        default:
            return false
        }
    }

    var description: String {
        switch self {
        case .idle: return "idle"
        case .running: return "running"
        case .shuttingDown: return "shuttingDown"
        case .stopped: return "stopped"
        }
    }
}

/// Everything an `RPCServer` shares between its listener, its connections
/// and its callers; kept in a `Locked`.
struct ServerState {
    private(set) var lifecycle = ServerLifecycle.idle
    var listener: Listener?
    var environment: ConnectionEnvironment?
    var connections: [UInt64: ServerConnection] = [:]
    /// Connections that count against `maxConnections` (rejected and
    /// evicted ones do not).
    var admitted: Set<UInt64> = []
    /// Admitted connections still waiting for their preface, oldest first
    /// (ids only grow, so accept order is id order).
    var pendingHandshakes: [UInt64] = []
    var counters = ConnectionCounters()
    var nextConnectionId: UInt64 = 1
    var stopWaiters: [CheckedContinuation<Void, Never>] = []

    /// Takes the oldest connection still waiting for its preface out of the
    /// budgets; nil when there is none.
    mutating func evictOldestPendingHandshake() -> ServerConnection? {
        guard !pendingHandshakes.isEmpty else { return nil }
        let id = pendingHandshakes.removeFirst()
        admitted.remove(id)
        counters.evictedBeforeHandshake += 1
        return connections[id]
    }

    /// Marks `id`'s handshake finished. False when it was evicted first.
    mutating func finishHandshake(_ id: UInt64) -> Bool {
        guard let index = pendingHandshakes.firstIndex(of: id) else { return false }
        pendingHandshakes.remove(at: index)
        return true
    }

    mutating func transition(to next: ServerLifecycle) {
        precondition(lifecycle.canTransition(to: next), "server: illegal transition \(lifecycle) -> \(next)")
        lifecycle = next
    }

    /// Moves to `.stopped` once shutting down with no connections left.
    /// - Returns: the waiters to resume (outside the lock).
    mutating func stopIfDrained() -> [CheckedContinuation<Void, Never>] {
        guard lifecycle == .shuttingDown, connections.isEmpty else { return [] }
        transition(to: .stopped)
        defer { stopWaiters = [] }
        return stopWaiters
    }
}

/// How often the server turned connections away, for operators (and, later,
/// metrics).
public struct ConnectionCounters: Sendable, Equatable {
    /// New connections answered GOAWAY RESOURCE_EXHAUSTED at `maxConnections`
    /// (every admitted connection had finished its handshake).
    public var refusedAtCapacity = 0
    /// Connections closed before their handshake to make room for a new one
    /// (handshake budget or connection cap).
    public var evictedBeforeHandshake = 0

    public init() {}
}
