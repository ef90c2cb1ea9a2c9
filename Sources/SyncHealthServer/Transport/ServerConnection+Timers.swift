import Dispatch
import SyncHealthWire

extension ServerConnection {
    /// Points the one connection timer at the nearest deadline that applies
    /// in the current state.
    func rescheduleTimer() {
        dispatchPrecondition(condition: .onQueue(queue))
        let config = env.configuration
        var next: DispatchTime?
        func consider(_ time: DispatchTime?) {
            guard let time else { return }
            next = min(next ?? time, time)
        }
        switch state {
        case .awaitingPreface:
            consider(acceptedAt.adding(config.handshakeTimeout))
        case .open:
            consider(frameCompletionDeadline)
            consider(earliestCallDeadline)
            if calls.isEmpty { consider(lastActivity.adding(config.idleTimeout)) }
        case .draining:
            consider(frameCompletionDeadline)
            consider(earliestCallDeadline)
            consider(graceDeadline)
        case .closing:
            consider(lingerDeadline)
        case .closed:
            return
        }
        // Re-arming a Dispatch timer wakes libdispatch's timer thread, and
        // this runs for every frame and every answered call (profiled at
        // ~14% of server CPU under GetSync load). A timer that fires no later
        // than needed is left alone: an early fire is harmless, timerFired
        // re-checks every deadline and re-arms.
        let target = next ?? .distantFuture
        if let scheduled = scheduledTimerDeadline, scheduled <= target { return }
        scheduledTimerDeadline = target
        timer.schedule(deadline: target, leeway: .milliseconds(1))
    }

    /// The nearest deadline of an unanswered call.
    private var earliestCallDeadline: DispatchTime? {
        var earliest: DispatchTime?
        for call in calls.values {
            if let deadline = call.deadline, deadline < (earliest ?? .distantFuture) { earliest = deadline }
        }
        return earliest
    }

    /// When a partly received frame times out; nil while none is partial or
    /// while reading is paused (the wait is then ours, not the peer's).
    private var frameCompletionDeadline: DispatchTime? {
        guard !pausedForBackpressure else { return nil }
        return partialFrameSince?.adding(env.configuration.frameCompletionTimeout)
    }

    func timerFired() {
        dispatchPrecondition(condition: .onQueue(queue))
        scheduledTimerDeadline = nil
        let now = DispatchTime.now()
        let config = env.configuration
        let last = decoder.lastRequestStreamId
        if state == .open || state == .draining {
            let expired = calls.filter { $0.value.deadline.map { $0 <= now } ?? false }.keys.sorted()
            for streamId in expired { expire(streamId) }
        }
        switch state {
        case .awaitingPreface:
            if now >= acceptedAt.adding(config.handshakeTimeout) {
                let goAway = GoAway(lastStreamId: 0, statusCode: .deadlineExceeded, message: "handshake timeout")
                beginClosing(goAway: goAway, reason: "handshake timeout")
            }
        case .open, .draining:
            if let deadline = frameCompletionDeadline, now >= deadline {
                let goAway = GoAway(lastStreamId: last, statusCode: .deadlineExceeded, message: "frame not completed in time")
                beginClosing(goAway: goAway, reason: "frame-completion timeout")
            } else if state == .open, calls.isEmpty, now >= lastActivity.adding(config.idleTimeout) {
                let goAway = GoAway(lastStreamId: last, statusCode: .ok, message: "idle timeout")
                beginClosing(goAway: goAway, reason: "idle timeout")
            } else if state == .draining, let grace = graceDeadline, now >= grace {
                // Grace period over: answer what is left, then close.
                failAllCalls(RPCError(.unavailable, "server shutting down"), reason: .serverShutdown)
                beginClosing(goAway: nil, reason: "shutdown grace period ended")
            }
        case .closing:
            if let linger = lingerDeadline, now >= linger {
                closeNow(reason: closeReason)
            }
        case .closed:
            return
        }
        rescheduleTimer()
    }
}
