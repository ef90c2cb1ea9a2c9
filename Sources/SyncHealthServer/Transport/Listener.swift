import Dispatch
import Glibc
import Logging

/// Owns the listening descriptor and its accept source.
///
/// `@unchecked Sendable` is safe because every mutable member (`state`) and
/// the non-Sendable `DispatchSourceRead` are touched only on `queue`: the
/// public entry points hop onto it and the handlers run on it, which
/// `dispatchPrecondition` asserts.
final class Listener: @unchecked Sendable {
    private enum State {
        case created, accepting, pausedAfterError, cancelled
    }

    /// Local port the socket is bound to.
    let port: UInt16
    private let fd: Int32
    private let queue: DispatchQueue
    private let source: any DispatchSourceRead
    private let logger: Logger
    private let onAccept: @Sendable (_ fd: Int32, _ peer: String) -> Void
    private var state = State.created

    /// Takes ownership of the listening `fd`; it is closed in the source's cancel handler.
    init(fd: Int32, logger: Logger, onAccept: @escaping @Sendable (_ fd: Int32, _ peer: String) -> Void) {
        self.fd = fd
        self.port = AddressText.localPort(of: fd) ?? 0
        self.logger = logger
        self.onAccept = onAccept
        queue = DispatchQueue(label: "synchealth.listener")
        source = DispatchSource.makeReadSource(fileDescriptor: fd, queue: queue)
        // Strong capture: the cycle ends when the source is cancelled and drops its handlers.
        source.setEventHandler { self.acceptPending() }
        source.setCancelHandler { Socket.close(fd) }
    }

    /// Starts accepting.
    func start() {
        queue.async {
            guard case .created = self.state else { return }
            self.state = .accepting
            self.source.resume()
        }
    }

    /// Stops accepting and closes the listening socket.
    func close() {
        queue.async {
            switch self.state {
            case .cancelled:
                return
            case .created, .pausedAfterError:
                self.source.resume()  // a suspended source never runs its cancel handler
            case .accepting:
                break
            }
            self.state = .cancelled
            self.source.cancel()
        }
    }

    private func acceptPending() {
        dispatchPrecondition(condition: .onQueue(queue))
        guard case .accepting = state else { return }
        // Bounded per event so one burst cannot starve the queue.
        for _ in 0..<64 {
            let client = accept(fd, nil, nil)
            if client >= 0 {
                // accept4 is not exported to Swift; an accepted socket does not
                // inherit O_NONBLOCK on Linux, so set it (and close-on-exec) here.
                guard Socket.makeNonBlocking(client) else {
                    Socket.close(client)  // no source was made for it
                    continue
                }
                onAccept(client, AddressText.peer(of: client))
                continue
            }
            switch errno {
            case EINTR, ECONNABORTED, EPROTO:
                continue
            case EAGAIN, EWOULDBLOCK:
                return
            case let code:
                // EMFILE/ENFILE/ENOBUFS: the pending connection stays queued and the
                // source would fire in a tight loop; back off briefly instead.
                logger.warning("accept failed; pausing", metadata: ["errno": "\(code)"])
                state = .pausedAfterError
                source.suspend()
                queue.asyncAfter(deadline: .now() + .milliseconds(100)) {
                    guard case .pausedAfterError = self.state else { return }
                    self.state = .accepting
                    self.source.resume()
                }
                return
            }
        }
    }
}
