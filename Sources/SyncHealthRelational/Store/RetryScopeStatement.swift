import SyncHealthStorage
import SyncHealthWire

/// Reads the items a retry scope covers.
///
/// A scope without item ids covers the items that have not succeeded
/// (failed, timed out, and pending ones, which are then skipped as not
/// failed); naming item ids covers exactly those items, succeeded or not.
/// Items come in a stable order: sync start time and id, then data type and
/// item id.
enum RetryScopeStatement {
    /// Items of at most `RetryLimits.maxItemsPerJob`; a larger scope is
    /// INVALID_ARGUMENT. NOT_FOUND for an unknown sync or item id.
    static func items(_ scope: RetryRequestInput.Scope, on connection: any SQLConnection) throws -> [ScopeItem] {
        switch scope {
        case let .sync(syncId, itemIds, dataTypes):
            return try syncItems(syncId: syncId, itemIds: itemIds, dataTypes: dataTypes, on: connection)
        case let .filter(filter, dataTypes):
            return try filterItems(filter, dataTypes: dataTypes, on: connection)
        }
    }

    /// `EXISTS` term: the item is queued or leased in a job.
    private static let activeTerm = "EXISTS (SELECT 1 FROM retry_tasks t WHERE t.item_ref = i.id AND t.state IN (1, 2))"
    private static let itemColumns = "i.id, i.item_id, i.core_id, i.data_type, i.status, i.retryable, \(activeTerm)"
    private static let success = PushItemStatus.success.rawValue

    private static func syncItems(syncId: String, itemIds: [String], dataTypes: [String], on connection: any SQLConnection) throws -> [ScopeItem] {
        guard let sync = try connection.first(
            "SELECT id, status_code, target_platform FROM syncs WHERE sync_id = ?", [.text(syncId)], { row in
                (rowID: row.int64(0), status: SyncStatusCode(rawValue: Int32(truncatingIfNeeded: row.int64(1))), target: row.text(2))
            })
        else { throw RPCError.notFound("sync not found") }
        func decode(_ row: any SQLRow) -> ScopeItem {
            ScopeItem(
                syncRowID: sync.rowID, syncId: syncId, syncStatus: sync.status, targetPlatform: sync.target,
                itemRowID: row.int64(0), itemId: row.text(1), coreId: row.text(2), dataType: row.text(3),
                itemStatus: PushItemStatus(rawValue: Int32(truncatingIfNeeded: row.int64(4))),
                retryable: row.int64(5) != 0, activeInAnotherJob: row.int64(6) != 0)
        }
        var conditions = ["i.sync_ref = ?"]
        var arguments: [SQLValue] = [.integer(sync.rowID)]
        if !dataTypes.isEmpty {
            conditions.append("i.data_type IN (\(SyncQueryPlanner.placeholders(dataTypes.count)))")
            arguments += dataTypes.map(SQLValue.text)
        }
        guard !itemIds.isEmpty else {
            conditions.append("i.status <> \(success)")
            let sql = "SELECT \(itemColumns) FROM push_items i WHERE \(conditions.joined(separator: " AND ")) ORDER BY i.data_type, i.item_id LIMIT ?"
            let items = try connection.all(sql, arguments + [.integer(Int64(RetryLimits.maxItemsPerJob) + 1)], decode)
            try checkSize(items.count)
            return items
        }
        // Named items: looked up in chunks to stay well under SQLite's
        // parameter limit; every id must exist.
        var items: [ScopeItem] = []
        let chunkSize = 500
        for start in stride(from: 0, to: itemIds.count, by: chunkSize) {
            let chunk = Array(itemIds[start..<min(start + chunkSize, itemIds.count)])
            let sql = "SELECT \(itemColumns) FROM push_items i WHERE \(conditions.joined(separator: " AND ")) AND i.item_id IN (\(SyncQueryPlanner.placeholders(chunk.count)))"
            items += try connection.all(sql, arguments + chunk.map(SQLValue.text), decode)
        }
        if dataTypes.isEmpty && items.count != itemIds.count {
            let missing = itemIds.count - items.count
            throw RPCError.notFound("\(missing) of scope.sync.item_ids \(missing == 1 ? "is not an item" : "are not items") of this sync")
        }
        return items.sorted { a, b in
            a.dataType == b.dataType
                ? a.itemId.utf8.lexicographicallyPrecedes(b.itemId.utf8)
                : a.dataType.utf8.lexicographicallyPrecedes(b.dataType.utf8)
        }
    }

    private static func filterItems(_ filter: SyncFilter, dataTypes: [String], on connection: any SQLConnection) throws -> [ScopeItem] {
        let (syncConditions, syncArguments) = SyncQueryPlanner.conditions(for: filter)
        var arguments = syncArguments
        var conditions = [
            "s.id IN (SELECT id FROM syncs WHERE \(syncConditions.isEmpty ? "TRUE" : syncConditions.joined(separator: " AND ")))",
            "i.status <> \(success)",
        ]
        if !dataTypes.isEmpty {
            conditions.append("i.data_type IN (\(SyncQueryPlanner.placeholders(dataTypes.count)))")
            arguments += dataTypes.map(SQLValue.text)
        }
        arguments.append(.integer(Int64(RetryLimits.maxItemsPerJob) + 1))
        let sql = """
            SELECT s.id, s.sync_id, s.status_code, s.target_platform, \(itemColumns)
            FROM syncs s JOIN push_items i ON i.sync_ref = s.id
            WHERE \(conditions.joined(separator: " AND "))
            ORDER BY s.started_at, s.sync_id, i.data_type, i.item_id LIMIT ?
            """
        let items = try connection.all(sql, arguments) { row in
            ScopeItem(
                syncRowID: row.int64(0), syncId: row.text(1),
                syncStatus: SyncStatusCode(rawValue: Int32(truncatingIfNeeded: row.int64(2))), targetPlatform: row.text(3),
                itemRowID: row.int64(4), itemId: row.text(5), coreId: row.text(6), dataType: row.text(7),
                itemStatus: PushItemStatus(rawValue: Int32(truncatingIfNeeded: row.int64(8))),
                retryable: row.int64(9) != 0, activeInAnotherJob: row.int64(10) != 0)
        }
        try checkSize(items.count)
        return items
    }

    private static func checkSize(_ count: Int) throws {
        if count > RetryLimits.maxItemsPerJob {
            throw RPCError.invalidArgument("the scope covers more than \(RetryLimits.maxItemsPerJob) items; narrow it")
        }
    }
}
