import SyncHealthStorage
import SyncHealthWire

/// A validated ListErrorGroups request.
struct ErrorGroupListPlan: Sendable {
    var range: InsightsRange
    var filter: InsightsFilter
    var pageSize: Int
    /// Where the previous page ended: (count, group_id).
    var cursor: PageCursor?
    var fingerprint: [UInt8]

    /// The token for the page after one that ended with `last`.
    func nextPageToken(after last: ErrorGroup) -> String {
        PageToken.encode(
            PageCursor(key: .integer(last.count), tiebreak: last.groupId), kind: .errorGroups, fingerprint: fingerprint)
    }
}

/// Error group SQL: totals per group over a range, and one group's details.
/// Whole days are read from `rollup_error_groups`, the partial days at the
/// ends from `sync_error_groups`. Pure.
enum ErrorGroupQueryPlanner {
    /// Groups listed by the dashboard.
    static let dashboardGroups = 5
    /// Example syncs per group.
    static let exampleSyncs = 5
    /// Target platforms per group.
    static let topTargets = 3

    static func plan(_ request: ListErrorGroupsRequest) throws(RPCError) -> ErrorGroupListPlan {
        let range = try InsightsRange(
            fromMs: request.startedFromMs, toMs: request.startedToMs,
            fromField: "started_from_ms", toField: "started_to_ms")
        let filter = try InsightsFilter(
            companyId: request.companyId, product: request.product,
            sourcePlatform: request.sourcePlatform, targetPlatform: request.targetPlatform)
        let pageSize = try FieldRules.pageSize(request.pageSize)
        var fingerprint = FilterFingerprint(kind: .errorGroups)
        fingerprint.add(range.fromMs)
        fingerprint.add(range.toMs)
        filter.add(to: &fingerprint)
        var cursor: PageCursor?
        if !request.pageToken.isEmpty {
            let decoded = try PageToken.decode(request.pageToken, kind: .errorGroups, fingerprint: fingerprint.bytes)
            guard case .integer = decoded.key else { throw PageToken.invalid }
            cursor = decoded
        }
        return ErrorGroupListPlan(
            range: range, filter: filter, pageSize: pageSize, cursor: cursor, fingerprint: fingerprint.bytes)
    }

    /// Rows of (group_id, occurrences, item_occurrences, syncs) whose sums
    /// per group are the group's totals.
    static func totals(_ range: InsightsRange, _ filter: InsightsFilter) -> [SQLQuery] {
        let (filterSQL, filterArguments) = filter.sql()
        var queries: [SQLQuery] = []
        if !range.wholeDays.isEmpty {
            queries.append(SQLQuery("""
                SELECT group_id, sum(occurrences), sum(item_occurrences), sum(syncs) FROM \(rollupTable(filter))
                WHERE day >= ? AND day < ?\(filterSQL) GROUP BY group_id
                """, [.integer(range.wholeDays.lowerBound), .integer(range.wholeDays.upperBound)] + filterArguments))
        }
        for edge in range.edges {
            queries.append(SQLQuery("""
                SELECT group_id, sum(sync_errors + item_errors), sum(item_errors), count(*) FROM sync_error_groups
                WHERE started_at >= ? AND started_at < ?\(filterSQL) GROUP BY group_id
                """, [.integer(edge.lowerBound), .integer(edge.upperBound)] + filterArguments))
        }
        return queries
    }

    /// The group rollup to read whole days from: without a company filter,
    /// the company-less one (0006), which has far fewer rows.
    static func rollupTable(_ filter: InsightsFilter) -> String {
        filter.companyId == nil ? "rollup_error_groups_global" : "rollup_error_groups"
    }

    /// Rows of (target_platform, occurrences) of one group.
    static func targets(_ groupId: String, _ range: InsightsRange, _ filter: InsightsFilter) -> [SQLQuery] {
        let (filterSQL, filterArguments) = filter.sql()
        var queries: [SQLQuery] = []
        if !range.wholeDays.isEmpty {
            queries.append(SQLQuery("""
                SELECT target_platform, sum(occurrences) FROM \(rollupTable(filter))
                WHERE group_id = ? AND day >= ? AND day < ?\(filterSQL) GROUP BY target_platform
                """, [.text(groupId), .integer(range.wholeDays.lowerBound), .integer(range.wholeDays.upperBound)]
                    + filterArguments))
        }
        for edge in range.edges {
            queries.append(SQLQuery("""
                SELECT target_platform, sum(sync_errors + item_errors) FROM sync_error_groups
                WHERE group_id = ? AND started_at >= ? AND started_at < ?\(filterSQL)
                GROUP BY target_platform
                """, [.text(groupId), .integer(edge.lowerBound), .integer(edge.upperBound)] + filterArguments))
        }
        return queries
    }

    /// One row: the number of distinct companies with an occurrence of the
    /// group in the range, exact: whole days from the per-company rollup
    /// (through `rollup_error_groups_by_group`, which covers it), partial
    /// days from `sync_error_groups`, counted once each.
    static func companiesAffected(_ groupId: String, _ range: InsightsRange, _ filter: InsightsFilter) -> SQLQuery {
        let (filterSQL, filterArguments) = filter.sql()
        var parts: [String] = []
        var arguments: [SQLValue] = []
        if !range.wholeDays.isEmpty {
            parts.append("""
                SELECT company_id FROM rollup_error_groups
                WHERE group_id = ? AND day >= ? AND day < ?\(filterSQL)
                """)
            arguments += [.text(groupId), .integer(range.wholeDays.lowerBound), .integer(range.wholeDays.upperBound)]
                + filterArguments
        }
        for edge in range.edges {
            parts.append("""
                SELECT company_id FROM sync_error_groups
                WHERE group_id = ? AND started_at >= ? AND started_at < ?\(filterSQL)
                """)
            arguments += [.text(groupId), .integer(edge.lowerBound), .integer(edge.upperBound)] + filterArguments
        }
        guard !parts.isEmpty else { return SQLQuery("SELECT 0", []) }
        // count(DISTINCT) over UNION ALL rather than count(*) over UNION: the
        // latter is not reliably de-duplicated by this SQLite (count-of-view).
        return SQLQuery(
            "SELECT count(DISTINCT company_id) FROM (\(parts.joined(separator: " UNION ALL "))) AS occurrences", arguments)
    }

    /// Rows of (sync_id, started_at) of one group's syncs in the range,
    /// newest first (ties by sync id, descending), at most `limit`.
    static func latestSyncs(_ groupId: String, _ range: InsightsRange, _ filter: InsightsFilter, limit: Int) -> SQLQuery {
        let (filterSQL, filterArguments) = filter.sql()
        return SQLQuery("""
            SELECT sync_id, started_at FROM sync_error_groups
            WHERE group_id = ? AND started_at >= ? AND started_at < ?\(filterSQL)
            ORDER BY started_at DESC, sync_id DESC LIMIT ?
            """, [.text(groupId), .integer(range.fromMs), .integer(range.toMs)] + filterArguments + [.integer(Int64(limit))])
    }

    /// The start time of one group's earliest sync in the range.
    static func firstSeen(_ groupId: String, _ range: InsightsRange, _ filter: InsightsFilter) -> SQLQuery {
        let (filterSQL, filterArguments) = filter.sql()
        return SQLQuery("""
            SELECT started_at FROM sync_error_groups
            WHERE group_id = ? AND started_at >= ? AND started_at < ?\(filterSQL)
            ORDER BY started_at ASC LIMIT 1
            """, [.text(groupId), .integer(range.fromMs), .integer(range.toMs)] + filterArguments)
    }
}
