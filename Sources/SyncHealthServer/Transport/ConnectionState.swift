/// Lifecycle of one server connection. Every change goes through
/// `canTransition(to:)`; an illegal one is a programming error.
enum ConnectionState: Equatable, CustomStringConvertible {
    /// Accepted; waiting for the client's 8-byte preface.
    case awaitingPreface
    /// SETTINGS sent; taking calls.
    case open
    /// GOAWAY sent or received: no new calls, in-flight calls finish, then close.
    case draining
    /// The last frames are queued; input is read and discarded; the socket
    /// closes once they are written and the peer hangs up (or a linger timeout).
    case closing
    /// Sources cancelled; the descriptor closes in their cancel handlers.
    case closed

    func canTransition(to next: ConnectionState) -> Bool {
        switch (self, next) {
        case (.awaitingPreface, .open), (.awaitingPreface, .closing), (.awaitingPreface, .closed),
             (.open, .draining), (.open, .closing), (.open, .closed),
             (.draining, .closing), (.draining, .closed),
             (.closing, .closed):
            return true
        default:
            return false
        }
    }

    /// Whether frames from the peer are still decoded and acted on.
    var processesInput: Bool {
        switch self {
        case .awaitingPreface, .open, .draining: return true
        case .closing, .closed: return false
        }
    }

    var description: String {
        switch self {
        case .awaitingPreface: return "awaitingPreface"
        case .open: return "open"
        case .draining: return "draining"
        case .closing: return "closing"
        case .closed: return "closed"
        }
    }
}
