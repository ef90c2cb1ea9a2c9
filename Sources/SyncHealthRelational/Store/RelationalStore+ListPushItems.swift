import SyncHealthStorage
public import SyncHealthWire

extension RelationalStore {
    /// See `SyncStore.listPushItems`. Ordered by data type, then item id.
    public func listPushItems(_ request: ListPushItemsRequest) throws(RPCError) -> ListPushItemsResponse {
        let plan = try PushItemQueryPlanner.plan(request)
        return try guarded {
            try read { connection in
                guard try connection.first("SELECT 1 FROM syncs WHERE sync_id = ?", [.text(plan.syncId)], { _ in true }) != nil else {
                    throw RPCError.notFound("sync not found")
                }
                var rows = try connection.all(plan.page) { PushItemRow.decode($0, syncId: plan.syncId) }
                var token = ""
                if rows.count > plan.pageSize {
                    rows.removeLast(rows.count - plan.pageSize)
                    if let last = rows.last { token = plan.nextPageToken(after: last.item) }
                }
                var items: [PushItem] = []
                items.reserveCapacity(rows.count)
                for (rowID, item) in rows {
                    var item = item
                    if plan.includeAttempts {
                        item.attempts = try connection.all(
                            "SELECT \(PushItemRow.attemptColumns) FROM push_attempts WHERE item_ref = ? ORDER BY number",
                            [.integer(rowID)], PushItemRow.decodeAttempt)
                    }
                    items.append(item)
                }
                let total = try plan.count.map { Count(value: try connection.first($0.sql, $0.arguments) { $0.int64(0) } ?? 0) }
                return ListPushItemsResponse(items: items, nextPageToken: token, total: total)
            }
        }
    }
}
