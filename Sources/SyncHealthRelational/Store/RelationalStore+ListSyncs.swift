import SyncHealthStorage
public import SyncHealthWire

extension RelationalStore {
    /// See `SyncStore.listSyncs`. Keyset pagination: each page continues
    /// strictly after the previous page's last (sort key, sync_id), so syncs
    /// recorded between calls never duplicate or skip rows that existed before.
    public func listSyncs(_ request: ListSyncsRequest) throws(RPCError) -> ListSyncsResponse {
        let plan = try SyncQueryPlanner.plan(request)
        return try guarded {
            try read { connection in
                let (syncs, token) = try Self.page(plan, on: connection)
                let total = try plan.count.map { Count(value: try connection.first($0.sql, $0.arguments) { $0.int64(0) } ?? 0) }
                return ListSyncsResponse(syncs: syncs, nextPageToken: token, total: total)
            }
        }
    }

    /// See `SyncStore.listCompanySyncs`. Unknown companies have no syncs: an
    /// empty page, not NOT_FOUND.
    public func listCompanySyncs(_ request: ListCompanySyncsRequest) throws(RPCError) -> ListCompanySyncsResponse {
        let plan = try SyncQueryPlanner.plan(request)
        return try guarded {
            try read { connection in
                let (syncs, token) = try Self.page(plan, on: connection)
                return ListCompanySyncsResponse(syncs: syncs.map(SyncRow.companySync), nextPageToken: token)
            }
        }
    }

    /// Runs a planned page: at most `pageSize` syncs, and a token when more follow.
    static func page(_ plan: SyncListPlan, on connection: any SQLConnection) throws -> ([Sync], String) {
        var syncs = try connection.all(plan.page) { SyncRow.decode($0) }
        guard syncs.count > plan.pageSize else { return (syncs, "") }
        syncs.removeLast(syncs.count - plan.pageSize)
        guard let last = syncs.last else { return (syncs, "") }
        return (syncs, plan.nextPageToken(after: last))
    }
}
