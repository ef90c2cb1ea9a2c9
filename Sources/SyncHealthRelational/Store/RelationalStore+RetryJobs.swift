import SyncHealthStorage
public import SyncHealthWire

// SQLiteSyncStore conforms to RetryStore through ServiceStore (SQLiteSyncStore.swift).

extension RelationalStore {
    /// See `RetryStore.retryFailedItems`.
    ///
    /// The scope is resolved once, when the job is created: the job's tasks
    /// are the items the scope covered then (a filter is not re-run). A scope
    /// that covers nothing makes a job with total 0 that has already
    /// SUCCEEDED. Validation happens before the idempotency key is looked
    /// up, so a bad request is INVALID_ARGUMENT whatever its key.
    public func retryFailedItems(_ request: RetryFailedItemsRequest, requestedBy: String, now: Int64) throws(RPCError) -> RetryFailedItemsResponse {
        let input = try RetryRequestValidation.validate(request)
        if input.dryRun {
            return RetryFailedItemsResponse(preview: try preview(input))
        }
        let requester = requestedBy.isEmpty ? "anonymous" : requestedBy
        try FieldRules.length(requester, "requester identity", maxBytes: Limits.maxIdBytes * 2)
        let fingerprint = input.fingerprint(requestedBy: requester)
        return try guarded {
            try write { connection in
                try RetryJobStatement.create(input, requestedBy: requester, fingerprint: fingerprint, now: now, on: connection)
            }
        }
    }

    /// See `RetryStore.previewRetry`.
    public func previewRetry(_ request: RetryFailedItemsRequest) throws(RPCError) -> RetryPreview {
        try preview(try RetryRequestValidation.validate(request))
    }

    private func preview(_ input: RetryRequestInput) throws(RPCError) -> RetryPreview {
        try guarded {
            try read { connection in
                let items = try RetryScopeStatement.items(input.scope, on: connection)
                return RetryPreviewBuilder.build(RetryClassifier.classify(items, force: input.force))
            }
        }
    }

    /// See `RetryStore.getRetryJob`.
    public func getRetryJob(jobId: String) throws(RPCError) -> RetryJob {
        try FieldRules.identifier(jobId, "job_id")
        return try guarded {
            try read { connection in
                guard let (_, job) = try RetryJobRow.fetch(connection, jobId: jobId) else {
                    throw RPCError.notFound("retry job not found")
                }
                return job
            }
        }
    }

    /// See `RetryStore.cancelRetryJob`. Attempts already leased are not
    /// interrupted: they finish, are recorded, and are not tried again.
    public func cancelRetryJob(jobId: String, cancelledBy: String, reason: String, now: Int64) throws(RPCError) -> RetryJob {
        try FieldRules.identifier(jobId, "job_id")
        try RetryRequestValidation.cancelReason(reason)
        let canceller = cancelledBy.isEmpty ? "anonymous" : cancelledBy
        return try guarded {
            try write { connection in
                guard let (rowID, job) = try RetryJobRow.fetch(connection, jobId: jobId) else {
                    throw RPCError.notFound("retry job not found")
                }
                guard !RetryJobRow.isFinal(job.state) else {
                    throw RPCError.failedPrecondition("the retry job has already ended; only queued or running jobs can be cancelled")
                }
                let cancelled = Int64(try connection.run(
                    "UPDATE retry_tasks SET state = ? WHERE job_ref = ? AND state = ?",
                    [.integer(RetryTaskState.cancelled.rawValue), .integer(rowID), .integer(RetryTaskState.queued.rawValue)]))
                try connection.run("""
                    UPDATE retry_jobs SET state = ?, finished_at = ?, cancelled_by = ?, cancel_reason = ?,
                        pending = pending - ?
                    WHERE id = ?
                    """, [
                        .int32(RetryJobState.cancelled.rawValue), .integer(now), .text(canceller), .text(reason),
                        .integer(cancelled), .integer(rowID),
                    ])
                guard let updated = try RetryJobRow.fetch(connection, rowID: rowID) else {
                    throw RPCError.internal("retry job vanished while being cancelled")
                }
                return updated
            }
        }
    }
}

