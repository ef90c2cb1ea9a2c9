import Dispatch
import SyncHealthStorage
import SyncHealthWire

extension RetryExecutor {
    /// What one dispatcher round found.
    enum Round: Equatable {
        /// Attempts were handed to workers; look again at once.
        case dispatched
        /// Nothing to do for now; sleep at most this long (or until woken).
        case sleep(ms: Int64)
        /// Nothing queued, nothing leased, nothing in flight.
        case idle
    }

    /// The dispatcher: rounds until stopped (or, inline, until idle).
    func dispatchLoop(untilIdle: Bool) {
        while state.withLock({ $0.lifecycle != .stopping && $0.lifecycle != .stopped }) {
            switch round() {
            case .dispatched:
                continue
            case .idle where untilIdle:
                return
            case .idle:
                _ = wakeup.wait(timeout: .now() + .milliseconds(Int(configuration.pollIntervalMs)))
            case .sleep(let ms):
                _ = wakeup.wait(timeout: .now() + .milliseconds(Int(max(ms, 1))))
            }
        }
    }

    /// Leases what the free workers, the platform limits and the rate limit
    /// allow, and hands each attempt to a worker.
    func round() -> Round {
        let poll = configuration.pollIntervalMs
        let now = configuration.clock()
        // How many may start: free workers, then the tokens a trial copy of
        // the bucket would grant (taken for real only for what is leased).
        let (free, inFlight, granted, rateWaitMs) = state.withLock { state in
            let free = state.freeWorkers.count
            guard var trial = state.bucket else { return (free, state.inFlight, free, Int64(0)) }
            var granted = 0
            var wait: Int64 = 0
            while granted < free {
                let next = trial.take(nowMs: now)
                if next > 0 { wait = next; break }
                granted += 1
            }
            return (free, state.inFlight, granted, wait)
        }
        // A finishing push wakes the dispatcher.
        guard free > 0 else { return .sleep(ms: poll) }
        // Stopping (SIGTERM) leases nothing more; checked again just before
        // leasing to keep the window between the signal and the last lease small.
        guard state.withLock({ $0.lifecycle != .stopping && $0.lifecycle != .stopped }) else { return .sleep(ms: poll) }
        guard granted > 0 else { return .sleep(ms: min(max(rateWaitMs, 1), poll)) }

        let leases: [RetryLease]
        do {
            leases = try store.leaseRetryAttempts(RetryLeaseRequest(
                owner: configuration.owner, now: now, leaseDurationMs: configuration.leaseDurationMs,
                limit: granted, perPlatformLimit: configuration.perPlatformConcurrency, inFlight: inFlight))
        } catch {
            configuration.metrics?.leasingFailed()
            configuration.onEvent(.leasingFailed(RPCErrorSummary(error)))
            return .sleep(ms: poll)
        }
        if !leases.isEmpty {
            dispatch(leases, now: now)
            return .dispatched
        }
        let busy = free < configuration.workerCount
        guard let backlog = try? store.retryBacklog(now: now) else { return .sleep(ms: poll) }
        if backlog.isEmpty && !busy { return .idle }
        // Sleep until the next task falls due; one due now but not leasable
        // (its platform is at its limit) waits for a push to finish.
        guard let due = backlog.nextDueAtMs, due > now else { return .sleep(ms: poll) }
        return .sleep(ms: min(due - now, poll))
    }

    private func dispatch(_ leases: [RetryLease], now: Int64) {
        let assigned = state.withLock { state -> [(Int, RetryLease)] in
            leases.map { lease in
                _ = state.bucket?.take(nowMs: now)
                state.inFlight[lease.targetPlatform, default: 0] += 1
                // The store never leases more than `granted` <= free workers.
                let worker = state.freeWorkers.removeLast()
                return (worker, lease)
            }
        }
        for (worker, lease) in assigned {
            pushes.enter()
            workers[worker].async {
                self.execute(lease)
                self.state.withLock { state in
                    state.inFlight[lease.targetPlatform, default: 1] -= 1
                    state.freeWorkers.append(worker)
                }
                self.pushes.leave()
                self.wakeup.signal()
            }
        }
    }

    /// One attempt: push, decide, record.
    func execute(_ lease: RetryLease) {
        let summary = RetryLeaseSummary(lease)
        let connector = connectors.connector(for: lease.targetPlatform)
        let metrics = configuration.metrics
        metrics?.pushStarted()
        let pushStarted = ContinuousClock.now
        let pushed = connector?.push(lease.request, timeoutMs: configuration.pushTimeoutMs)
        let response = pushed
            ?? PushResponse(
                outcome: .failed,
                errorMessage: "No connector is configured for target platform '\(lease.targetPlatform)'.",
                retryable: true)
        let now = configuration.clock()
        // Without a connector there is nothing to back off for.
        let requeueAt = connector == nil ? nil : RetryDecision.requeueAt(
            after: response, attemptsMade: lease.attemptsMade, policy: configuration.backoff, now: now,
            random: configuration.random)
        metrics?.pushFinished(platform: lease.targetPlatform, outcome: response.outcome, took: ContinuousClock.now - pushStarted)
        if let requeueAt { metrics?.requeued(afterMs: requeueAt - now) }
        let result = RetryAttemptResult(lease: lease, response: response, requeueAtMs: requeueAt)
        // A busy database is worth a few quick tries; after that the lease
        // expires and the attempt is delivered again under the same key.
        var lastError: RPCError?
        for attempt in 0..<3 {
            if attempt > 0 { _ = DispatchSemaphore(value: 0).wait(timeout: .now() + .milliseconds(50 * attempt)) }
            do {
                switch try store.completeRetryAttempt(result, now: now) {
                case .recorded:
                    configuration.onEvent(.attemptRecorded(summary, response, requeueAtMs: requeueAt))
                case .leaseLost:
                    configuration.onEvent(.leaseLost(summary))
                }
                return
            } catch {
                lastError = error
                guard error.code == .unavailable else { break }
            }
        }
        if let lastError {
            metrics?.recordingFailed()
            configuration.onEvent(.recordingFailed(summary, RPCErrorSummary(lastError)))
        }
    }
}

extension RetryLeaseSummary {
    init(_ lease: RetryLease) {
        self.init(
            jobId: lease.jobId, syncId: lease.request.syncId, itemId: lease.request.itemId,
            targetPlatform: lease.targetPlatform, attemptNumber: lease.request.attemptNumber,
            attemptsMade: lease.attemptsMade, isRedelivery: lease.isRedelivery)
    }
}

extension RPCErrorSummary {
    init(_ error: RPCError) {
        self.init(code: error.code.name, message: error.message)
    }
}
