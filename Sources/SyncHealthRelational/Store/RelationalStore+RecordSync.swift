import SyncHealthStorage
public import SyncHealthWire

extension RelationalStore {
    /// See `SyncStore.recordSync`.
    ///
    /// - An update that changes nothing writes nothing (updated_at stays), so
    ///   re-sending a report is a no-op.
    /// - `status_text` is always the text of the stored (derived) code.
    /// - INVALID_ARGUMENT for bad fields; FAILED_PRECONDITION when an update
    ///   would move a finished sync back to in progress or change its company.
    public func recordSync(_ request: RecordSyncRequest, now: Int64) throws(RPCError) -> RecordSyncResponse {
        // Validation and hashing happen before the writer queue is taken.
        let input = try RecordSyncValidation.validate(request)
        return try guarded {
            try write { connection in
                try Self.record(input, now: now, on: connection)
            }
        }
    }

    static func record(_ input: RecordSyncInput, now: Int64, on connection: any SQLConnection) throws -> RecordSyncResponse {
        let new = input.sync
        let existing = try SyncRecordStatement.fetch(connection, syncId: new.syncId)
        var created = false
        let rowID: Int64
        if let existing {
            if existing.record.companyId != new.companyId {
                throw RPCError.failedPrecondition("sync.company_id cannot change once recorded")
            }
            if existing.record.reportedStatus.isFinished && !new.reportedStatus.isFinished {
                throw RPCError.failedPrecondition("a finished sync cannot go back to in progress")
            }
            rowID = existing.rowID
            if existing.record != new {
                try SyncRecordStatement.update(connection, rowID: rowID, record: new, derived: existing.derived, now: now)
            }
        } else {
            rowID = try SyncRecordStatement.insert(connection, record: new, now: now)
            created = true
        }
        if let config = input.config {
            try ConfigStatement.attach(connection, config: config, syncRowID: rowID, now: now)
        }
        guard let stored = try SyncRow.fetch(connection, syncId: new.syncId) else {
            throw RPCError.internal("sync vanished while being recorded")
        }
        return RecordSyncResponse(sync: stored.sync, created: created)
    }
}

/// The item-derived state of a sync that its effective status depends on.
struct SyncDerivedState: Equatable {
    var failedOrTimedOut: Int64
    var succeeded: Int64
}

/// Statements on `syncs` for the ingest path.
enum SyncRecordStatement {
    struct Existing {
        var rowID: Int64
        var record: SyncRecord
        var derived: SyncDerivedState
    }

    static func fetch(_ connection: any SQLConnection, syncId: String) throws -> Existing? {
        try connection.first("""
            SELECT id, company_id, product, source_platform, target_platform, reported_status_code,
                   started_at, finished_at, data_from, data_to, notes, error_messages,
                   reported_data_pushed, items_failed + items_timed_out, items_succeeded
            FROM syncs WHERE sync_id = ?
            """, [.text(syncId)]) { row in
            Existing(
                rowID: row.int64(0),
                record: SyncRecord(
                    syncId: syncId, companyId: row.text(1),
                    product: Product(rawValue: Int32(truncatingIfNeeded: row.int64(2))),
                    sourcePlatform: row.text(3), targetPlatform: row.text(4),
                    reportedStatus: SyncStatusCode(rawValue: Int32(truncatingIfNeeded: row.int64(5))),
                    startedAt: row.int64(6), finishedAt: row.int64(7),
                    dataFrom: row.int64(8), dataTo: row.int64(9),
                    notes: StringListCodec.decode(row.blob(10)),
                    errorMessages: StringListCodec.decode(row.blob(11)),
                    reportedDataPushed: row.int64(12) != 0),
                derived: SyncDerivedState(failedOrTimedOut: row.int64(13), succeeded: row.int64(14)))
        }
    }

    static func insert(_ connection: any SQLConnection, record: SyncRecord, now: Int64) throws -> Int64 {
        let derived = SyncDerivedState(failedOrTimedOut: 0, succeeded: 0)
        let rowID = try connection.insertReturningID("""
            INSERT INTO syncs (
                sync_id, company_id, product, source_platform, target_platform,
                reported_status_code, status_code, started_at, finished_at, data_from, data_to,
                notes, error_messages, reported_data_pushed, data_pushed, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            RETURNING id
            """, [
                .text(record.syncId), .text(record.companyId), .int32(record.product.rawValue),
                .text(record.sourcePlatform), .text(record.targetPlatform),
                .int32(record.reportedStatus.rawValue), .int32(effectiveStatus(record, derived).rawValue),
                .integer(record.startedAt), .integer(record.finishedAt),
                .integer(record.dataFrom), .integer(record.dataTo),
                .blob(StringListCodec.encode(record.notes)), .blob(StringListCodec.encode(record.errorMessages)),
                .bool(record.reportedDataPushed), .bool(dataPushed(record, derived)),
                .integer(now), .integer(now),
            ])
        try SyncInsights.refresh(syncRowID: rowID, itemsChanged: false, now: now, on: connection)
        return rowID
    }

    static func update(
        _ connection: any SQLConnection, rowID: Int64, record: SyncRecord, derived: SyncDerivedState, now: Int64
    ) throws {
        try connection.run("""
            UPDATE syncs SET
                product = ?, source_platform = ?, target_platform = ?,
                reported_status_code = ?, status_code = ?, started_at = ?, finished_at = ?,
                data_from = ?, data_to = ?, notes = ?, error_messages = ?,
                reported_data_pushed = ?, data_pushed = ?, updated_at = ?
            WHERE id = ?
            """, [
                .int32(record.product.rawValue), .text(record.sourcePlatform), .text(record.targetPlatform),
                .int32(record.reportedStatus.rawValue), .int32(effectiveStatus(record, derived).rawValue),
                .integer(record.startedAt), .integer(record.finishedAt),
                .integer(record.dataFrom), .integer(record.dataTo),
                .blob(StringListCodec.encode(record.notes)), .blob(StringListCodec.encode(record.errorMessages)),
                .bool(record.reportedDataPushed), .bool(dataPushed(record, derived)),
                .integer(now), .integer(rowID),
            ])
        try SyncInsights.refresh(syncRowID: rowID, itemsChanged: false, now: now, on: connection)
    }

    /// The derived status: "a sync with any failed item is failed".
    static func effectiveStatus(_ record: SyncRecord, _ derived: SyncDerivedState) -> SyncStatusCode {
        SyncStatusCode.derived(
            reported: record.reportedStatus, failedOrTimedOutItems: derived.failedOrTimedOut,
            succeededItems: derived.succeeded)
    }

    /// Data was pushed when the engine says so or any item succeeded.
    static func dataPushed(_ record: SyncRecord, _ derived: SyncDerivedState) -> Bool {
        record.reportedDataPushed || derived.succeeded > 0
    }
}
