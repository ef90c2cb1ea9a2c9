import Dispatch
import Logging
import SyncHealthWire

/// One accepted TCP connection: its socket, sources, decoder, output buffer
/// and calls.
///
/// `@unchecked Sendable` is safe because all mutable state and the
/// non-Sendable dispatch sources are confined to `queue`: the sources'
/// handlers run on it, every other entry point (`start`, `drain`, `stop`,
/// handler completions) hops onto it with `queue.async`, and the methods
/// that touch state assert it with `dispatchPrecondition`.
final class ServerConnection: @unchecked Sendable {
    let id: UInt64
    let peer: String
    let queue: DispatchQueue
    let env: ConnectionEnvironment
    let fd: Int32

    private(set) var state = ConnectionState.awaitingPreface
    var decoder: FrameDecoder
    var inbound = FrameBuffer()
    var output = OutputBuffer()
    var calls: [UInt32: ActiveCall] = [:]

    let acceptedAt = DispatchTime.now()
    var lastActivity = DispatchTime.now()
    var partialFrameSince: DispatchTime?
    var graceDeadline: DispatchTime?
    var lingerDeadline: DispatchTime?
    var closeReason = "closed"
    /// Set when the server drains this connection on shutdown: once the peer
    /// has acknowledged our last frame and FIN, close without waiting out the
    /// linger for its FIN, so a daemon exits as soon as nothing is pending.
    var closeOnceAcknowledged = false

