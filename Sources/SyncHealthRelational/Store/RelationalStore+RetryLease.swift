public import SyncHealthStorage
public import SyncHealthWire

extension RelationalStore {
    /// See `RetryStore.leaseRetryAttempts`.
    ///
    /// Expired leases are taken first (recovering a crashed or stalled
    /// worker's attempt, with the same attempt number and key), then queued
    /// tasks, earliest due first, at most each platform's free capacity, so a
    /// platform with a long backlog cannot take every worker.
    public func leaseRetryAttempts(_ request: RetryLeaseRequest) throws(RPCError) -> [RetryLease] {
        precondition(!request.owner.isEmpty, "a lease needs an owner")
        guard request.limit > 0 else { return [] }
        return try guarded {
            try write { connection in
                try RetryLeaseStatement.lease(request, on: connection)
            }
        }
    }

    /// See `RetryStore.retryBacklog`.
    public func retryBacklog(now: Int64) throws(RPCError) -> RetryBacklog {
        try guarded {
            try read { connection in
                try connection.first("""
                    SELECT coalesce(sum(CASE WHEN state = 1 THEN 1 ELSE 0 END), 0), coalesce(sum(CASE WHEN state = 2 THEN 1 ELSE 0 END), 0),
                           min(CASE WHEN state = 1 THEN next_attempt_at ELSE lease_expires_at END)
                    FROM retry_tasks WHERE state IN (1, 2)
                    """) { row in
                    RetryBacklog(queued: row.int64(0), leased: row.int64(1), nextDueAtMs: row.isNull(2) ? nil : row.int64(2))
                } ?? RetryBacklog()
            }
        }
    }
}

/// The leasing transaction's statements.
enum RetryLeaseStatement {
    static func lease(_ request: RetryLeaseRequest, on connection: any SQLConnection) throws -> [RetryLease] {
        let now = request.now
        // Where writers run at once (PostgreSQL replicas), each leasing
        // transaction takes the task rows it will lease and skips the ones
        // another is taking, so replicas lease disjoint tasks without
        // waiting. SQLite has one writer; nothing to skip.
        let skipLocked = connection.dialect == .postgresql ? " FOR UPDATE SKIP LOCKED" : ""
        let live = try connection.all("""
            SELECT target_platform, count(*) FROM retry_tasks
            WHERE state = 2 AND lease_expires_at > ? GROUP BY target_platform
            """, [.integer(now)]) { (platform: $0.text(0), count: Int($0.int64(1))) }
        let liveByPlatform = Dictionary(live.map { ($0.platform, $0.count) }, uniquingKeysWith: +)
        var taken: [String: Int] = [:]
        func free(_ platform: String) -> Int {
            guard let limit = request.perPlatformLimit else { return Int.max }
            let busy = max(liveByPlatform[platform] ?? 0, request.inFlight[platform] ?? 0)
            return limit - busy - taken[platform, default: 0]
        }
        var leases: [RetryLease] = []

        let expired = try connection.all("""
            SELECT id, target_platform FROM retry_tasks
            WHERE state = 2 AND lease_expires_at <= ? ORDER BY lease_expires_at, id LIMIT ?\(skipLocked)
            """, [.integer(now), .integer(Int64(request.limit) + 64)]) { (id: $0.int64(0), platform: $0.text(1)) }
        for task in expired where leases.count < request.limit && free(task.platform) > 0 {
            leases.append(try releaseExpired(taskID: task.id, request: request, on: connection))
            taken[task.platform, default: 0] += 1
        }

        let remaining = request.limit - leases.count
        guard remaining > 0 else { return leases }
        let platforms = try connection.all(
            "SELECT DISTINCT target_platform FROM retry_tasks WHERE state = 1 AND next_attempt_at <= ?",
            [.integer(now)]) { $0.text(0) }
        var candidates: [(id: Int64, platform: String, due: Int64)] = []
        for platform in platforms {
            let wanted = min(free(platform), remaining)
            guard wanted > 0 else { continue }
            candidates += try connection.all("""
                SELECT id, next_attempt_at FROM retry_tasks
                WHERE state = 1 AND target_platform = ? AND next_attempt_at <= ?
                ORDER BY next_attempt_at, id LIMIT ?\(skipLocked)
                """, [.text(platform), .integer(now), .integer(Int64(wanted))]) { (id: $0.int64(0), platform: platform, due: $0.int64(1)) }
        }
        candidates.sort { ($0.due, $0.id) < ($1.due, $1.id) }
        for task in candidates where leases.count < request.limit && free(task.platform) > 0 {
            if let lease = try leaseQueued(taskID: task.id, request: request, on: connection) {
                leases.append(lease)
                taken[task.platform, default: 0] += 1
            }
        }
        return leases
    }

    /// What leasing one task needs to know.
    private struct TaskInfo {
        var jobRowID: Int64
        var itemRowID: Int64
        var attemptsMade: Int64
        var attemptNumber: Int64
        var key: String
        var jobId: String
        var requestedBy: String
        var reason: String
        var itemStatus: PushItemStatus
        var itemAttemptCount: Int64
        var request: PushRequest
    }

