import SyncHealthStorage
import SyncHealthWire

extension RollupBucket {
    /// The bucket's columns as statement arguments, in the order
    /// `day, company_id, product, source_platform, target_platform`.
    var arguments: [SQLValue] {
        [.integer(day), .text(companyId), .integer(product), .text(sourcePlatform), .text(targetPlatform)]
    }

}

/// Reads a sync's facts from `syncs` (now) or from `sync_rollup_keys` (what
/// the rollups hold).
extension SyncFacts {
    /// The sync as it is now, with its id and reported error messages; nil
    /// when there is no such row.
    static func current(_ syncRowID: Int64, on connection: any SQLConnection) throws -> (facts: SyncFacts, syncId: String, errors: [String])? {
        try connection.first("""
            SELECT started_at, company_id, product, source_platform, target_platform, status_code,
                   sync_id, error_messages
            FROM syncs WHERE id = ?
            """, [.integer(syncRowID)]) { row in
            (facts: SyncFacts(
                bucket: RollupBucket(
                    day: RollupBucket.day(of: row.int64(0)), companyId: row.text(1), product: row.int64(2),
                    sourcePlatform: row.text(3), targetPlatform: row.text(4)),
                statusCode: row.int64(5), startedAt: row.int64(0)),
             syncId: row.text(6), errors: StringListCodec.decode(row.blob(7)))
        }
    }

    /// What the rollups hold for the sync; nil before its first refresh.
    static func stored(_ syncRowID: Int64, on connection: any SQLConnection) throws -> SyncFacts? {
        try connection.first("""
            SELECT day, company_id, product, source_platform, target_platform, status_code, started_at
            FROM sync_rollup_keys WHERE sync_ref = ?
            """, [.integer(syncRowID)]) { row in
            SyncFacts(
                bucket: RollupBucket(
                    day: row.int64(0), companyId: row.text(1), product: row.int64(2),
                    sourcePlatform: row.text(3), targetPlatform: row.text(4)),
                statusCode: row.int64(5), startedAt: row.int64(6))
        }
    }

    /// Records these facts as what the rollups hold for the sync.
    func store(_ syncRowID: Int64, on connection: any SQLConnection) throws {
        try connection.run("""
            INSERT INTO sync_rollup_keys (
                sync_ref, day, company_id, product, source_platform, target_platform, status_code, started_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (sync_ref) DO UPDATE SET
                day = excluded.day, company_id = excluded.company_id, product = excluded.product,
                source_platform = excluded.source_platform, target_platform = excluded.target_platform,
                status_code = excluded.status_code, started_at = excluded.started_at
            """, [.integer(syncRowID)] + bucket.arguments + [.integer(statusCode), .integer(startedAt)])
    }
}

/// Item counts of one sync by (data type, status), from the rows.
extension ItemKey {
    /// The sync's items now, from `push_items`.
    static func current(_ syncRowID: Int64, on connection: any SQLConnection) throws -> [ItemKey: Int64] {
        var counts: [ItemKey: Int64] = [:]
        for (key, count) in try connection.all("""
            SELECT data_type, status, count(*) FROM push_items WHERE sync_ref = ? GROUP BY status, data_type
            """, [.integer(syncRowID)], { (ItemKey(dataType: $0.text(0), status: $0.int64(1)), $0.int64(2)) }) {
            counts[key] = count
        }
        return counts
    }

    /// What the rollups hold for the sync's items.
    static func stored(_ syncRowID: Int64, on connection: any SQLConnection) throws -> [ItemKey: Int64] {
        var counts: [ItemKey: Int64] = [:]
        for (key, count) in try connection.all(
            "SELECT data_type, status, items FROM sync_item_counts WHERE sync_ref = ?",
            [.integer(syncRowID)], { (ItemKey(dataType: $0.text(0), status: $0.int64(1)), $0.int64(2)) }) {
            counts[key] = count
        }
        return counts
    }

    /// Makes `sync_item_counts` hold `new` where it held `old`.
    static func store(_ syncRowID: Int64, old: [ItemKey: Int64], new: [ItemKey: Int64], on connection: any SQLConnection) throws {
        for (key, _) in old where new[key] == nil {
            try connection.run(
                "DELETE FROM sync_item_counts WHERE sync_ref = ? AND data_type = ? AND status = ?",
                [.integer(syncRowID), .text(key.dataType), .integer(key.status)])
        }
        for (key, count) in new where old[key] != count {
            try connection.run("""
                INSERT INTO sync_item_counts (sync_ref, data_type, status, items) VALUES (?, ?, ?, ?)
                ON CONFLICT (sync_ref, data_type, status) DO UPDATE SET items = excluded.items
                """, [.integer(syncRowID), .text(key.dataType), .integer(key.status), .integer(count)])
        }
    }
}
