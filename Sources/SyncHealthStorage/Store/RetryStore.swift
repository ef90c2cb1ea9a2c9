public import SyncHealthWire

/// Storage of retry jobs and their durable task queue: what the Retry service
/// handlers and the retry executor share.
///
/// Like `SyncStore`, methods are synchronous and may block (call them from a
/// Dispatch queue, not the cooperative pool), and every error is an
/// `RPCError` whose code is the one the RPC should answer with. Messages
/// never contain SQL, arguments or idempotency keys.
///
/// Exactly-once intent: `leaseRetryAttempts` writes the PENDING attempt row
/// with its idempotency key in the same transaction that leases the task,
/// before any connector is called. Whoever delivers that attempt, however
/// often (after a crash, an expired lease is taken again), uses the same key.
public protocol RetryStore: Sendable {
    /// Creates a retry job for `request` (or, with `dry_run`, only previews
    /// it). Idempotent by `idempotency_key`: the same key with the same
    /// request answers the existing job with `existing = true`; the same key
    /// with a different request is ALREADY_EXISTS.
    /// - Parameters:
    ///   - requestedBy: the caller's identity, recorded on the job and on
    ///     every attempt it makes.
    ///   - now: the current time, ms since the epoch.
    func retryFailedItems(_ request: RetryFailedItemsRequest, requestedBy: String, now: Int64) throws(RPCError) -> RetryFailedItemsResponse

    /// What `request` would retry and skip, and why. Writes nothing.
    func previewRetry(_ request: RetryFailedItemsRequest) throws(RPCError) -> RetryPreview

    /// One job. NOT_FOUND when there is none with `jobId`.
    func getRetryJob(jobId: String) throws(RPCError) -> RetryJob

    /// Jobs, newest first, with keyset pagination.
    func listRetryJobs(_ request: ListRetryJobsRequest) throws(RPCError) -> ListRetryJobsResponse

    /// Cancels a queued or running job: its queued tasks are cancelled,
    /// attempts already in flight finish and are recorded. NOT_FOUND for an
    /// unknown job, FAILED_PRECONDITION for a job that has already ended.
    func cancelRetryJob(jobId: String, cancelledBy: String, reason: String, now: Int64) throws(RPCError) -> RetryJob

    /// Leases up to `request.limit` due attempts: queued tasks whose
    /// `next_attempt_at` has come, and leased tasks whose lease has expired
    /// (taken again with the same attempt and key).
    func leaseRetryAttempts(_ request: RetryLeaseRequest) throws(RPCError) -> [RetryLease]

    /// Records the outcome of a leased attempt, in one transaction: the
    /// attempt, the item, the sync's counts and derived status, the task
    /// (done, or queued again at `requeueAtMs`) and the job's counts and
    /// state. `.leaseLost` (and nothing written) when the lease is no longer
    /// the caller's.
    func completeRetryAttempt(_ result: RetryAttemptResult, now: Int64) throws(RPCError) -> RetryCompletion

    /// How much work the queue holds; the executor uses it to sleep until
    /// the next due task and to tell when it is idle.
    func retryBacklog(now: Int64) throws(RPCError) -> RetryBacklog
}