    private let readSource: any DispatchSourceRead
    private let writeSource: any DispatchSourceWrite
    let timer: any DispatchSourceTimer
    /// Where `timer` is armed; nil once it fired (see `rescheduleTimer`).
    var scheduledTimerDeadline: DispatchTime?
    private var readSuspended = true  // sources start suspended
    private var writeArmed = false
    /// Reading is paused because the peer is not reading our output.
    private(set) var pausedForBackpressure = false
    private var writeShutDown = false
    private var fdSourcesAlive = 2
    /// Receive buffer, allocated but not written: an idle connection keeps
    /// none of it resident. (A zero-filled [UInt8] made every connection
    /// cost 64 KiB of RSS: 1,000 idle connections = 64 MiB, BENCHMARKS.md.)
    /// Used only on `queue`; freed in deinit.
    private let scratch = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 * 1024, alignment: 16)

    /// Takes ownership of the accepted, non-blocking `fd`.
    init(id: UInt64, fd: Int32, peer: String, env: ConnectionEnvironment) {
        self.id = id
        self.fd = fd
        self.peer = peer
        self.env = env
        decoder = FrameDecoder(role: .server, maxFrameSize: env.configuration.maxFrameSize)
        queue = DispatchQueue(label: "synchealth.connection.\(id)")
        readSource = DispatchSource.makeReadSource(fileDescriptor: fd, queue: queue)
        writeSource = DispatchSource.makeWriteSource(fileDescriptor: fd, queue: queue)
        timer = DispatchSource.makeTimerSource(queue: queue)
        // Strong captures: each cycle ends when the source is cancelled and
        // drops its handlers, which `closeNow` always does.
        readSource.setEventHandler { self.readable() }
        writeSource.setEventHandler { self.writable() }
        timer.setEventHandler { self.timerFired() }
        readSource.setCancelHandler { self.fdSourceCancelled() }
        writeSource.setCancelHandler { self.fdSourceCancelled() }
    }

    deinit {
        scratch.deallocate()
    }

    /// Starts serving: reading, TCP_NODELAY, the handshake timer.
    /// - Parameter rejectWith: when set, the connection only sends this GOAWAY and closes.
    func start(rejectWith goAway: GoAway? = nil) {
        queue.async {
            guard self.state != .closed else {
                // Closed before this ran (a shutdown raced the accept):
                // closeNow already resumed and cancelled the fd sources, and
                // resuming the read source again would be an over-resume
                // (libdispatch traps; seen under TSan). The timer was
                // cancelled while still suspended: resume it once, so it
                // can deliver its cancellation and be released.
                self.timer.resume()
                return
            }
            Socket.setNoDelay(self.fd)
            self.readSuspended = false
            self.readSource.resume()
            self.timer.resume()
            if let goAway {
                self.beginClosing(goAway: goAway, reason: goAway.message)
            } else {
                self.rescheduleTimer()
            }
        }
    }

    func transition(to next: ConnectionState) {
        dispatchPrecondition(condition: .onQueue(queue))
        precondition(state.canTransition(to: next), "connection \(id): illegal transition \(state) -> \(next)")
        state = next
    }

    // MARK: Reading

    private func readable() {
        dispatchPrecondition(condition: .onQueue(queue))
        // The re-queued continuation below can arrive after reading was paused.
        guard state != .closed, !readSuspended else { return }
        for _ in 0..<16 {
            let result: IOResult
            do {
                result = try Socket.receive(fd, into: scratch)
            } catch {
                closeNow(reason: "read failed: \(error)")
                return
            }
            switch result {
            case .wouldBlock:
                return
            case .endOfFile:
                peerClosed()
                return
            case let .processed(n):
                if state.processesInput {
                    inbound.write(contentsOf: UnsafeRawBufferPointer(rebasing: scratch[0..<n]))
                    processInbound()
                }
                // else: closing; the peer's bytes are read only to be discarded.
            }
            guard state != .closed, !readSuspended else { return }
        }
        // More may be waiting: continue after other work on this queue.
        queue.async { self.readable() }
    }

    private func peerClosed() {
        if state == .closing {
            closeNow(reason: closeReason)
        } else {
            closeNow(reason: inbound.readableBytes > 0 ? "peer closed mid-frame" : "peer closed")
        }
    }

    /// Stops reading while the output buffer is above half its limit (the
    /// peer is not reading what it asked for); resumes below a quarter.
    private func updateReadInterest() {
        let limit = env.configuration.maxOutputBufferBytes
        if output.count >= limit / 2 {
            pausedForBackpressure = true
        } else if output.count <= limit / 4 {
            pausedForBackpressure = false
        }
        let wantSuspended = state != .closed && pausedForBackpressure && state != .closing
        if wantSuspended && !readSuspended {
            readSource.suspend()
            readSuspended = true
        } else if !wantSuspended && readSuspended && state != .closed {
            readSource.resume()
            readSuspended = false
            // A frame left partial while we were not reading gets a fresh allowance.
            if partialFrameSince != nil { partialFrameSince = .now() }
            rescheduleTimer()
        }
    }

    // MARK: Writing

    /// Queues one frame, header and payload together, and tries to write it.
    /// A peer that lets the buffer pass its limit is dropped.
    func send(_ frame: Frame) {
        dispatchPrecondition(condition: .onQueue(queue))
        guard state != .closed, !writeShutDown else { return }
        let bytes = FrameEncoder.encode(frame)
        guard output.count + bytes.count <= env.configuration.maxOutputBufferBytes else {
            closeNow(reason: "peer not reading: output buffer over \(env.configuration.maxOutputBufferBytes) bytes")
            return
        }
        output.append(bytes)
        env.configuration.metrics?.frameSent(bytes: bytes.count)
        flush()
    }

    private func writable() {
        dispatchPrecondition(condition: .onQueue(queue))
        guard state != .closed else { return }
        flush()
    }

    private func flush() {
        while !output.isEmpty {
            let result: IOResult?
            do {
                result = try output.withFirstChunk { raw throws(SystemCallError) in try Socket.send(fd, raw) }
            } catch {
                closeNow(reason: "write failed: \(error)")  // EPIPE/ECONNRESET: the peer vanished mid-write
                return
            }
            switch result {
            case let .processed(n)?:
                output.consume(n)
            case .wouldBlock?, .endOfFile?, nil:
                if !writeArmed {
                    writeSource.resume()
                    writeArmed = true
                }
                updateReadInterest()
                return
            }
        }
        if writeArmed {
            writeSource.suspend()
            writeArmed = false
        }
        updateReadInterest()
        if state == .closing && !writeShutDown {
            // Our last frame is out: FIN, then drain the peer until it hangs up.
            Socket.shutdownWrite(fd)
            writeShutDown = true
            if closeOnceAcknowledged { closeWhenAcknowledged(pollMs: 1) }
        }
    }

    /// Closes as soon as the peer acknowledged our FIN, looking again after
    /// 1, 2, 4 ... 64 ms; the linger timeout still bounds the wait. No input
    /// is left unread (closing reads and discards it), so the close is a FIN,
    /// not a reset.
    private func closeWhenAcknowledged(pollMs: Int) {
        dispatchPrecondition(condition: .onQueue(queue))
        guard state == .closing else { return }
        if Socket.peerAcknowledgedOurClose(fd) {
            closeNow(reason: closeReason)
            return
        }
        queue.asyncAfter(deadline: .now() + .milliseconds(pollMs)) {
            self.closeWhenAcknowledged(pollMs: min(pollMs * 2, 64))
        }
    }

    // MARK: Closing

    /// Queues `goAway` (if any), stops acting on input and closes once it is
    /// written and the peer hangs up, or after the linger timeout.
    func beginClosing(goAway: GoAway?, reason: String) {
        dispatchPrecondition(condition: .onQueue(queue))
        guard state != .closing, state != .closed else { return }
        transition(to: .closing)
        closeReason = reason
        cancelAllCalls(reason: .connectionClosed)
        lingerDeadline = DispatchTime.now().adding(env.configuration.closeLingerTimeout)
        if let goAway {
            send(.init(type: .goAway, streamId: 0, payload: goAway.serializedBytes()))
        }
        guard state == .closing else { return }  // send may have dropped the connection
        flush()
        updateReadInterest()
        rescheduleTimer()
    }

    /// Closes at once: in-flight calls are cancelled, queued output dropped.
    func closeNow(reason: String) {
        dispatchPrecondition(condition: .onQueue(queue))
        guard state != .closed else { return }
        let wasClosing = state == .closing
        transition(to: .closed)
        if !wasClosing { closeReason = reason }
        cancelAllCalls(reason: .connectionClosed)
        output.removeAll()
        // A suspended source never runs its cancel handler: resume first.
        if readSuspended {
            readSource.resume()
            readSuspended = false
        }
        if !writeArmed {
            writeSource.resume()
            writeArmed = true
        }
        readSource.cancel()
        writeSource.cancel()
        timer.cancel()
    }

    private func fdSourceCancelled() {
        dispatchPrecondition(condition: .onQueue(queue))
        fdSourcesAlive -= 1
        guard fdSourcesAlive == 0 else { return }
        Socket.close(fd)
        env.logger.debug("connection closed", metadata: [
            "peer": "\(peer)", "connection": "\(id)", "reason": "\(closeReason)",
        ])
        env.onClosed(id)
    }
}
