import SyncHealthStorage
import SyncHealthWire

extension RelationalStore {
    /// Error groups the slow way: every sync in the range is read, and its
    /// error messages and failed items fingerprinted afresh (no cache, no
    /// rollup, no `sync_error_groups`). Only `error_groups` is read, for the
    /// example message. The reference ListErrorGroups and the dashboard's
    /// top groups must equal; in list order, unpaged.
    static func errorGroupsFullScan(
        _ range: InsightsRange, _ filter: InsightsFilter, on connection: any SQLConnection
    ) throws -> [ErrorGroup] {
        var groups: [String: ErrorGroupAccumulator] = [:]
        let (filterSQL, filterArguments) = filter.sql()
        let syncs = try connection.all("""
            SELECT id, sync_id, started_at, company_id, target_platform, error_messages FROM syncs
            WHERE started_at >= ? AND started_at < ?\(filterSQL)
            """, [.integer(range.fromMs), .integer(range.toMs)] + filterArguments) { row in
            (rowID: row.int64(0), syncId: row.text(1), startedAt: row.int64(2), company: row.text(3),
             target: row.text(4), errors: StringListCodec.decode(row.blob(5)))
        }
        for sync in syncs {
            let itemErrors = try connection.all(
                "SELECT error_message FROM push_items WHERE sync_ref = ? AND status IN (3, 4)",
                [.integer(sync.rowID)]) { $0.text(0) }
            var occurrences: [String: GroupOccurrences] = [:]
            for message in sync.errors {
                if let fingerprint = ErrorFingerprint(message: message) {
                    occurrences[fingerprint.groupId, default: GroupOccurrences()].syncErrors += 1
                }
            }
            for message in itemErrors {
                if let fingerprint = ErrorFingerprint(message: message) {
                    occurrences[fingerprint.groupId, default: GroupOccurrences()].itemErrors += 1
                }
            }
            for (groupId, found) in occurrences {
                var group = groups[groupId] ?? ErrorGroupAccumulator(
                    total: ErrorGroupTotal(groupId: groupId, count: 0, itemOccurrences: 0, syncs: 0))
                group.total.count += found.total
                group.total.itemOccurrences += found.itemErrors
                group.total.syncs += 1
                group.companies.insert(sync.company)
                group.targets[sync.target, default: 0] += found.total
                group.syncs.append((sync.startedAt, sync.syncId))
                groups[groupId] = group
            }
        }
        return try groups.values.sorted { ErrorGroupTotal.ranked($0.total, $1.total) }.map { group in
            let registered = try connection.first(
                "SELECT fingerprint, example_message FROM error_groups WHERE group_id = ?",
                [.text(group.total.groupId)]) { ($0.text(0), $0.text(1)) }
            // Newest first, ties by sync id descending in SQLite's byte order.
            let newest = group.syncs.sorted {
                $0.startedAt != $1.startedAt ? $0.startedAt > $1.startedAt
                    : $1.syncId.utf8.lexicographicallyPrecedes($0.syncId.utf8)
            }
            return ErrorGroup(
                groupId: group.total.groupId,
                fingerprint: registered?.0 ?? "",
                count: group.total.count,
                firstSeenMs: group.syncs.map(\.startedAt).min() ?? 0,
                lastSeenMs: group.syncs.map(\.startedAt).max() ?? 0,
                companiesAffected: Int64(group.companies.count),
                exampleMessage: registered?.1 ?? "",
                exampleSyncIds: newest.prefix(ErrorGroupQueryPlanner.exampleSyncs).map(\.syncId),
                syncsAffected: group.total.syncs,
                itemOccurrences: group.total.itemOccurrences,
                topTargetPlatforms: topPlatforms(group.targets, limit: ErrorGroupQueryPlanner.topTargets))
        }
    }
}

/// One group's totals while `errorGroupsFullScan` reads the syncs.
struct ErrorGroupAccumulator {
    var total: ErrorGroupTotal
    var companies: Set<String> = []
    var targets: [String: Int64] = [:]
    var syncs: [(startedAt: Int64, syncId: String)] = []
}
