import SyncHealthStorage
public import SyncHealthWire

/// The exact SQL text and arguments SQLiteSyncStore runs to answer a read
/// request, in order, so a benchmark can time SQLite alone on the same file
/// (the "floor" a SyncHealth latency is compared with). Nothing here touches
/// a database; planning errors are the same INVALID_ARGUMENT as the RPC's.
public struct PlannedSQL: Sendable, Hashable {
    /// One bound parameter.
    public enum Argument: Sendable, Hashable {
        case integer(Int64)
        case real(Double)
        case text(String)
        /// Text as raw bytes (may be invalid UTF-8, e.g. a prefix range's upper bound).
        case textBytes([UInt8])
        case blob([UInt8])
        case null
        /// The sync's row id: column 0 of the first row of statement 0.
        case rowIDOfFirstStatement
    }

    /// The statement text.
    public var sql: String
    /// Its `?` parameters, in order.
    public var arguments: [Argument]

    init(_ query: SQLQuery) {
        self.sql = query.sql
        self.arguments = query.arguments.map(Argument.init)
    }

    init(_ sql: String, _ arguments: [Argument]) {
        self.sql = sql
        self.arguments = arguments
    }

    /// ListSyncs: the page query, then the count query when `include_total` is set.
    public static func listSyncs(_ request: ListSyncsRequest) throws(RPCError) -> [PlannedSQL] {
        let plan = try SyncQueryPlanner.plan(request)
        return [PlannedSQL(plan.page)] + (plan.count.map { [PlannedSQL($0)] } ?? [])
    }

    /// GetDashboard: the rollup and partial-day queries for sync and item
    /// counts, and the error-group ranking. Not included: the detail
    /// queries of the top five groups, whose arguments come from the
    /// ranking's rows.
    public static func getDashboard(_ request: GetDashboardRequest) throws(RPCError) -> [PlannedSQL] {
        let plan = try DashboardQueryPlanner.rollupPlan(request)
        let ranking = ErrorGroupQueryPlanner.totals(plan.range, plan.filter)
        return (plan.syncCounts + plan.itemCounts + ranking).map(PlannedSQL.init)
    }

    /// GetSync: the row, item counts per data type, the retry summary and the last retry job.
    public static func getSync(syncId: String) -> [PlannedSQL] {
        [
            PlannedSQL(SyncRow.fetchSQL, [.text(syncId)]),
            PlannedSQL(GetSyncSQL.dataTypes, [.rowIDOfFirstStatement]),
            PlannedSQL(GetSyncSQL.retrySummary, [.integer(Int64(PushItemStatus.success.rawValue)), .rowIDOfFirstStatement]),
            PlannedSQL(GetSyncSQL.lastRetryJob, [.rowIDOfFirstStatement]),
        ]
    }
}

extension PlannedSQL.Argument {
    init(_ value: SQLValue) {
        switch value {
        case .null: self = .null
        case let .integer(v): self = .integer(v)
        case let .real(v): self = .real(v)
        case let .text(v): self = .text(v)
        case let .textBytes(v): self = .textBytes(v)
        case let .blob(v): self = .blob(v)
        }
    }
}
