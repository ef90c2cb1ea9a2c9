import SyncHealthStorage
import SyncHealthConcurrency

/// The error groups of one sync: which occurrences it has now, and which the
/// rollups hold (`sync_error_groups`).
///
/// What counts: every message of the sync's `error_messages` (each one an
/// occurrence), and every push item whose current status is FAILED or
/// TIMED_OUT, by its current error message. Blank messages have no group.
/// An item fixed by a retry no longer counts: groups describe the errors
/// that stand, the attempt history keeps the past.
enum SyncErrorGroups {
    /// A new group seen while computing a sync's occurrences.
    struct Seen {
        var fingerprint: ErrorFingerprint
        var example: String
    }

    /// The sync's occurrences by group id now. `storedItemErrors`, when
    /// given, stands for the item part (its items did not change); otherwise
    /// the items are read.
    static func current(
        _ syncRowID: Int64, syncErrors: [String], storedItemErrors: [String: Int64]?, on connection: any SQLConnection
    ) throws -> (occurrences: [String: GroupOccurrences], seen: [String: Seen]) {
        var occurrences: [String: GroupOccurrences] = [:]
        var seen: [String: Seen] = [:]
        for message in syncErrors {
            guard let fingerprint = FingerprintCache.shared.fingerprint(message) else { continue }
            occurrences[fingerprint.groupId, default: GroupOccurrences()].syncErrors += 1
            if seen[fingerprint.groupId] == nil { seen[fingerprint.groupId] = Seen(fingerprint: fingerprint, example: message) }
        }
        if let storedItemErrors {
            for (groupId, count) in storedItemErrors where count > 0 {
                occurrences[groupId, default: GroupOccurrences()].itemErrors += count
            }
        } else {
            for (message, count) in try connection.all("""
                SELECT error_message, count(*) FROM push_items
                WHERE sync_ref = ? AND status IN (3, 4) AND error_message <> ''
                GROUP BY error_message
                """, [.integer(syncRowID)], { ($0.text(0), $0.int64(1)) }) {
                guard let fingerprint = FingerprintCache.shared.fingerprint(message) else { continue }
                occurrences[fingerprint.groupId, default: GroupOccurrences()].itemErrors += count
                if seen[fingerprint.groupId] == nil { seen[fingerprint.groupId] = Seen(fingerprint: fingerprint, example: message) }
            }
        }
        return (occurrences, seen)
    }

    /// What `sync_error_groups` holds for the sync.
    static func stored(_ syncRowID: Int64, on connection: any SQLConnection) throws -> [String: GroupOccurrences] {
        var occurrences: [String: GroupOccurrences] = [:]
        for (groupId, value) in try connection.all(
            "SELECT group_id, sync_errors, item_errors FROM sync_error_groups WHERE sync_ref = ?",
            [.integer(syncRowID)], { ($0.text(0), GroupOccurrences(syncErrors: $0.int64(1), itemErrors: $0.int64(2))) }) {
            occurrences[groupId] = value
        }
        return occurrences
    }

    /// Registers groups not seen before, with the message that produced them.
    /// Returns the groups that were not there before (alerts on new groups).
    @discardableResult
    static func register(_ seen: [String: Seen], now: Int64, on connection: any SQLConnection) throws -> [String: Seen] {
        var created: [String: Seen] = [:]
        for (groupId, group) in seen {
            let inserted = try connection.run("""
                INSERT INTO error_groups (group_id, fingerprint, example_message, created_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (group_id) DO NOTHING
                """, [.text(groupId), .text(group.fingerprint.text), .text(group.example), .integer(now)])
            if inserted > 0 { created[groupId] = group }
        }
        return created
    }

    /// Makes `sync_error_groups` hold `new` for the sync, with its current
    /// filter columns (rewritten everywhere when `factsChanged`).
    static func store(
        _ syncRowID: Int64, syncId: String, facts: SyncFacts, factsChanged: Bool,
        old: [String: GroupOccurrences], new: [String: GroupOccurrences], on connection: any SQLConnection
    ) throws {
        for (groupId, _) in old where new[groupId] == nil {
            try connection.run(
                "DELETE FROM sync_error_groups WHERE sync_ref = ? AND group_id = ?",
                [.integer(syncRowID), .text(groupId)])
        }
        for (groupId, value) in new where factsChanged || old[groupId] != value {
            try connection.run("""
                INSERT INTO sync_error_groups (
                    sync_ref, group_id, sync_errors, item_errors, sync_id, started_at, company_id, product,
                    source_platform, target_platform)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (sync_ref, group_id) DO UPDATE SET
                    sync_errors = excluded.sync_errors, item_errors = excluded.item_errors,
                    started_at = excluded.started_at, company_id = excluded.company_id,
                    product = excluded.product, source_platform = excluded.source_platform,
                    target_platform = excluded.target_platform
                """, [
                    .integer(syncRowID), .text(groupId), .integer(value.syncErrors), .integer(value.itemErrors),
                    .text(syncId), .integer(facts.startedAt), .text(facts.bucket.companyId),
                    .integer(facts.bucket.product), .text(facts.bucket.sourcePlatform),
                    .text(facts.bucket.targetPlatform),
                ])
        }
    }
}

