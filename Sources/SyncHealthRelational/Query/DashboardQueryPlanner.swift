import SyncHealthStorage
import SyncHealthWire

/// A planned full-scan dashboard: the shared filter and aggregate queries
/// over `syncs` and `push_items`. Kept to check the rollups against
/// (`SQLiteSyncStore.getDashboardFullScan`).
struct DashboardPlan: Sendable {
    var fromMs: Int64
    var toMs: Int64
    var byStatusCode: SQLQuery
    var byDay: SQLQuery
    var items: SQLQuery
    var itemsByDataType: SQLQuery

    /// Midnight UTC of every day the range touches, in order.
    var dayStarts: [Int64] { InsightsRange(validFrom: fromMs, to: toMs).dayStarts }
}

/// A planned rollup dashboard: whole days from the daily rollups, the
/// partial days at the ends from the rows.
struct DashboardRollupPlan: Sendable {
    var range: InsightsRange
    var filter: InsightsFilter
    /// Rows of (day, status_code, syncs); their sums are the answer.
    var syncCounts: [SQLQuery]
    /// Rows of (data_type, status, items); their sums are the answer.
    var itemCounts: [SQLQuery]
}

/// Turns GetDashboard requests into aggregate SQL. Pure.
enum DashboardQueryPlanner {
    /// Validates the request: a required range of at most 400 days, known filters.
    static func validate(_ request: GetDashboardRequest) throws(RPCError) -> (InsightsRange, InsightsFilter) {
        let range = try InsightsRange(fromMs: request.fromMs, toMs: request.toMs)
        let filter = try InsightsFilter(
            companyId: request.companyId, product: request.product,
            sourcePlatform: request.sourcePlatform, targetPlatform: request.targetPlatform)
        return (range, filter)
    }

    /// The rollup plan: no query reads more of `syncs` than the partial days.
    static func rollupPlan(_ request: GetDashboardRequest) throws(RPCError) -> DashboardRollupPlan {
        let (range, filter) = try validate(request)
        let (filterSQL, filterArguments) = filter.sql()
        var syncCounts: [SQLQuery] = []
        var itemCounts: [SQLQuery] = []
        // Without a company filter, the company-less rollups (0006) hold the same sums in far fewer rows.
        let suffix = filter.companyId == nil ? "_global" : ""
        if !range.wholeDays.isEmpty {
            let days: [SQLValue] = [.integer(range.wholeDays.lowerBound), .integer(range.wholeDays.upperBound)]
            syncCounts.append(SQLQuery("""
                SELECT day, status_code, sum(syncs) FROM rollup_syncs\(suffix)
                WHERE day >= ? AND day < ?\(filterSQL) GROUP BY day, status_code
                """, days + filterArguments))
            itemCounts.append(SQLQuery("""
                SELECT data_type, status, sum(items) FROM rollup_items\(suffix)
                WHERE day >= ? AND day < ?\(filterSQL) GROUP BY data_type, status
                """, days + filterArguments))
        }
        for edge in range.edges {
            let bounds: [SQLValue] = [.integer(edge.lowerBound), .integer(edge.upperBound)]
            syncCounts.append(SQLQuery("""
                SELECT started_at / \(Limits.millisecondsPerDay), status_code, count(*) FROM syncs
                WHERE started_at >= ? AND started_at < ?\(filterSQL) GROUP BY 1, 2
                """, bounds + filterArguments))
            itemCounts.append(SQLQuery("""
                SELECT data_type, status, count(*) FROM push_items
                WHERE sync_ref IN (SELECT id FROM syncs WHERE started_at >= ? AND started_at < ?\(filterSQL))
                GROUP BY data_type, status
                """, bounds + filterArguments))
        }
        return DashboardRollupPlan(range: range, filter: filter, syncCounts: syncCounts, itemCounts: itemCounts)
    }

    /// The full-scan plan: aggregates over every sync in the range.
    static func plan(_ request: GetDashboardRequest) throws(RPCError) -> DashboardPlan {
        let (range, insightsFilter) = try validate(request)
        var filter = SyncFilter(startedFrom: range.fromMs, startedTo: range.toMs)
        filter.companyId = insightsFilter.companyId
        filter.product = insightsFilter.product
        filter.sourcePlatform = insightsFilter.sourcePlatform
        filter.targetPlatform = insightsFilter.targetPlatform
        let (conditions, arguments) = SyncQueryPlanner.conditions(for: filter)
        let whereClause = conditions.joined(separator: " AND ")
        return DashboardPlan(
            fromMs: request.fromMs,
            toMs: request.toMs,
            byStatusCode: SQLQuery(
                "SELECT status_code, count(*) FROM syncs WHERE \(whereClause) GROUP BY status_code ORDER BY status_code",
                arguments),
            byDay: SQLQuery("""
                SELECT started_at / \(Limits.millisecondsPerDay) AS day, category, count(*)
                FROM syncs WHERE \(whereClause) GROUP BY day, category
                """, arguments),
            items: SQLQuery("""
                SELECT coalesce(sum(items_total), 0), coalesce(sum(items_pending), 0),
                       coalesce(sum(items_succeeded), 0), coalesce(sum(items_failed), 0),
                       coalesce(sum(items_timed_out), 0)
                FROM syncs WHERE \(whereClause)
                """, arguments),
            itemsByDataType: SQLQuery("""
                SELECT data_type, count(*), sum(CASE WHEN status = 1 THEN 1 ELSE 0 END), sum(CASE WHEN status = 2 THEN 1 ELSE 0 END), sum(CASE WHEN status = 3 THEN 1 ELSE 0 END), sum(CASE WHEN status = 4 THEN 1 ELSE 0 END)
                FROM push_items WHERE sync_ref IN (SELECT id FROM syncs WHERE \(whereClause))
                GROUP BY data_type ORDER BY data_type
                """, arguments))
    }
}
