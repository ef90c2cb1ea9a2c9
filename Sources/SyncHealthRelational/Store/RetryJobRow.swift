import SyncHealthStorage
import SyncHealthWire

/// States of a `retry_tasks` row.
enum RetryTaskState: Int64, Sendable {
    /// Waiting for its next attempt (`next_attempt_at`).
    case queued = 1
    /// An attempt is in flight until `lease_expires_at`.
    case leased = 2
    /// Ended with `outcome` (the item's status after the last attempt).
    case done = 3
    /// Not retried, for `skip_reason`.
    case skipped = 4
    /// The job was cancelled before the task's next attempt.
    case cancelled = 5
}

/// Reading `retry_jobs` rows into `RetryJob` values.
enum RetryJobRow {
    /// The columns `decode` reads, in order.
    static let columns = """
        id, job_id, state, scope, requested_by, reason, created_at, started_at, finished_at, \
        idempotency_key, force, cancelled_by, total, succeeded, failed, pending, skipped
        """

    static func decode(_ row: any SQLRow) -> (rowID: Int64, job: RetryJob) {
        (row.int64(0), RetryJob(
            jobId: row.text(1),
            state: RetryJobState(rawValue: Int32(truncatingIfNeeded: row.int64(2))),
            // Written by this code from a validated scope; a blob that no
            // longer decodes is shown as no scope rather than failing the read.
            scope: try? RetryScope(serializedBytes: row.blob(3)),
            counts: RetryCounts(
                total: row.int64(12), succeeded: row.int64(13), failed: row.int64(14),
                pending: row.int64(15), skipped: row.int64(16)),
            requestedBy: row.text(4),
            reason: row.text(5),
            createdAtMs: row.int64(6),
            startedAtMs: row.int64(7),
            finishedAtMs: row.int64(8),
            idempotencyKey: row.text(9),
            force: row.int64(10) != 0,
            cancelledBy: row.text(11)))
    }

    static func fetch(_ connection: any SQLConnection, jobId: String) throws -> (rowID: Int64, job: RetryJob)? {
        try connection.first("SELECT \(columns) FROM retry_jobs WHERE job_id = ?", [.text(jobId)], decode)
    }

    static func fetch(_ connection: any SQLConnection, rowID: Int64) throws -> RetryJob? {
        try connection.first("SELECT \(columns) FROM retry_jobs WHERE id = ?", [.integer(rowID)]) { decode($0).job }
    }

    /// True for the states a job ends in.
    static func isFinal(_ state: RetryJobState) -> Bool {
        switch state {
        case .succeeded, .partiallyFailed, .failed, .cancelled: return true
        case .queued, .running, .unspecified, .unrecognized: return false
        }
    }

    /// The state of a job with nothing pending, from its outcomes.
    static func endState(succeeded: Int64, failed: Int64) -> RetryJobState {
        if failed == 0 { return .succeeded }
        if succeeded == 0 { return .failed }
        return .partiallyFailed
    }

    /// Ends the job `rowID` when nothing is pending and it has not ended yet.
    /// Returns the job's state afterwards.
    @discardableResult
    static func finishIfDone(_ connection: any SQLConnection, rowID: Int64, now: Int64) throws -> RetryJobState {
        guard let row = try connection.first(
            "SELECT state, pending, succeeded, failed FROM retry_jobs WHERE id = ?", [.integer(rowID)], { row in
                (state: RetryJobState(rawValue: Int32(truncatingIfNeeded: row.int64(0))),
                 pending: row.int64(1), succeeded: row.int64(2), failed: row.int64(3))
            })
        else { throw RPCError.internal("retry job vanished") }
        guard row.pending == 0, !isFinal(row.state) else { return row.state }
        let state = endState(succeeded: row.succeeded, failed: row.failed)
        try connection.run(
            "UPDATE retry_jobs SET state = ?, finished_at = ? WHERE id = ?",
            [.int32(state.rawValue), .integer(now), .integer(rowID)])
        try AlertOutbox.jobEnded(rowID, state: state, now: now, on: connection)
        return state
    }
}
