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
/// and its callers; kept in a `Mutex`.
struct ServerState {
    private(set) var lifecycle = ServerLifecycle.idle
    var listener: Listener?
    var environment: ConnectionEnvironment?
    var connections: [UInt64: ServerConnection] = [:]
    /// Connections that count against `maxConnections` (rejected ones do not).
    var admitted: Set<UInt64> = []
    var nextConnectionId: UInt64 = 1
    var stopWaiters: [CheckedContinuation<Void, Never>] = []

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
