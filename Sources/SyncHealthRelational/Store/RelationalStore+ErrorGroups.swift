import SyncHealthStorage
public import SyncHealthWire

/// One group's totals over a range, before its details are read.
struct ErrorGroupTotal: Equatable, Sendable {
    var groupId: String
    var count: Int64
    var itemOccurrences: Int64
    var syncs: Int64

    /// Most occurrences first, then group id: the order groups are listed in.
    static func ranked(_ a: ErrorGroupTotal, _ b: ErrorGroupTotal) -> Bool {
        a.count != b.count ? a.count > b.count : a.groupId < b.groupId
    }
}

extension RelationalStore {
    /// See `SyncStore.listErrorGroups`. Read in one snapshot from the
    /// rollups (whole days) and `sync_error_groups` (partial days); never
    /// from `syncs`.
    public func listErrorGroups(_ request: ListErrorGroupsRequest) throws(RPCError) -> ListErrorGroupsResponse {
        let plan = try ErrorGroupQueryPlanner.plan(request)
        return try guarded {
            try read { connection in
                var ranked = try Self.rankedErrorGroups(plan.range, plan.filter, on: connection)
                if let cursor = plan.cursor, case .integer(let count) = cursor.key {
                    ranked.removeAll { total in
                        total.count > count || (total.count == count && total.groupId <= cursor.tiebreak)
                    }
                }
                let page = ranked.prefix(plan.pageSize)
                let groups = try page.map { try Self.describe($0, plan.range, plan.filter, on: connection) }
                var token = ""
                if ranked.count > plan.pageSize, let last = groups.last {
                    token = plan.nextPageToken(after: last)
                }
                return ListErrorGroupsResponse(groups: groups, nextPageToken: token)
            }
        }
    }

    /// The first `limit` groups of a range, described: the dashboard's top groups.
    static func topErrorGroups(
        _ range: InsightsRange, _ filter: InsightsFilter, limit: Int, on connection: any SQLConnection
    ) throws -> [ErrorGroup] {
        try rankedErrorGroups(range, filter, on: connection).prefix(limit).map {
            try describe($0, range, filter, on: connection)
        }
    }

    /// Every group with an occurrence in the range, in list order.
    static func rankedErrorGroups(
        _ range: InsightsRange, _ filter: InsightsFilter, on connection: any SQLConnection
    ) throws -> [ErrorGroupTotal] {
        var totals: [String: ErrorGroupTotal] = [:]
        for query in ErrorGroupQueryPlanner.totals(range, filter) {
            for row in try connection.all(query, { row in
                ErrorGroupTotal(groupId: row.text(0), count: row.int64(1), itemOccurrences: row.int64(2), syncs: row.int64(3))
            }) {
                var total = totals[row.groupId] ?? ErrorGroupTotal(groupId: row.groupId, count: 0, itemOccurrences: 0, syncs: 0)
                total.count += row.count
                total.itemOccurrences += row.itemOccurrences
                total.syncs += row.syncs
                totals[row.groupId] = total
            }
        }
        return totals.values.filter { $0.count > 0 }.sorted(by: ErrorGroupTotal.ranked)
    }

    /// A group's details within the range and filters.
    static func describe(
        _ total: ErrorGroupTotal, _ range: InsightsRange, _ filter: InsightsFilter, on connection: any SQLConnection
    ) throws -> ErrorGroup {
        let registered = try connection.first(
            "SELECT fingerprint, example_message FROM error_groups WHERE group_id = ?",
            [.text(total.groupId)]) { ($0.text(0), $0.text(1)) }
        var targets: [String: Int64] = [:]
        for query in ErrorGroupQueryPlanner.targets(total.groupId, range, filter) {
            for (target, count) in try connection.all(query, { ($0.text(0), $0.int64(1)) }) {
                targets[target, default: 0] += count
            }
        }
        let companiesQuery = ErrorGroupQueryPlanner.companiesAffected(total.groupId, range, filter)
        let companies = try connection.first(companiesQuery.sql, companiesQuery.arguments) { $0.int64(0) } ?? 0
        let latest = try connection.all(
            ErrorGroupQueryPlanner.latestSyncs(total.groupId, range, filter, limit: ErrorGroupQueryPlanner.exampleSyncs)
        ) { ($0.text(0), $0.int64(1)) }
        let firstSeenQuery = ErrorGroupQueryPlanner.firstSeen(total.groupId, range, filter)
        let firstSeen = try connection.first(firstSeenQuery.sql, firstSeenQuery.arguments) { $0.int64(0) } ?? 0
        return ErrorGroup(
            groupId: total.groupId,
            fingerprint: registered?.0 ?? "",
            count: total.count,
            firstSeenMs: firstSeen,
            lastSeenMs: latest.first?.1 ?? 0,
            companiesAffected: companies,
            exampleMessage: registered?.1 ?? "",
            exampleSyncIds: latest.map(\.0),
            syncsAffected: total.syncs,
            itemOccurrences: total.itemOccurrences,
            topTargetPlatforms: topPlatforms(targets, limit: ErrorGroupQueryPlanner.topTargets))
    }

    /// The `limit` platforms with the most occurrences, ties by name.
    static func topPlatforms(_ counts: [String: Int64], limit: Int) -> [PlatformCount] {
        counts.filter { $0.value > 0 }
            .map { PlatformCount(platform: $0.key, count: $0.value) }
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0.platform < $1.platform }
            .prefix(limit)
            .map { $0 }
    }
}
