public import SyncHealthStorage
public import SyncHealthWire

extension RelationalStore {
    /// See `RetryStore.completeRetryAttempt`. The outcome goes through the
    /// same item and sync statements as the engine's reports, so the item's
    /// status, the sync's counts and its derived status (5130 -> 2000 once
    /// every failed item went through) change together with the task and the
    /// job. A successful outcome is never queued again, nor is anything of a
    /// cancelled job.
    public func completeRetryAttempt(_ result: RetryAttemptResult, now: Int64) throws(RPCError) -> RetryCompletion {
        try guarded {
            try write { connection in
                try RetryCompletionStatement.complete(result, now: now, on: connection)
            }
        }
    }
}

enum RetryCompletionStatement {
    static func complete(_ result: RetryAttemptResult, now: Int64, on connection: any SQLConnection) throws -> RetryCompletion {
        let task = try connection.first("""
            SELECT t.state, t.lease_owner, t.attempt_number, t.idempotency_key, t.job_ref, t.sync_ref,
                   j.state, i.item_id, i.core_id, i.data_type, s.sync_id, coalesce(a.attempted_at, ?)
            FROM retry_tasks t
            JOIN retry_jobs j ON j.id = t.job_ref
            JOIN push_items i ON i.id = t.item_ref
            JOIN syncs s ON s.id = t.sync_ref
            LEFT JOIN push_attempts a ON a.item_ref = t.item_ref AND a.number = t.attempt_number
            WHERE t.id = ?
            """, [.integer(now), .integer(result.taskId)]) { row in
            (state: row.int64(0), owner: row.text(1), number: row.int64(2), key: row.text(3),
             jobRowID: row.int64(4), syncRowID: row.int64(5),
             jobState: RetryJobState(rawValue: Int32(truncatingIfNeeded: row.int64(6))),
             itemId: row.text(7), coreId: row.text(8), dataType: row.text(9), syncId: row.text(10),
             attemptedAt: row.int64(11))
        }
        guard let task, task.state == RetryTaskState.leased.rawValue, task.owner == result.leaseOwner,
              task.number == Int64(result.attemptNumber)
        else { return .leaseLost }

        let outcome = AttemptOutcome(result.response)
        let report = PushItemReport(
            itemId: task.itemId, coreId: task.coreId, dataType: task.dataType, status: outcome.status,
            errorMessage: outcome.errorMessage, attemptedAtMs: task.attemptedAt,
            targetRecordId: outcome.targetRecordId, retryable: outcome.retryable, idempotencyKey: task.key)
        _ = try PushItemStatement.apply(
            report, syncRowID: task.syncRowID, now: now,
            attribution: .resolving(attempt: task.number), on: connection)
        guard let sync = try SyncRecordStatement.fetch(connection, syncId: task.syncId) else {
            throw RPCError.internal("sync vanished while recording a retry")
        }
        try PushItemStatement.refreshSync(sync, now: now, on: connection)

        if let requeueAt = result.requeueAtMs, outcome.status != .success, task.jobState != .cancelled {
            try connection.run("""
                UPDATE retry_tasks SET state = ?, next_attempt_at = ?, lease_owner = '', lease_expires_at = 0
                WHERE id = ?
                """, [.integer(RetryTaskState.queued.rawValue), .integer(requeueAt), .integer(result.taskId)])
            return .recorded(jobState: task.jobState)
        }
        try connection.run("""
            UPDATE retry_tasks SET state = ?, outcome = ?, lease_owner = '', lease_expires_at = 0
            WHERE id = ?
            """, [.integer(RetryTaskState.done.rawValue), .int32(outcome.status.rawValue), .integer(result.taskId)])
        let succeeded: Int64 = outcome.status == .success ? 1 : 0
        try connection.run(
            "UPDATE retry_jobs SET succeeded = succeeded + ?, failed = failed + ?, pending = pending - 1 WHERE id = ?",
            [.integer(succeeded), .integer(1 - succeeded), .integer(task.jobRowID)])
        return .recorded(jobState: try RetryJobRow.finishIfDone(connection, rowID: task.jobRowID, now: now))
    }
}

extension AttemptAttribution {
    /// The outcome of the retry attempt `number`, already in the history as
    /// PENDING with its trigger, actor, job and reason.
    static func resolving(attempt number: Int64) -> AttemptAttribution {
        AttemptAttribution(trigger: .unspecified, actor: "", retryJobId: "", reason: "", resolvingAttempt: number)
    }
}

/// A connector's answer as an item status, bounded to what an item stores.
struct AttemptOutcome: Equatable {
    var status: PushItemStatus
    var errorMessage: String
    var targetRecordId: String
    var retryable: Bool

    init(_ response: PushResponse) {
        switch response.outcome {
        case .success:
            status = .success
            errorMessage = ""
            retryable = true
        case .failed:
            status = .failed
            errorMessage = response.errorMessage.isEmpty ? "The connector reported a failure without a message." : response.errorMessage
            retryable = response.retryable
        case .timedOut:
            status = .timedOut
            errorMessage = response.errorMessage.isEmpty ? "The push did not answer in time; it may have landed." : response.errorMessage
            retryable = true
        case .unspecified, .unrecognized:
            status = .failed
            errorMessage = "The connector answered with an unknown outcome (\(response.outcome.rawValue))."
            retryable = true
        }
        errorMessage = errorMessage.truncatedToUTF8(maxBytes: Limits.maxErrorMessageBytes)
        // A record id too long to store whole is dropped rather than cut: a
        // wrong id is worse than none.
        let recordId = status == .success ? response.targetRecordId : ""
        targetRecordId = recordId.utf8.count <= Limits.maxTargetRecordIdBytes ? recordId : ""
    }
}