    private static func info(taskID: Int64, on connection: any SQLConnection) throws -> TaskInfo {
        let info = try connection.first("""
            SELECT t.job_ref, t.item_ref, t.attempts_made, t.attempt_number, t.idempotency_key, t.target_platform,
                   j.job_id, j.requested_by, j.reason,
                   i.item_id, i.core_id, i.data_type, i.status, i.attempt_count,
                   s.sync_id, s.company_id
            FROM retry_tasks t
            JOIN retry_jobs j ON j.id = t.job_ref
            JOIN push_items i ON i.id = t.item_ref
            JOIN syncs s ON s.id = t.sync_ref
            WHERE t.id = ?
            """, [.integer(taskID)]) { row in
            TaskInfo(
                jobRowID: row.int64(0), itemRowID: row.int64(1), attemptsMade: row.int64(2),
                attemptNumber: row.int64(3), key: row.text(4), jobId: row.text(6), requestedBy: row.text(7),
                reason: row.text(8), itemStatus: PushItemStatus(rawValue: Int32(truncatingIfNeeded: row.int64(12))),
                itemAttemptCount: row.int64(13),
                request: PushRequest(
                    idempotencyKey: row.text(4), syncId: row.text(14), itemId: row.text(9), coreId: row.text(10),
                    dataType: row.text(11), companyId: row.text(15), targetPlatform: row.text(5),
                    attemptNumber: Int32(clamping: row.int64(3))))
        }
        guard let info else { throw RPCError.internal("retry task vanished while being leased") }
        return info
    }

    /// Takes an expired lease again: same attempt, same key, new owner.
    private static func releaseExpired(taskID: Int64, request: RetryLeaseRequest, on connection: any SQLConnection) throws -> RetryLease {
        let task = try info(taskID: taskID, on: connection)
        let owner = "\(request.owner)#\(RetryIdentifiers.leaseToken())"
        let expires = request.now + request.leaseDurationMs
        try connection.run(
            "UPDATE retry_tasks SET lease_owner = ?, lease_expires_at = ? WHERE id = ?",
            [.text(owner), .integer(expires), .integer(taskID)])
        return RetryLease(
            taskId: taskID, leaseOwner: owner, leaseExpiresAtMs: expires, jobId: task.jobId,
            attemptsMade: Int(task.attemptsMade), isRedelivery: true, request: task.request)
    }

    /// Starts a new attempt of a queued task: writes the PENDING attempt
    /// with its key and leases the task. nil when the item succeeded since
    /// the job was created (the task is then skipped as already succeeded).
    private static func leaseQueued(taskID: Int64, request: RetryLeaseRequest, on connection: any SQLConnection) throws -> RetryLease? {
        var task = try info(taskID: taskID, on: connection)
        let now = request.now
        if task.itemStatus == .success {
            try connection.run(
                "UPDATE retry_tasks SET state = ?, skip_reason = ? WHERE id = ?",
                [.integer(RetryTaskState.skipped.rawValue), .int32(SkipReason.alreadySucceeded.rawValue), .integer(taskID)])
            try connection.run(
                "UPDATE retry_jobs SET total = total - 1, pending = pending - 1, skipped = skipped + 1 WHERE id = ?",
                [.integer(task.jobRowID)])
            try RetryJobRow.finishIfDone(connection, rowID: task.jobRowID, now: now)
            return nil
        }
        let last = try connection.first("""
            SELECT number, outcome, idempotency_key FROM push_attempts
            WHERE item_ref = ? ORDER BY number DESC LIMIT 1
            """, [.integer(task.itemRowID)]) { (number: $0.int64(0), outcome: PushItemStatus(rawValue: Int32(truncatingIfNeeded: $0.int64(1))), key: $0.text(2)) }
        // A timed-out push may have landed: the retry carries its key so the
        // platform can answer with the record it already made. After a
        // definite failure a new key makes a new push.
        let key = last.flatMap { $0.outcome == .timedOut && !$0.key.isEmpty ? $0.key : nil } ?? RetryIdentifiers.attemptKey()
        let number = max(task.itemAttemptCount, last?.number ?? 0) + 1
        let attribution = AttemptAttribution(
            trigger: task.attemptsMade == 0 ? .manualRetry : .automaticRetry, actor: task.requestedBy,
            retryJobId: task.jobId, reason: task.reason, resolvingAttempt: nil)
        try PushItemStatement.insertPendingAttempt(
            itemRowID: task.itemRowID, number: number, attemptedAt: now, key: key,
            attribution: attribution, now: now, on: connection)
        let owner = "\(request.owner)#\(RetryIdentifiers.leaseToken())"
        let expires = now + request.leaseDurationMs
        try connection.run("""
            UPDATE retry_tasks SET state = ?, lease_owner = ?, lease_expires_at = ?,
                attempts_made = attempts_made + 1, attempt_number = ?, idempotency_key = ?
            WHERE id = ?
            """, [
                .integer(RetryTaskState.leased.rawValue), .text(owner), .integer(expires),
                .integer(number), .text(key), .integer(taskID),
            ])
        try connection.run(
            "UPDATE retry_jobs SET state = ?, started_at = ? WHERE id = ? AND state = ?",
            [.int32(RetryJobState.running.rawValue), .integer(now), .integer(task.jobRowID), .int32(RetryJobState.queued.rawValue)])
        task.request.idempotencyKey = key
        task.request.attemptNumber = Int32(clamping: number)
        return RetryLease(
            taskId: taskID, leaseOwner: owner, leaseExpiresAtMs: expires, jobId: task.jobId,
            attemptsMade: Int(task.attemptsMade) + 1, isRedelivery: false, request: task.request)
    }
}
