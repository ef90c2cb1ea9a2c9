import Dispatch
import Logging
import SyncHealthWire

extension ServerConnection {
    /// Decodes and acts on every whole frame in `inbound`.
    func processInbound() {
        dispatchPrecondition(condition: .onQueue(queue))
        do {
            if state == .awaitingPreface {
                guard try Preface.decode(&inbound) != nil else { return }
                guard env.onHandshake(id) else {
                    closeNow(reason: "closed before its handshake to make room")  // evicted while the preface arrived
                    return
                }
                transition(to: .open)
                lastActivity = .now()
                sendSettings()
            }
            var decodedAny = false
            while state.processesInput, let frame = try decoder.decode(&inbound) {
                decodedAny = true
                env.configuration.metrics?.frameReceived(bytes: Frame.headerSize + frame.payload.count)
                lastActivity = .now()
                try handle(frame)
            }
            // Slowloris guard: a frame begun must complete in time.
            if inbound.readableBytes == 0 {
                partialFrameSince = nil
            } else if decodedAny || partialFrameSince == nil {
                partialFrameSince = .now()
            }
        } catch {
            protocolViolation(error)
        }
        if state != .closed { rescheduleTimer() }
    }

    private func sendSettings() {
        let config = env.configuration
        let settings = Settings(
            protocolMajor: UInt32(Preface.major),
            protocolMinor: UInt32(Preface.minor),
            maxFrameSize: config.maxFrameSize,
            maxConcurrentStreams: UInt32(clamping: config.maxConcurrentStreams),
            serverName: config.serverName,
            serverVersion: config.serverVersion
        )
        send(Frame(type: .settings, streamId: 0, payload: settings.serializedBytes()))
    }

    private func handle(_ frame: Frame) throws(FrameError) {
        switch frame.type {
        case .request:
            try handleRequest(frame)
        case .cancel:
            handleCancel(streamId: frame.streamId)
        case .ping:
            send(Frame(type: .pong, streamId: 0, payload: frame.payload))
        case .pong:
            break  // the server sends no PINGs of its own; an unsolicited PONG is harmless
        case .goAway:
            peerSentGoAway()
        case .response, .settings:
            throw .unexpectedFrame(frame.type)  // the decoder already rejects these
        }
    }

    /// A framing violation: GOAWAY INTERNAL with the last stream id processed, then close.
    func protocolViolation(_ error: FrameError) {
        guard state.processesInput else { return }
        env.logger.notice("protocol violation", metadata: [
            "peer": "\(peer)", "connection": "\(id)", "error": "\(error)",
        ])
        let goAway = GoAway(lastStreamId: decoder.lastRequestStreamId, statusCode: .internal, message: error.description)
        beginClosing(goAway: goAway, reason: "protocol violation: \(error)")
    }

    /// The client will send no more calls: finish those in flight, then close.
    private func peerSentGoAway() {
        switch state {
        case .open:
            transition(to: .draining)
            graceDeadline = DispatchTime.now().adding(env.configuration.idleTimeout)
            if calls.isEmpty { beginClosing(goAway: nil, reason: "peer sent GOAWAY") }
        case .awaitingPreface, .draining, .closing, .closed:
            break
        }
    }

    // MARK: Shutdown

    /// Graceful shutdown: GOAWAY with the last stream id, refuse new calls,
    /// let in-flight ones finish until `graceDeadline`, then close.
    func drain(graceDeadline deadline: DispatchTime) {
        queue.async {
            self.closeOnceAcknowledged = true
            switch self.state {
            case .awaitingPreface:
                let goAway = GoAway(lastStreamId: 0, statusCode: .unavailable, message: "server shutting down")
                self.beginClosing(goAway: goAway, reason: "server shutdown")
            case .open:
                self.transition(to: .draining)
                self.graceDeadline = deadline
                let goAway = GoAway(lastStreamId: self.decoder.lastRequestStreamId, statusCode: .ok, message: "server shutting down")
                self.send(Frame(type: .goAway, streamId: 0, payload: goAway.serializedBytes()))
                if self.state == .draining, self.calls.isEmpty {
                    self.beginClosing(goAway: nil, reason: "server shutdown")
                } else if self.state == .draining {
                    self.rescheduleTimer()
                }
            case .draining:
                self.graceDeadline = min(self.graceDeadline ?? deadline, deadline)
                self.rescheduleTimer()
            case .closing, .closed:
                break
            }
        }
    }

    /// Closes a connection that has not sent its preface, to make room for a
    /// new one: a best-effort GOAWAY RESOURCE_EXHAUSTED (the socket's send
    /// buffer is empty, so it goes out at once), then close without lingering,
    /// so a flood of silent sockets frees descriptors as fast as it makes them.
    func evictBeforeHandshake() {
        queue.async {
            guard self.state == .awaitingPreface else { return }
            let goAway = GoAway(lastStreamId: 0, statusCode: .resourceExhausted, message: "handshake not finished; closed to make room")
            self.send(Frame(type: .goAway, streamId: 0, payload: goAway.serializedBytes()))
            self.closeNow(reason: "closed before its handshake to make room")
        }
    }

    /// Immediate stop: drop the connection and cancel its calls.
    func stop() {
        queue.async { self.closeNow(reason: "server stopped") }
    }
}
