import SyncHealthStorage
public import SyncHealthWire

extension RelationalStore {
    /// See `SyncStore.recordPushItems`.
    ///
    /// - `accepted` counts reports that appended an attempt; a re-sent report
    ///   (same item and idempotency key, or same attempt time and status when
    ///   there is no key) is skipped and not counted, so re-sending a whole
    ///   batch answers accepted = 0, created = 0 and changes nothing.
    /// - An item's current state follows its latest attempt by time: a report
    ///   older than the item's last attempt is added to the history only.
    /// - Every report is recorded as an initial push by "sync-engine"; retry
    ///   attempts are recorded by the retry executor.
    public func recordPushItems(_ request: RecordPushItemsRequest, now: Int64) throws(RPCError) -> RecordPushItemsResponse {
        try PushItemsValidation.validate(request)
        return try guarded {
            try write { connection in
                try Self.record(request, now: now, on: connection)
            }
        }
    }

    static func record(_ request: RecordPushItemsRequest, now: Int64, on connection: any SQLConnection) throws -> RecordPushItemsResponse {
        guard let sync = try SyncRecordStatement.fetch(connection, syncId: request.syncId) else {
            throw RPCError.notFound("sync not found")
        }
        var accepted: Int32 = 0
        var created: Int32 = 0
        for report in request.items {
            switch try PushItemStatement.apply(report, syncRowID: sync.rowID, now: now, on: connection) {
            case .duplicate: break
            case .appended: accepted += 1
            case .created: accepted += 1; created += 1
            }
        }
        if accepted > 0 {
            try PushItemStatement.refreshSync(sync, now: now, on: connection)
        }
        guard let stored = try SyncRow.fetch(connection, syncId: request.syncId) else {
            throw RPCError.internal("sync vanished while recording items")
        }
        return RecordPushItemsResponse(accepted: accepted, created: created, sync: stored.sync)
    }
}

/// Statements on `push_items` and `push_attempts` for the ingest path.
enum PushItemStatement {
    /// What storing one report did.
    enum Outcome { case duplicate, appended, created }

    /// The actor recorded on attempts reported by the sync engine.
    static let engineActor = "sync-engine"

