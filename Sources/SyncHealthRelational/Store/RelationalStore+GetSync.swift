import SyncHealthStorage
public import SyncHealthWire

extension RelationalStore {
    /// See `SyncStore.getSync`. Retries are attempts with a manual or
    /// automatic retry trigger; `jobs` counts their distinct retry job ids and
    /// `recovered_items` the items a retry attempt pushed successfully.
    public func getSync(syncId: String) throws(RPCError) -> GetSyncResponse {
        try FieldRules.identifier(syncId, "sync_id")
        return try guarded {
            try read { connection in
                guard let (rowID, sync) = try SyncRow.fetch(connection, syncId: syncId) else {
                    throw RPCError.notFound("sync not found")
                }
                let dataTypes = try connection.all(GetSyncSQL.dataTypes, [.integer(rowID)], Self.dataTypeCounts)
                return GetSyncResponse(
                    sync: sync, dataTypes: dataTypes,
                    retries: try Self.retrySummary(syncRowID: rowID, on: connection))
            }
        }
    }

    /// `data_type, total, pending, succeeded, failed, timed_out` columns.
    static func dataTypeCounts(_ row: any SQLRow) -> DataTypeCounts {
        DataTypeCounts(dataType: row.text(0), counts: ItemCounts(
            total: row.int64(1), pending: row.int64(2), succeeded: row.int64(3),
            failed: row.int64(4), timedOut: row.int64(5)))
    }

    private static func retrySummary(syncRowID: Int64, on connection: any SQLConnection) throws -> RetrySummary {
        var summary = try connection.first(
            GetSyncSQL.retrySummary, [.int32(PushItemStatus.success.rawValue), .integer(syncRowID)]) { row in
            RetrySummary(
                jobs: row.int64(0), retriedAttempts: row.int64(1), recoveredItems: row.int64(2),
                lastRetryAtMs: row.int64(3))
        } ?? RetrySummary()
        summary.lastJobId = try connection.first(GetSyncSQL.lastRetryJob, [.integer(syncRowID)]) { $0.text(0) } ?? ""
        return summary
    }
}

/// The statements GetSync runs, in order, after `SyncRow.fetch`. Shared with
/// `PlannedSQL` so benchmarks time exactly this text.
enum GetSyncSQL {
    private static let retryTriggers = "(\(AttemptTrigger.manualRetry.rawValue), \(AttemptTrigger.automaticRetry.rawValue))"

    /// Item counts per data type; argument: the sync's row id.
    static let dataTypes = """
        SELECT data_type, count(*), sum(CASE WHEN status = 1 THEN 1 ELSE 0 END), sum(CASE WHEN status = 2 THEN 1 ELSE 0 END), sum(CASE WHEN status = 3 THEN 1 ELSE 0 END), sum(CASE WHEN status = 4 THEN 1 ELSE 0 END)
        FROM push_items WHERE sync_ref = ?
        GROUP BY data_type ORDER BY data_type
        """

    /// Retry counts; arguments: the SUCCESS outcome, the sync's row id.
    static let retrySummary = """
        SELECT count(DISTINCT NULLIF(a.retry_job_id, '')), count(*),
               count(DISTINCT CASE WHEN a.outcome = ? THEN a.item_ref END),
               coalesce(max(a.attempted_at), 0)
        FROM push_items i JOIN push_attempts a ON a.item_ref = i.id
        WHERE i.sync_ref = ? AND a.attempt_trigger IN \(retryTriggers)
        """

    /// The latest retry job; argument: the sync's row id.
    static let lastRetryJob = """
        SELECT a.retry_job_id
        FROM push_items i JOIN push_attempts a ON a.item_ref = i.id
        WHERE i.sync_ref = ? AND a.attempt_trigger IN \(retryTriggers) AND a.retry_job_id <> ''
        ORDER BY a.attempted_at DESC, a.id DESC LIMIT 1
        """
}
