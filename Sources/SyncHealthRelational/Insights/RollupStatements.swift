import SyncHealthStorage
/// Which rollup tables a refresh writes. `.all` always, except while
/// migration 0004_insights backfills, before 0006_global_rollups has created
/// the company-less tables (0006 then fills those from the per-company ones).
enum RollupTables: Sendable {
    case all
    case perCompanyOnly
}

/// Adds to and subtracts from the daily rollup tables: each change goes to
/// the per-company cell and to the same cell with the company summed out
/// (`*_global`), so the two always agree. A cell that reaches zero is
/// deleted, so the rollups hold exactly the cells a full scan would find.
/// Additions are upserts; a subtraction from a cell that is not there (a
/// counting mistake) fails the write instead of going unnoticed, as does
/// any count going below zero (`CHECK (... >= 0)`).
enum RollupStatements {
    /// `delta` syncs with `statusCode` in `bucket`.
    static func addSyncs(
        _ delta: Int64, bucket: RollupBucket, statusCode: Int64, tables: RollupTables = .all, on connection: any SQLConnection
    ) throws {
        guard delta != 0 else { return }
        for cell in cells(bucket, tables) {
            try add(
                RollupCell(table: "rollup_syncs" + cell.suffix, key: cell.columns + ["status_code"],
                           values: cell.values + [.integer(statusCode)]),
                counters: ["syncs"], deltas: [delta], deleteAtZero: delta < 0 ? "syncs" : nil, on: connection)
        }
    }

    /// `delta` items of `key` in `bucket`.
    static func addItems(
        _ delta: Int64, bucket: RollupBucket, key: ItemKey, tables: RollupTables = .all, on connection: any SQLConnection
    ) throws {
        guard delta != 0 else { return }
        for cell in cells(bucket, tables) {
            try add(
                RollupCell(table: "rollup_items" + cell.suffix, key: cell.columns + ["data_type", "status"],
                           values: cell.values + [.text(key.dataType), .integer(key.status)]),
                counters: ["items"], deltas: [delta], deleteAtZero: delta < 0 ? "items" : nil, on: connection)
        }
    }

    /// Raw deltas of one group's cell in `bucket`.
    static func addGroupDelta(
        occurrences: Int64, itemOccurrences: Int64, syncs: Int64, groupId: String, bucket: RollupBucket,
        tables: RollupTables = .all, on connection: any SQLConnection
    ) throws {
        guard occurrences != 0 || itemOccurrences != 0 || syncs != 0 else { return }
        for cell in cells(bucket, tables) {
            try add(
                RollupCell(table: "rollup_error_groups" + cell.suffix, key: ["group_id"] + cell.columns,
                           values: [.text(groupId)] + cell.values),
                counters: ["occurrences", "item_occurrences", "syncs"], deltas: [occurrences, itemOccurrences, syncs],
                deleteAtZero: syncs < 0 ? "syncs" : nil, on: connection)
        }
    }

    /// A bucket's key columns and values, per company and company-less.
    private static func cells(
        _ bucket: RollupBucket, _ tables: RollupTables
    ) -> [(suffix: String, columns: [String], values: [SQLValue])] {
        let platform: [SQLValue] = [.integer(bucket.product), .text(bucket.sourcePlatform), .text(bucket.targetPlatform)]
        let platformColumns = ["product", "source_platform", "target_platform"]
        var cells = [(suffix: "", columns: ["day", "company_id"] + platformColumns,
                      values: [.integer(bucket.day), .text(bucket.companyId)] + platform)]
        if case .all = tables {
            cells.append((suffix: "_global", columns: ["day"] + platformColumns, values: [.integer(bucket.day)] + platform))
        }
        return cells
    }

    /// One cell: its table and key. Table and column names are constants of
    /// this file, never input.
    private struct RollupCell {
        var table: String
        var key: [String]
        var values: [SQLValue]
    }

    /// Adds `deltas` to the `counters` of `cell`.
    ///
    /// Only additions: one upsert, atomic on either engine, so writers of
    /// the same cell on several connections (PostgreSQL replicas) never
    /// race between "is it there?" and "insert it". Any subtraction: the
    /// cell must exist (the sync being subtracted was counted in it), so an
    /// UPDATE that changes no row is a counting mistake and fails the write;
    /// then the cell is deleted when `deleteAtZero` reached zero.
    private static func add(
        _ cell: RollupCell, counters: [String], deltas: [Int64], deleteAtZero: String?, on connection: any SQLConnection
    ) throws {
        let deltaValues = deltas.map { SQLValue.integer($0) }
        if deltas.allSatisfy({ $0 >= 0 }) {
            let columns = cell.key + counters
            let set = counters.map { "\($0) = \(cell.table).\($0) + excluded.\($0)" }.joined(separator: ", ")
            try connection.run("""
                INSERT INTO \(cell.table) (\(columns.joined(separator: ", ")))
                VALUES (\(Array(repeating: "?", count: columns.count).joined(separator: ", ")))
                ON CONFLICT (\(cell.key.joined(separator: ", "))) DO UPDATE SET \(set)
                """, cell.values + deltaValues)
            return
        }
        let match = "WHERE " + cell.key.map { "\($0) = ?" }.joined(separator: " AND ")
        let set = counters.map { "\($0) = \($0) + ?" }.joined(separator: ", ")
        guard try connection.run("UPDATE \(cell.table) SET \(set) \(match)", deltaValues + cell.values) == 1 else {
            throw StorageFailure(.constraint, detail: "a rollup cell of \(cell.table) to subtract from does not exist")
        }
        if let deleteAtZero {
            try connection.run("DELETE FROM \(cell.table) \(match) AND \(deleteAtZero) = 0", cell.values)
        }
    }
}
