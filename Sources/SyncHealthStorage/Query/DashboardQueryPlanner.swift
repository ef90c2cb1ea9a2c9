import SyncHealthWire

/// A planned dashboard: the shared filter and the aggregate queries.
struct DashboardPlan: Sendable {
    var fromMs: Int64
    var toMs: Int64
    var byStatusCode: SQLQuery
    var byDay: SQLQuery
    var items: SQLQuery
    var itemsByDataType: SQLQuery

    /// Midnight UTC of every day the range touches, in order.
    var dayStarts: [Int64] {
        let day = Limits.millisecondsPerDay
        return Array(stride(from: fromMs / day, through: (toMs - 1) / day, by: 1)).map { $0 * day }
    }
}

/// Turns GetDashboard requests into aggregate SQL. Pure.
enum DashboardQueryPlanner {
    static func plan(_ request: GetDashboardRequest) throws(RPCError) -> DashboardPlan {
        if request.fromMs <= 0 || request.toMs <= 0 {
            throw .invalidArgument("from_ms and to_ms are required (greater than 0)")
        }
        if request.toMs <= request.fromMs {
            throw .invalidArgument("to_ms must be after from_ms")
        }
        let maxRange = Limits.maxDashboardRangeDays * Limits.millisecondsPerDay
        if request.toMs - request.fromMs > maxRange {
            throw .invalidArgument("the range must be at most \(Limits.maxDashboardRangeDays) days")
        }
        var filter = SyncFilter(startedFrom: request.fromMs, startedTo: request.toMs)
        if !request.companyId.isEmpty {
            try FieldRules.identifier(request.companyId, "company_id")
            filter.companyId = request.companyId
        }
        switch request.product {
        case .unspecified: break
        case .commerce, .expenses: filter.product = Int64(request.product.rawValue)
        case .unrecognized(let value): throw .invalidArgument("product \(value) is not known")
        }
        if !request.sourcePlatform.isEmpty {
            try FieldRules.key(request.sourcePlatform, "source_platform", maxBytes: Limits.maxPlatformKeyBytes)
            filter.sourcePlatform = request.sourcePlatform
        }
        if !request.targetPlatform.isEmpty {
            try FieldRules.key(request.targetPlatform, "target_platform", maxBytes: Limits.maxPlatformKeyBytes)
            filter.targetPlatform = request.targetPlatform
        }
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
                SELECT data_type, count(*), sum(status = 1), sum(status = 2), sum(status = 3), sum(status = 4)
                FROM push_items WHERE sync_ref IN (SELECT id FROM syncs WHERE \(whereClause))
                GROUP BY data_type ORDER BY data_type
                """, arguments))
    }
}
