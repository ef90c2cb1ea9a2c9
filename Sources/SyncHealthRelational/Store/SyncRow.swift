import SyncHealthStorage
import SyncHealthWire

/// Reading `syncs` rows into `Sync` values.
enum SyncRow {
    /// The columns `decode` reads, in order.
    static let columns = """
        id, sync_id, company_id, product, source_platform, target_platform, status_code, \
        started_at, finished_at, data_from, data_to, notes, error_messages, items_total, \
        items_pending, items_succeeded, items_failed, items_timed_out, data_pushed, config_hash, \
        updated_at
        """

    /// The row's internal id (`syncs.id`), column 0.
    static func rowID(_ row: any SQLRow) -> Int64 { row.int64(0) }

    static func decode(_ row: any SQLRow) -> Sync {
        let status = SyncStatusCode(rawValue: Int32(truncatingIfNeeded: row.int64(6)))
        return Sync(
            syncId: row.text(1),
            companyId: row.text(2),
            product: Product(rawValue: Int32(truncatingIfNeeded: row.int64(3))),
            sourcePlatform: row.text(4),
            targetPlatform: row.text(5),
            statusCode: status,
            statusText: status.text,
            startedAtMs: row.int64(7),
            finishedAtMs: row.int64(8),
            dataFromMs: row.int64(9),
            dataToMs: row.int64(10),
            notes: StringListCodec.decode(row.blob(11)),
            errorMessages: StringListCodec.decode(row.blob(12)),
            itemCounts: ItemCounts(
                total: row.int64(13), pending: row.int64(14), succeeded: row.int64(15),
                failed: row.int64(16), timedOut: row.int64(17)),
            dataPushed: row.int64(18) != 0,
            configHash: row.text(19),
            updatedAtMs: row.int64(20))
    }

    /// One sync by sync_id; argument: the sync_id.
    static let fetchSQL = "SELECT \(columns) FROM syncs WHERE sync_id = ?"

    /// The sync with `syncId`, read on `connection`.
    static func fetch(_ connection: any SQLConnection, syncId: String) throws -> (rowID: Int64, sync: Sync)? {
        try connection.first(fetchSQL, [.text(syncId)]) {
            (rowID($0), decode($0))
        }
    }

    /// A stored customer-facing view of `sync`: no error text, no config.
    static func companySync(_ sync: Sync) -> CompanySync {
        CompanySync(
            syncId: sync.syncId, product: sync.product,
            startedAtMs: sync.startedAtMs, finishedAtMs: sync.finishedAtMs,
            dataFromMs: sync.dataFromMs, dataToMs: sync.dataToMs,
            category: sync.statusCode.category, statusCode: sync.statusCode,
            statusDescription: sync.statusCode.clientDescription)
    }
}

/// Reading `push_items` and `push_attempts` rows.
enum PushItemRow {
    static let columns = """
        id, item_id, core_id, data_type, status, error_message, attempt_count, \
        last_attempt_at, target_record_id, retryable
        """

    static func decode(_ row: any SQLRow, syncId: String) -> (rowID: Int64, item: PushItem) {
        (row.int64(0), PushItem(
            itemId: row.text(1),
            syncId: syncId,
            coreId: row.text(2),
            dataType: row.text(3),
            status: PushItemStatus(rawValue: Int32(truncatingIfNeeded: row.int64(4))),
            errorMessage: row.text(5),
            attemptCount: Int32(clamping: row.int64(6)),
            lastAttemptAtMs: row.int64(7),
            targetRecordId: row.text(8),
            retryable: row.int64(9) != 0))
    }

    static let attemptColumns = """
        number, attempted_at, outcome, error_message, attempt_trigger, actor, idempotency_key, \
        retry_job_id, reason
        """

    static func decodeAttempt(_ row: any SQLRow) -> PushAttempt {
        PushAttempt(
            number: Int32(clamping: row.int64(0)),
            attemptedAtMs: row.int64(1),
            outcome: PushItemStatus(rawValue: Int32(truncatingIfNeeded: row.int64(2))),
            errorMessage: row.text(3),
            trigger: AttemptTrigger(rawValue: Int32(truncatingIfNeeded: row.int64(4))),
            actor: row.text(5),
            idempotencyKey: row.text(6),
            retryJobId: row.text(7),
            reason: row.text(8))
    }
}
