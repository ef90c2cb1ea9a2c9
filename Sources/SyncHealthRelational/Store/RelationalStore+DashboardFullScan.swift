import SyncHealthStorage
import SyncHealthWire

extension RelationalStore {
    /// GetDashboard the slow way: plain aggregates over every sync and item
    /// in the range, and error groups fingerprinted from the rows
    /// (`errorGroupsFullScan`), read in one snapshot. The original
    /// implementation, kept as the reference `getDashboard` must equal.
    func getDashboardFullScan(_ request: GetDashboardRequest) throws(RPCError) -> GetDashboardResponse {
        let plan = try DashboardQueryPlanner.plan(request)
        let (range, filter) = try DashboardQueryPlanner.validate(request)
        return try guarded {
            try read { connection in
                let byStatus = try connection.all(plan.byStatusCode) { row in
                    StatusCodeCount(
                        statusCode: SyncStatusCode(rawValue: Int32(truncatingIfNeeded: row.int64(0))),
                        count: row.int64(1))
                }
                var byCategory: [StatusCategory: Int64] = [:]
                for entry in byStatus {
                    byCategory[entry.statusCode.category, default: 0] += entry.count
                }
                let succeeded = byCategory[.success, default: 0]
                let failed = byCategory[.failed, default: 0]

                var buckets: [Int64: DailyBucket] = [:]
                for dayStart in plan.dayStarts {
                    buckets[dayStart] = DailyBucket(dayStartMs: dayStart)
                }
                for (day, category, count) in try connection.all(plan.byDay, { ($0.int64(0), $0.int64(1), $0.int64(2)) }) {
                    let dayStart = day * Limits.millisecondsPerDay
                    var bucket = buckets[dayStart] ?? DailyBucket(dayStartMs: dayStart)
                    switch StatusCategory(rawValue: Int32(truncatingIfNeeded: category)) {
                    case .inProgress: bucket.inProgress += count
                    case .success: bucket.succeeded += count
                    case .failed: bucket.failed += count
                    case .unspecified, .unrecognized: break
                    }
                    buckets[dayStart] = bucket
                }
                let items = try connection.all(plan.items) { row in
                    ItemCounts(
                        total: row.int64(0), pending: row.int64(1), succeeded: row.int64(2),
                        failed: row.int64(3), timedOut: row.int64(4))
                }.first ?? ItemCounts()

                return GetDashboardResponse(
                    totalSyncs: byStatus.reduce(0) { $0 + $1.count },
                    byCategory: StatusCategory.displayOrder.map {
                        CategoryCount(category: $0, count: byCategory[$0, default: 0])
                    },
                    byStatusCode: byStatus,
                    successRate: succeeded + failed == 0 ? 0 : Double(succeeded) / Double(succeeded + failed),
                    days: buckets.values.sorted { $0.dayStartMs < $1.dayStartMs },
                    items: items,
                    itemsByDataType: try connection.all(plan.itemsByDataType, Self.dataTypeCounts),
                    topErrorGroups: Array(try Self.errorGroupsFullScan(range, filter, on: connection)
                        .prefix(ErrorGroupQueryPlanner.dashboardGroups)))
            }
        }
    }
}
