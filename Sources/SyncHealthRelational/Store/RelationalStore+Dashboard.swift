import SyncHealthStorage
public import SyncHealthWire

extension RelationalStore {
    /// See `SyncStore.getDashboard`. Read in one snapshot from the daily
    /// rollups for the whole UTC days of the range, and from the rows for
    /// the partial days at its ends (less than a day each, through the
    /// start-time indexes), so the cost follows the number of days and
    /// companies, not of syncs. The answer equals `getDashboardFullScan`:
    /// `by_category` always lists the three categories; `by_status_code`
    /// lists codes that occur, by code; `days` has one bucket for every UTC
    /// day the range touches, empty days included; `items_by_data_type`
    /// lists data types that occur, by name; `top_error_groups` is the first
    /// page of ListErrorGroups for the same range and filters, five long.
    public func getDashboard(_ request: GetDashboardRequest) throws(RPCError) -> GetDashboardResponse {
        let plan = try DashboardQueryPlanner.rollupPlan(request)
        return try guarded {
            try read { connection in
                var syncCounts: [DayStatus: Int64] = [:]
                for query in plan.syncCounts {
                    for (day, status, count) in try connection.all(query, { ($0.int64(0), $0.int64(1), $0.int64(2)) }) {
                        syncCounts[DayStatus(day: day, statusCode: status), default: 0] += count
                    }
                }
                var itemCounts: [ItemKey: Int64] = [:]
                for query in plan.itemCounts {
                    for (dataType, status, count) in try connection.all(query, { ($0.text(0), $0.int64(1), $0.int64(2)) }) {
                        itemCounts[ItemKey(dataType: dataType, status: status), default: 0] += count
                    }
                }
                var response = DashboardAssembly.response(
                    dayStarts: plan.range.dayStarts, syncCounts: syncCounts, itemCounts: itemCounts)
                response.topErrorGroups = try Self.topErrorGroups(
                    plan.range, plan.filter, limit: ErrorGroupQueryPlanner.dashboardGroups, on: connection)
                return response
            }
        }
    }
}

/// One cell of the dashboard's sync counts.
struct DayStatus: Hashable {
    var day: Int64
    var statusCode: Int64
}

/// Builds a dashboard answer from summed counts. Pure.
enum DashboardAssembly {
    static func response(
        dayStarts: [Int64], syncCounts: [DayStatus: Int64], itemCounts: [ItemKey: Int64]
    ) -> GetDashboardResponse {
        var byCode: [Int64: Int64] = [:]
        var buckets: [Int64: DailyBucket] = [:]
        for dayStart in dayStarts {
            buckets[dayStart] = DailyBucket(dayStartMs: dayStart)
        }
        for (cell, count) in syncCounts where count != 0 {
            byCode[cell.statusCode, default: 0] += count
            let dayStart = cell.day * Limits.millisecondsPerDay
            var bucket = buckets[dayStart] ?? DailyBucket(dayStartMs: dayStart)
            switch SyncStatusCode(rawValue: Int32(truncatingIfNeeded: cell.statusCode)).category {
            case .inProgress: bucket.inProgress += count
            case .success: bucket.succeeded += count
            case .failed: bucket.failed += count
            case .unspecified, .unrecognized: break
            }
            buckets[dayStart] = bucket
        }
        let byStatus = byCode.filter { $0.value != 0 }.sorted { $0.key < $1.key }.map {
            StatusCodeCount(statusCode: SyncStatusCode(rawValue: Int32(truncatingIfNeeded: $0.key)), count: $0.value)
        }
        var byCategory: [StatusCategory: Int64] = [:]
        for entry in byStatus {
            byCategory[entry.statusCode.category, default: 0] += entry.count
        }
        let succeeded = byCategory[.success, default: 0]
        let failed = byCategory[.failed, default: 0]

        var items = ItemCounts()
        var byType: [String: ItemCounts] = [:]
        for (key, count) in itemCounts where count != 0 {
            var counts = byType[key.dataType] ?? ItemCounts()
            add(count, status: key.status, to: &counts)
            add(count, status: key.status, to: &items)
            byType[key.dataType] = counts
        }
        return GetDashboardResponse(
            totalSyncs: byStatus.reduce(0) { $0 + $1.count },
            byCategory: StatusCategory.displayOrder.map { CategoryCount(category: $0, count: byCategory[$0, default: 0]) },
            byStatusCode: byStatus,
            successRate: succeeded + failed == 0 ? 0 : Double(succeeded) / Double(succeeded + failed),
            days: buckets.values.sorted { $0.dayStartMs < $1.dayStartMs },
            items: items,
            itemsByDataType: byType.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }.map {
                DataTypeCounts(dataType: $0.key, counts: $0.value)
            })
    }

    /// Adds `count` items of `status` (a PushItemStatus number) to `counts`.
    static func add(_ count: Int64, status: Int64, to counts: inout ItemCounts) {
        counts.total += count
        switch PushItemStatus(rawValue: Int32(truncatingIfNeeded: status)) {
        case .pending: counts.pending += count
        case .success: counts.succeeded += count
        case .failed: counts.failed += count
        case .timedOut: counts.timedOut += count
        case .unspecified, .unrecognized: break
        }
    }
}
