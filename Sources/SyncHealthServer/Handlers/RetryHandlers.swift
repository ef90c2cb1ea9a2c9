public import SyncHealthStorage
import SyncHealthWire

/// Registers the Retry service: thin calls into a `RetryStore`. The caller's
/// identity (`CallContext.callerIdentity`, set by authentication; "anonymous"
/// without it) is recorded as the requester of jobs and of cancellations.
public enum RetryHandlers {
    /// The identity recorded when the call carries none.
    public static let anonymous = "anonymous"

    /// Registers RetryFailedItems, GetRetryJob, ListRetryJobs and CancelRetryJob.
    /// - Parameters:
    ///   - store: where jobs and their queue live.
    ///   - now: the clock, ms since the epoch.
    ///   - jobCreated: called after a new job was stored (not on a replay or a
    ///     dry run), e.g. to wake the retry executor.
    public static func register(
        on router: Router, store: any RetryStore, now: @escaping @Sendable () -> Int64 = currentTimeMs,
        jobCreated: @escaping @Sendable () -> Void = {}
    ) {
        router.register(Methods.Retry.retryFailedItems) { (request: RetryFailedItemsRequest, context) in
            try context.checkCancellation()
            let response = try store.retryFailedItems(request, requestedBy: requester(context), now: now())
            if response.job != nil && !response.existing { jobCreated() }
            return response
        }
        router.register(Methods.Retry.getRetryJob) { (request: GetRetryJobRequest, context) in
            try context.checkCancellation()
            return GetRetryJobResponse(job: try store.getRetryJob(jobId: request.jobId))
        }
        router.register(Methods.Retry.listRetryJobs) { (request: ListRetryJobsRequest, context) in
            try context.checkCancellation()
            return try store.listRetryJobs(request)
        }
        router.register(Methods.Retry.cancelRetryJob) { (request: CancelRetryJobRequest, context) in
            try context.checkCancellation()
            return CancelRetryJobResponse(job: try store.cancelRetryJob(
                jobId: request.jobId, cancelledBy: requester(context), reason: request.reason, now: now()))
        }
    }

    private static func requester(_ context: CallContext) -> String {
        context.callerIdentity ?? anonymous
    }
}
