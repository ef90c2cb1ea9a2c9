import SyncHealthConcurrency
import Dispatch
public import SyncHealthWire

extension SyncHealthConnection {
    /// Calls `method` with a typed request and decodes the typed response.
    /// - Parameters:
    ///   - timeout: the call's deadline, sent as timeout_ms and enforced by a
    ///     client-side timer too; nil for none.
    ///   - metadata: call metadata (keys are lower-cased), e.g. `authorization`.
    /// - Throws: `RPCError`: INVALID_ARGUMENT, before anything is sent, when a
    ///   string in the request, method or metadata holds U+0000 (the wire
    ///   cannot carry it); the server's status, DEADLINE_EXCEEDED, CANCELLED
    ///   when the Task is cancelled (a CANCEL is sent), UNAVAILABLE when the
    ///   connection fails or the server refused the call with GOAWAY.
    public func call<Req: WireMessage, Res: WireMessage>(
        _ method: String, _ request: Req, timeout: Duration? = nil, metadata: [String: String] = [:]
    ) async throws -> Res {
        let bytes = try await callRaw(method, try request.encodedForCall(), timeout: timeout, metadata: metadata)
        do {
            return try Res(serializedBytes: bytes)
        } catch {
            throw RPCError(.internal, "response message does not decode as \(Res.self)")
        }
    }

