import Dispatch
import Glibc
public import SyncHealthWire
import SyncHealthConcurrency

/// One protocol v1 connection carrying many concurrent calls.
///
/// I/O design: a blocking socket, one reader loop on its own serial
/// DispatchQueue and every write on a second serial queue. Chosen over
/// non-blocking sockets with DispatchSources because it keeps this type
/// genuinely `Sendable` (an `Int32`, two queues and a `Locked`; no
/// non-Sendable source to confine) and a client holds few connections, so one
/// parked thread each is cheap. Serial queues without a target run on
/// libdispatch's overcommit pool, so the parked reader never starves other
/// Dispatch work. `close()` shuts the socket down, which wakes both the
/// reader and a writer blocked on a peer that does not read; the descriptor
/// itself is closed only on the write queue after the reader has exited.
public final class SyncHealthConnection: Sendable {
    /// The server this connection talks to.
    public let endpoint: Endpoint
    /// The server's SETTINGS, received before `connect` returned.
    public let settings: Settings
    let fd: Int32
    let state = Locked(ClientConnectionState())
    let writeQueue = DispatchQueue(label: "synchealth.client.write")
    private let readQueue = DispatchQueue(label: "synchealth.client.read")

    private init(endpoint: Endpoint, fd: Int32, settings: Settings) {
        self.endpoint = endpoint
        self.fd = fd
        self.settings = settings
    }

    /// Connects, sends the preface and waits for the server's SETTINGS, all
    /// within `configuration.connectTimeout`.
    /// - Throws: `RPCError` UNAVAILABLE when the server cannot be reached,
    ///   refuses the connection (GOAWAY) or breaks the protocol.
    public static func connect(
        to endpoint: Endpoint, configuration: ClientConfiguration = ClientConfiguration()
    ) async throws -> SyncHealthConnection {
        try await withCheckedThrowingContinuation { continuation in
            // Blocking resolve/connect/handshake off the Swift concurrency pool.
            DispatchQueue(label: "synchealth.client.connect").async {
                do {
                    let deadline = ContinuousClock.now + configuration.connectTimeout
                    let fd = try ClientSocket.connect(to: endpoint, timeout: configuration.connectTimeout)
                    let handshake: Handshake
                    do {
                        handshake = try Handshake.perform(fd: fd, deadline: deadline, maxFrameSize: configuration.maxFrameSize)
                    } catch {
                        Glibc.close(fd)  // nothing else owns it yet
                        throw error
                    }
                    let connection = SyncHealthConnection(endpoint: endpoint, fd: fd, settings: handshake.settings)
                    connection.startReading(decoder: handshake.decoder, buffer: handshake.leftover)
                    continuation.resume(returning: connection)
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
    }

    /// Whether new calls may start on this connection (no GOAWAY, not closed).
    public var isUsable: Bool { state.withLock { $0.isReady } }

    /// Closes the connection; pending calls fail with UNAVAILABLE.
    public func close() {
        state.withLock { state in
            if case .closed = state.phase { return }
            state.phase = .closed(RPCError(.unavailable, "connection closed by client"))
        }
        shutdownSocket()
    }

    // MARK: Plumbing shared by the extensions

    /// Queues `bytes` for the socket. Called with the state lock held where
    /// order matters (REQUEST stream ids must reach the wire increasing).
    func enqueueWrite(_ bytes: [UInt8]) {
        writeQueue.async {
            // The descriptor is closed only on this queue, so it is open here
            // unless this flag says otherwise.
            guard !self.state.withLock({ $0.descriptorClosed }) else { return }
            if !ClientSocket.sendAll(self.fd, bytes) { self.shutdownSocket() }
        }
    }

    /// Wakes the reader (and a blocked writer); the reader then fails every
    /// pending call and arranges the close.
    func shutdownSocket() {
        state.withLock { state in
            if !state.descriptorClosed { _ = Glibc.shutdown(fd, Int32(SHUT_RDWR)) }
        }
    }

    /// Closes once a going-away connection has nothing pending.
    func closeIfDrained() {
        let drained = state.withLock { state -> Bool in
            if case .goingAway = state.phase, state.pending.isEmpty { return true }
            return false
        }
        if drained { shutdownSocket() }
    }

    private func startReading(decoder: FrameDecoder, buffer: FrameBuffer) {
        readQueue.async { self.readLoop(decoder: decoder, buffer: buffer) }
    }

    private func readLoop(decoder: FrameDecoder, buffer: FrameBuffer) {
        var decoder = decoder
        var buffer = buffer
        var scratch = [UInt8](repeating: 0, count: 64 * 1024)
        var failure = RPCError(.unavailable, "connection closed by server")
        while true {
            do {
                while let frame = try decoder.decode(&buffer) { handle(frame) }
            } catch {
                failure = RPCError(.unavailable, "protocol error from server: \(error)")
                break
            }
            let n = ClientSocket.receive(fd, into: &scratch)
            if n <= 0 {
                if n < 0 { failure = RPCError(.unavailable, "connection lost") }
                break
            }
            buffer.write(contentsOf: scratch[0..<n])
        }
        connectionLost(failure)
    }

    /// The reader has exited: fail everything, then close the descriptor on
    /// the write queue (after any write in progress).
    private func connectionLost(_ error: RPCError) {
        let (calls, pings, reason) = state.withLock { state in
            var reason = error
            if case let .closed(earlier) = state.phase { reason = earlier } else { state.phase = .closed(error) }
            let taken = state.takeAll()
            return (taken.calls, taken.pings, reason)
        }
        for call in calls { call.continuation.resume(throwing: reason) }
        for ping in pings { ping.resume(throwing: reason) }
        shutdownSocket()
        writeQueue.async {
            self.state.withLock { state in
                state.descriptorClosed = true
                Glibc.close(self.fd)
            }
        }
    }
}
