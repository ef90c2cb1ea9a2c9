import Dispatch
import Logging
import SyncHealthWire

/// A call that has not been answered yet.
struct ActiveCall {
    let context: CallContext
    let startedAt: ContinuousClock.Instant
    /// When the call expires; the connection's one timer watches it (see
    /// `rescheduleTimer`), so a call arms no timer of its own.
    let deadline: DispatchTime?
}

extension ServerConnection {
    func handleRequest(_ frame: Frame) throws(FrameError) {
        let (headerBytes, message) = try frame.splitHeaderAndMessage()
        let streamId = frame.streamId
        let startedAt = ContinuousClock.now
        let header: RequestHeader
        do {
            header = try RequestHeader(serializedBytes: Array(headerBytes))
        } catch {
            answer(streamId, method: "(undecodable)", .failure(.invalidArgument("request header does not decode")),
                   startedAt: startedAt, context: nil, requestId: RequestId.generate())
            return
        }
        let method = header.method
        let requestId = RequestId.resolve(RequestId.sent(in: header))
        // Both refusals run nothing, so they carry the not-processed trailer.
        guard state == .open else {
            let error = RPCError(.unavailable, "server is not taking new calls", notProcessed: true)
            answer(streamId, method: method, .failure(error), startedAt: startedAt, context: nil, requestId: requestId)
            return
        }
        guard calls.count < env.configuration.maxConcurrentStreams else {
            let limit = env.configuration.maxConcurrentStreams
            let error = RPCError(.resourceExhausted, "more than \(limit) concurrent calls", notProcessed: true)
            answer(streamId, method: method, .failure(error), startedAt: startedAt, context: nil, requestId: requestId)
            return
        }
        guard let handler = env.router.handler(for: method) else {
            answer(streamId, method: method, .failure(RPCError(.unimplemented, "unknown method")),
                   startedAt: startedAt, context: nil, requestId: requestId)
            return
        }

        let context = CallContext(header: header, peer: peer, streamId: streamId, startedAt: startedAt, requestId: requestId)
        let timeout = Duration.milliseconds(Int64(header.timeoutMs))
        // processInbound reschedules the connection timer after this frame.
        calls[streamId] = ActiveCall(
            context: context, startedAt: startedAt,
            deadline: header.timeoutMs > 0 ? DispatchTime.now().adding(timeout) : nil)

        let request = Array(message)
        let metrics = env.configuration.metrics
        metrics?.handlerStarted()
        env.runHandler { [weak self] in
            let outcome = CallOutcome.run(handler, request: request, context: context)
            metrics?.handlerFinished()
            guard let connection = self else { return }  // closed and gone: nobody to answer
            connection.queue.async { connection.complete(streamId, context: context, outcome: outcome) }
        }
    }

    /// The handler returned; answer unless a deadline, CANCEL or shutdown already did.
    private func complete(_ streamId: UInt32, context: CallContext, outcome: CallOutcome) {
        dispatchPrecondition(condition: .onQueue(queue))
        guard let call = calls[streamId], call.context === context else {
            return  // already answered; the late result is dropped
        }
        calls[streamId] = nil
        answer(streamId, method: context.method, outcome.handlerRan, startedAt: call.startedAt, context: context)
        callRemoved()
    }

    /// The call's deadline passed (seen by `timerFired`): answer DEADLINE_EXCEEDED.
    func expire(_ streamId: UInt32) {
        dispatchPrecondition(condition: .onQueue(queue))
        guard state != .closed, let call = calls.removeValue(forKey: streamId) else { return }
        call.context.cancel(.deadlineExceeded)
        answer(streamId, method: call.context.method, .failure(RPCError(.deadlineExceeded, "deadline exceeded")),
               startedAt: call.startedAt, context: call.context)
        callRemoved()
    }

    /// CANCEL: stop the call and answer CANCELLED once; unknown or finished streams are ignored.
    func handleCancel(streamId: UInt32) {
        guard let call = calls.removeValue(forKey: streamId) else { return }
        call.context.cancel(.cancelledByClient)
        answer(streamId, method: call.context.method, .failure(RPCError(.cancelled, "cancelled by client")),
               startedAt: call.startedAt, context: call.context)
        callRemoved()
    }

    /// Answers every unanswered call with `error` (shutdown grace period over).
    func failAllCalls(_ error: RPCError, reason: CallContext.CancellationReason) {
        let pending = calls
        calls.removeAll()
        for (streamId, call) in pending.sorted(by: { $0.key < $1.key }) {
            call.context.cancel(reason)
            answer(streamId, method: call.context.method, .failure(error), startedAt: call.startedAt, context: call.context)
        }
    }

    /// The connection is going away: cancel every call without answering.
    func cancelAllCalls(reason: CallContext.CancellationReason) {
        let pending = calls
        calls.removeAll()
        for (streamId, call) in pending.sorted(by: { $0.key < $1.key }) {
            call.context.cancel(reason)
            logCall(streamId, method: call.context.method, status: .cancelled, startedAt: call.startedAt,
                    context: call.context, requestId: call.context.requestId, note: "connection closed")
        }
    }

    private func callRemoved() {
        lastActivity = .now()
        if state == .draining, calls.isEmpty {
            beginClosing(goAway: nil, reason: "drained")
        } else if state != .closed {
            rescheduleTimer()
        }
    }
}

extension CallOutcome {
    /// This outcome with any not-processed mark dropped: the handler ran, so
    /// an error it threw (perhaps forwarded from a call it made) must not
    /// tell our client that resending is safe.
    var handlerRan: CallOutcome {
        guard case .failure(var error, let cause) = self, error.notProcessed else { return self }
        error.notProcessed = false
        return .failure(error, cause: cause)
    }
}
