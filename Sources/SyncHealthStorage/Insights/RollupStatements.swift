/// Adds to and subtracts from the daily rollup tables. A cell that reaches
/// zero is deleted, so the rollups hold exactly the cells a full scan would
/// find. A cell is updated in place when it exists and inserted otherwise;
/// the tables' `CHECK (... >= 0)` makes a subtraction from a cell that is not
/// there (a counting mistake) fail the write instead of going unnoticed.
/// (An upsert cannot be used: SQLite checks CHECK constraints on the row to
/// insert before it looks for the conflict.)
enum RollupStatements {
    /// `delta` syncs with `statusCode` in `bucket`.
    static func addSyncs(_ delta: Int64, bucket: RollupBucket, statusCode: Int64, on connection: Connection) throws {
        guard delta != 0 else { return }
        let key = bucket.arguments + [.integer(statusCode)]
        let match = """
            WHERE day = ? AND company_id = ? AND product = ? AND source_platform = ? AND target_platform = ?
            AND status_code = ?
            """
        try connection.run("UPDATE rollup_syncs SET syncs = syncs + ? \(match)", [.integer(delta)] + key)
        if connection.changes == 0 {
            try connection.run("""
                INSERT INTO rollup_syncs (day, company_id, product, source_platform, target_platform, status_code, syncs)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, key + [.integer(delta)])
        } else if delta < 0 {
            try connection.run("DELETE FROM rollup_syncs \(match) AND syncs = 0", key)
        }
    }

    /// `delta` items of `key` in `bucket`.
    static func addItems(_ delta: Int64, bucket: RollupBucket, key: ItemKey, on connection: Connection) throws {
        guard delta != 0 else { return }
        let cell = bucket.arguments + [.text(key.dataType), .integer(key.status)]
        let match = """
            WHERE day = ? AND company_id = ? AND product = ? AND source_platform = ? AND target_platform = ?
            AND data_type = ? AND status = ?
            """
        try connection.run("UPDATE rollup_items SET items = items + ? \(match)", [.integer(delta)] + cell)
        if connection.changes == 0 {
            try connection.run("""
                INSERT INTO rollup_items (
                    day, company_id, product, source_platform, target_platform, data_type, status, items)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, cell + [.integer(delta)])
        } else if delta < 0 {
            try connection.run("DELETE FROM rollup_items \(match) AND items = 0", cell)
        }
    }

    /// One sync's occurrences of a group, added (`sign` 1) to or removed
    /// (`sign` -1) from `bucket`; the sync counts once in `syncs`.
    static func addGroup(
        _ sign: Int64, _ occurrences: GroupOccurrences, groupId: String, bucket: RollupBucket, on connection: Connection
    ) throws {
        try addGroupDelta(
            occurrences: sign * occurrences.total, itemOccurrences: sign * occurrences.itemErrors, syncs: sign,
            groupId: groupId, bucket: bucket, on: connection)
    }

    /// Raw deltas of one group's cell in `bucket`.
    static func addGroupDelta(
        occurrences: Int64, itemOccurrences: Int64, syncs: Int64, groupId: String, bucket: RollupBucket,
        on connection: Connection
    ) throws {
        guard occurrences != 0 || itemOccurrences != 0 || syncs != 0 else { return }
        let cell: [SQLValue] = [.integer(bucket.day), .text(groupId), .text(bucket.companyId), .integer(bucket.product),
                                .text(bucket.sourcePlatform), .text(bucket.targetPlatform)]
        let match = """
            WHERE day = ? AND group_id = ? AND company_id = ? AND product = ? AND source_platform = ?
            AND target_platform = ?
            """
        let deltas: [SQLValue] = [.integer(occurrences), .integer(itemOccurrences), .integer(syncs)]
        try connection.run("""
            UPDATE rollup_error_groups SET occurrences = occurrences + ?, item_occurrences = item_occurrences + ?,
                syncs = syncs + ? \(match)
            """, deltas + cell)
        if connection.changes == 0 {
            try connection.run("""
                INSERT INTO rollup_error_groups (
                    day, group_id, company_id, product, source_platform, target_platform,
                    occurrences, item_occurrences, syncs)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, cell + deltas)
        } else if syncs < 0 {
            try connection.run("DELETE FROM rollup_error_groups \(match) AND syncs = 0", cell)
        }
    }
}