    /// Stores one item report: the item's current state and its attempt
    /// history. Every push outcome goes through here, the engine's reports
    /// and the retry executor's results alike (`attribution` tells them apart).
    static func apply(
        _ report: PushItemReport, syncRowID: Int64, now: Int64,
        attribution: AttemptAttribution = .engine, on connection: any SQLConnection
    ) throws -> Outcome {
        let existing = try connection.first(
            "SELECT id, attempt_count, last_attempt_at FROM push_items WHERE sync_ref = ? AND item_id = ?",
            [.integer(syncRowID), .text(report.itemId)]) { row in
            (id: row.int64(0), attempts: row.int64(1), lastAttemptAt: row.int64(2))
        }
        if let number = attribution.resolvingAttempt {
            guard let existing else { throw RPCError.internal("retried item vanished") }
            try resolve(report, itemRowID: existing.id, number: max(number, 1), attemptCount: max(existing.attempts, number), now: now, on: connection)
            return .appended
        }
        let errorMessage = report.status.isFailure ? report.errorMessage : ""
        let itemRowID: Int64
        let number: Int64
        let outcome: Outcome
        if let existing {
            if try isDuplicate(report, itemRowID: existing.id, on: connection) {
                return .duplicate
            }
            itemRowID = existing.id
            number = existing.attempts + 1
            outcome = .appended
            if report.attemptedAtMs >= existing.lastAttemptAt {
                try connection.run("""
                    UPDATE push_items SET
                        core_id = CASE WHEN ? <> '' THEN ? ELSE core_id END,
                        data_type = ?, status = ?, error_message = ?, attempt_count = ?,
                        last_attempt_at = ?,
                        target_record_id = CASE WHEN ? <> '' THEN ? ELSE target_record_id END,
                        retryable = ?, updated_at = ?
                    WHERE id = ?
                    """, [
                        .text(report.coreId), .text(report.coreId),
                        .text(report.dataType), .int32(report.status.rawValue), .text(errorMessage),
                        .integer(number), .integer(report.attemptedAtMs),
                        .text(report.targetRecordId), .text(report.targetRecordId),
                        .bool(report.retryable), .integer(now), .integer(itemRowID),
                    ])
            } else {
                try connection.run(
                    "UPDATE push_items SET attempt_count = ?, updated_at = ? WHERE id = ?",
                    [.integer(number), .integer(now), .integer(itemRowID)])
            }
        } else {
            number = 1
            outcome = .created
            itemRowID = try connection.insertReturningID("""
                INSERT INTO push_items (
                    sync_ref, item_id, core_id, data_type, status, error_message, attempt_count,
                    last_attempt_at, target_record_id, retryable, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?)
                RETURNING id
                """, [
                    .integer(syncRowID), .text(report.itemId), .text(report.coreId), .text(report.dataType),
                    .int32(report.status.rawValue), .text(errorMessage), .integer(report.attemptedAtMs),
                    .text(report.targetRecordId), .bool(report.retryable), .integer(now), .integer(now),
                ])
        }
        try connection.run("""
            INSERT INTO push_attempts (
                item_ref, number, attempted_at, outcome, error_message, attempt_trigger, actor,
                idempotency_key, retry_job_id, reason)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [
                .integer(itemRowID), .integer(number), .integer(report.attemptedAtMs),
                .int32(report.status.rawValue), .text(report.errorMessage),
                .int32(attribution.trigger.rawValue), .text(attribution.actor), .text(report.idempotencyKey),
                .text(attribution.retryJobId), .text(attribution.reason),
            ])
        return outcome
    }

    /// A report is a re-send when the item already has an attempt with the
    /// same idempotency key, or, without a key, the same time and outcome.
    /// The literal `idempotency_key <> ''` / `= ''` terms let SQLite use the
    /// matching partial index.
    private static func isDuplicate(_ report: PushItemReport, itemRowID: Int64, on connection: any SQLConnection) throws -> Bool {
        if report.idempotencyKey.isEmpty {
            return try connection.first("""
                SELECT 1 FROM push_attempts
                WHERE item_ref = ? AND idempotency_key = '' AND attempted_at = ? AND outcome = ?
                LIMIT 1
                """, [.integer(itemRowID), .integer(report.attemptedAtMs), .int32(report.status.rawValue)]) { _ in true } ?? false
        }
        return try connection.first("""
            SELECT 1 FROM push_attempts
            WHERE item_ref = ? AND idempotency_key <> '' AND idempotency_key = ?
            LIMIT 1
            """, [.integer(itemRowID), .text(report.idempotencyKey)]) { _ in true } ?? false
    }

    /// Recomputes the sync's item counts from its items, then its derived
    /// status and data_pushed, then its share of the dashboard rollups and
    /// error groups (`SyncInsights`). Every writer of items calls this after
    /// its `apply`s, in the same transaction.
    static func refreshSync(_ sync: SyncRecordStatement.Existing, now: Int64, on connection: any SQLConnection) throws {
        let counts = try connection.first("""
            SELECT count(*), sum(CASE WHEN status = 1 THEN 1 ELSE 0 END), sum(CASE WHEN status = 2 THEN 1 ELSE 0 END), sum(CASE WHEN status = 3 THEN 1 ELSE 0 END), sum(CASE WHEN status = 4 THEN 1 ELSE 0 END)
            FROM push_items WHERE sync_ref = ?
            """, [.integer(sync.rowID)]) { row in
            ItemCounts(
                total: row.int64(0), pending: row.int64(1), succeeded: row.int64(2),
                failed: row.int64(3), timedOut: row.int64(4))
        } ?? ItemCounts()
        let derived = SyncDerivedState(failedOrTimedOut: counts.failed + counts.timedOut, succeeded: counts.succeeded)
        try connection.run("""
            UPDATE syncs SET
                items_total = ?, items_pending = ?, items_succeeded = ?, items_failed = ?,
                items_timed_out = ?, status_code = ?, data_pushed = ?, updated_at = ?
            WHERE id = ?
            """, [
                .integer(counts.total), .integer(counts.pending), .integer(counts.succeeded),
                .integer(counts.failed), .integer(counts.timedOut),
                .int32(SyncRecordStatement.effectiveStatus(sync.record, derived).rawValue),
                .bool(SyncRecordStatement.dataPushed(sync.record, derived)),
                .integer(now), .integer(sync.rowID),
            ])
        try SyncInsights.refresh(syncRowID: sync.rowID, itemsChanged: true, now: now, on: connection)
    }
}
