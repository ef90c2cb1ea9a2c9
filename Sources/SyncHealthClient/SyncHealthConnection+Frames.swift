import SyncHealthWire

extension SyncHealthConnection {
    /// Acts on one frame from the server (reader thread).
    func handle(_ frame: Frame) {
        switch frame.type {
        case .response:
            let call = state.withLock { $0.takeCall(frame.streamId) }
            // nil: the call already ended (client deadline or cancellation).
            call?.continuation.resume(returning: frame)
            closeIfDrained()
        case .ping:
            state.withLock { _ in enqueueWrite(FrameEncoder.encode(Frame(type: .pong, streamId: 0, payload: frame.payload))) }
        case .pong:
            let id = frame.payload.reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
            let waiter = state.withLock { $0.pings.removeValue(forKey: id) }
            waiter?.resume()
        case .goAway:
            handleGoAway(frame.payload)
        case .settings:
            break  // only the first SETTINGS matters; later ones are ignored in v1
        case .request, .cancel:
            break  // the client-role decoder rejects these before they get here
        }
    }

    /// GOAWAY: calls above last_stream_id were not processed and fail
    /// UNAVAILABLE (safe to retry); the rest may still be answered.
    private func handleGoAway(_ payload: [UInt8]) {
        let goAway = (try? GoAway(serializedBytes: payload)) ?? GoAway(lastStreamId: 0, statusCode: .internal, message: "malformed GOAWAY")
        let error = RPCError(
            .unavailable, "not processed: server sent GOAWAY (\(goAway.statusCode.name): \(goAway.message))", notProcessed: true)
        let refused = state.withLock { state -> [PendingCall] in
            if case .closed = state.phase { return [] }
            state.phase = .goingAway(lastStreamId: goAway.lastStreamId)
            let above = state.pending.keys.filter { $0 > goAway.lastStreamId }.sorted()
            return above.compactMap { state.takeCall($0) }
        }
        for call in refused { call.continuation.resume(throwing: error) }
        closeIfDrained()
    }
}