/// Statements that create jobs and read their tasks back.
enum RetryJobStatement {
    static func create(
        _ input: RetryRequestInput, requestedBy: String, fingerprint: [UInt8], now: Int64, on connection: any SQLConnection
    ) throws -> RetryFailedItemsResponse {
        if let existing = try connection.first(
            "SELECT id, request_fingerprint FROM retry_jobs WHERE idempotency_key = ?",
            [.text(input.idempotencyKey)], { (rowID: $0.int64(0), fingerprint: $0.blob(1)) })
        {
            guard existing.fingerprint == fingerprint else {
                throw RPCError(.alreadyExists, "idempotency_key was already used for a different retry request")
            }
            guard let job = try RetryJobRow.fetch(connection, rowID: existing.rowID) else {
                throw RPCError.internal("retry job vanished")
            }
            let items = try classifiedItems(jobRowID: existing.rowID, on: connection)
            return RetryFailedItemsResponse(job: job, preview: RetryPreviewBuilder.build(items), existing: true)
        }
        let items = RetryClassifier.classify(try RetryScopeStatement.items(input.scope, on: connection), force: input.force)
        let retried = Int64(items.count(where: { $0.skipReason == nil }))
        let skipped = Int64(items.count) - retried
        let state: RetryJobState = retried == 0 ? .succeeded : .queued
        let jobRowID = try connection.insertReturningID("""
            INSERT INTO retry_jobs (
                job_id, state, scope, requested_by, reason, idempotency_key, request_fingerprint, force,
                created_at, finished_at, total, pending, skipped)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            RETURNING id
            """, [
                .text(RetryIdentifiers.jobId()), .int32(state.rawValue), .blob(input.recordedScope.serializedBytes()),
                .text(requestedBy), .text(input.reason), .text(input.idempotencyKey), .blob(fingerprint),
                .bool(input.force), .integer(now), .integer(retried == 0 ? now : 0),
                .integer(retried), .integer(retried), .integer(skipped),
            ])
        for entry in items {
            let taskState: RetryTaskState = entry.skipReason == nil ? .queued : .skipped
            try connection.run("""
                INSERT INTO retry_tasks (
                    job_ref, sync_ref, item_ref, target_platform, state, skip_reason, item_status, next_attempt_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, [
                    .integer(jobRowID), .integer(entry.item.syncRowID), .integer(entry.item.itemRowID),
                    .text(entry.item.targetPlatform), .integer(taskState.rawValue),
                    .int32(entry.skipReason?.rawValue ?? 0), .int32(entry.item.itemStatus.rawValue), .integer(now),
                ])
        }
        guard let job = try RetryJobRow.fetch(connection, rowID: jobRowID) else {
            throw RPCError.internal("retry job vanished while being created")
        }
        return RetryFailedItemsResponse(job: job, preview: RetryPreviewBuilder.build(items), existing: false)
    }

    /// A job's items with their verdicts, in the order the job recorded them.
    static func classifiedItems(jobRowID: Int64, on connection: any SQLConnection) throws -> [ClassifiedItem] {
        try connection.all("""
            SELECT s.id, s.sync_id, s.status_code, t.target_platform, i.id, i.item_id, i.core_id, i.data_type,
                   t.item_status, i.retryable, t.state, t.skip_reason
            FROM retry_tasks t
            JOIN push_items i ON i.id = t.item_ref
            JOIN syncs s ON s.id = t.sync_ref
            WHERE t.job_ref = ? ORDER BY t.id
            """, [.integer(jobRowID)]) { row in
            let item = ScopeItem(
                syncRowID: row.int64(0), syncId: row.text(1),
                syncStatus: SyncStatusCode(rawValue: Int32(truncatingIfNeeded: row.int64(2))), targetPlatform: row.text(3),
                itemRowID: row.int64(4), itemId: row.text(5), coreId: row.text(6), dataType: row.text(7),
                itemStatus: PushItemStatus(rawValue: Int32(truncatingIfNeeded: row.int64(8))),
                retryable: row.int64(9) != 0, activeInAnotherJob: false)
            let skipped = row.int64(10) == RetryTaskState.skipped.rawValue
            return ClassifiedItem(item: item, skipReason: skipped ? SkipReason(rawValue: Int32(truncatingIfNeeded: row.int64(11))) : nil)
        }
    }
}