    /// Calls `method` with an encoded request; returns the encoded response.
    /// Errors as for `call(_:_:timeout:metadata:)`.
    public func callRaw(
        _ method: String, _ request: [UInt8], timeout: Duration? = nil, metadata: [String: String] = [:]
    ) async throws -> [UInt8] {
        if let timeout, timeout <= .zero { throw RPCError(.deadlineExceeded, "deadline exceeded before the call started") }
        // Encoded once outside the lock; the stream id is patched in under it.
        let encoded = try CallFrames.request(
            streamId: 1, method: method, message: request, timeoutMs: timeout?.timeoutMilliseconds ?? 0,
            metadata: metadata, maxFrameSize: settings.maxFrameSize)
        let key = state.withLock { state in
            defer { state.nextKey += 1 }
            state.liveKeys.insert(state.nextKey)
            return state.nextKey
        }
        let response = try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Frame, any Error>) in
                start(key: key, encoded: encoded, timeout: timeout, continuation: continuation)
            }
        } onCancel: {
            abandon(key: key, with: RPCError(.cancelled, "call cancelled"))
        }
        return try Self.responseMessage(response)
    }

    private func start(
        key: UInt64, encoded: [UInt8], timeout: Duration?, continuation: CheckedContinuation<Frame, any Error>
    ) {
        let deadline = timeout.map { ContinuousClock.now + $0 }
        let rejection = state.withLock { state -> RPCError? in
            if state.cancelledKeys.remove(key) != nil {
                state.liveKeys.remove(key)
                return RPCError(.cancelled, "call cancelled")
            }
            switch state.phase {
            case let .closed(error):
                state.liveKeys.remove(key)
                return error
            case .goingAway:
                state.liveKeys.remove(key)
                return RPCError(.unavailable, "not processed: connection is going away", notProcessed: true)
            case .ready:
                break
            }
            guard state.nextStreamId < UInt32.max else {
                state.liveKeys.remove(key)
                state.phase = .goingAway(lastStreamId: state.nextStreamId - 1)
                return RPCError(.unavailable, "not processed: stream ids exhausted on this connection", notProcessed: true)
            }
            let streamId = state.nextStreamId
            state.nextStreamId += 1
            state.pending[streamId] = PendingCall(continuation: continuation, key: key, deadline: deadline)
            state.streamByKey[key] = streamId
            var bytes = encoded
            withUnsafeBytes(of: streamId.bigEndian) { bytes.replaceSubrange(8..<12, with: $0) }
            enqueueWrite(bytes)  // under the lock: ids reach the wire in order
            return nil
        }
        if let rejection {
            continuation.resume(throwing: rejection)
            closeIfDrained()
            return
        }
        if let deadline { scheduleSweep(before: deadline) }
    }

    /// Makes sure a deadline sweep runs by `deadline`. Calls share sweeps:
    /// a timer per call (the previous design) woke libdispatch's timer thread
    /// on every call and, never cancelled, kept one pending timer per call
    /// for the whole timeout (300,000 at 5,000 calls/s and 60 s), seen in the
    /// benchmark's client profile. With calls of similar timeouts a new
    /// call's deadline is later than the sweep already scheduled, so nothing
    /// is armed.
    private func scheduleSweep(before deadline: ContinuousClock.Instant) {
        let arm = state.withLock { state -> Bool in
            if let scheduled = state.sweepAt, scheduled <= deadline { return false }
            state.sweepAt = deadline
            return true
        }
        if arm { armSweep(at: deadline) }
    }

    private func armSweep(at time: ContinuousClock.Instant) {
        let delay = max(.zero, time - ContinuousClock.now)
        DeadlineTimers.after(delay) { [weak self] in
            self?.sweepDeadlines(scheduledAt: time)
        }
    }

    /// Fails every call past its deadline, then arms the next sweep. A sweep
    /// superseded by a sooner one still expires calls but arms nothing, so
    /// sweeps never multiply.
    private func sweepDeadlines(scheduledAt time: ContinuousClock.Instant) {
        let now = ContinuousClock.now
        let (expired, next) = state.withLock { state -> ([UInt64], ContinuousClock.Instant?) in
            let current = state.sweepAt == time
            if current { state.sweepAt = nil }
            var expired: [UInt64] = []
            var earliest: ContinuousClock.Instant?
            for call in state.pending.values {
                guard let deadline = call.deadline else { continue }
                if deadline <= now {
                    expired.append(call.key)
                } else if deadline < (earliest ?? deadline + .seconds(1)) {
                    earliest = deadline
                }
            }
            guard current, let earliest, state.sweepAt.map({ earliest < $0 }) ?? true else { return (expired, nil) }
            state.sweepAt = earliest
            return (expired, earliest)
        }
        for key in expired.sorted() { abandon(key: key, with: RPCError(.deadlineExceeded, "deadline exceeded")) }
        if let next { armSweep(at: next) }
    }

    /// Ends a call early (deadline or Task cancellation): it fails with
    /// `error` and the server gets a CANCEL. A call that has not started yet
    /// fails as soon as it tries; one already answered is left alone.
    private func abandon(key: UInt64, with error: RPCError) {
        let call = state.withLock { state -> PendingCall? in
            guard let streamId = state.streamByKey[key] else {
                if state.liveKeys.contains(key) { state.cancelledKeys.insert(key) }
                return nil
            }
            let call = state.takeCall(streamId)
            enqueueWrite(FrameEncoder.encode(Frame(type: .cancel, streamId: streamId)))
            return call
        }
        call?.continuation.resume(throwing: error)
        closeIfDrained()
    }

    /// The message of an OK RESPONSE, or its status as an `RPCError`.
    static func responseMessage(_ frame: Frame) throws(RPCError) -> [UInt8] {
        try CallFrames.responseMessage(frame)
    }

    /// Sends a PING and waits for its PONG.
    /// - Returns: the round-trip time.
    /// - Throws: `RPCError` DEADLINE_EXCEEDED after `timeout`, UNAVAILABLE when the connection is gone.
    public func ping(timeout: Duration = .seconds(5)) async throws -> Duration {
        let started = ContinuousClock.now
        let id = state.withLock { state in
            defer { state.nextPingId += 1 }
            return state.nextPingId
        }
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            let rejection = state.withLock { state -> RPCError? in
                if case let .closed(error) = state.phase { return error }
                state.pings[id] = continuation
                enqueueWrite(FrameEncoder.encode(Frame(type: .ping, streamId: 0, payload: withUnsafeBytes(of: id.bigEndian) { Array($0) })))
                return nil
            }
            if let rejection { return continuation.resume(throwing: rejection) }
            DeadlineTimers.after(timeout) { [weak self] in
                let waiter = self?.state.withLock { $0.pings.removeValue(forKey: id) }
                waiter?.resume(throwing: RPCError(.deadlineExceeded, "no PONG in time"))
            }
        }
        return ContinuousClock.now - started
    }
}
