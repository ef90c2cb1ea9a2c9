/// The three rollup tables' shapes, declared once: each cell's key columns
/// and its counters. The per-company tables (migration 0004_insights) key
/// on `company_id` too; the global ones (0006_global_rollups) are the same
/// cells with the company summed out.
package enum RollupTable: CaseIterable {
    case syncs, items, errorGroups

    /// The key columns and their types, company included, in primary-key order.
    var keyColumns: [(name: String, type: String)] {
        switch self {
        case .syncs:
            [("day", "INTEGER"), ("company_id", "TEXT"), ("product", "INTEGER"), ("source_platform", "TEXT"),
             ("target_platform", "TEXT"), ("status_code", "INTEGER")]
        case .items:
            [("day", "INTEGER"), ("company_id", "TEXT"), ("product", "INTEGER"), ("source_platform", "TEXT"),
             ("target_platform", "TEXT"), ("data_type", "TEXT"), ("status", "INTEGER")]
        case .errorGroups:
            [("day", "INTEGER"), ("group_id", "TEXT"), ("company_id", "TEXT"), ("product", "INTEGER"),
             ("source_platform", "TEXT"), ("target_platform", "TEXT")]
        }
    }

    /// The counters, each a non-negative integer.
    var counters: [String] {
        switch self {
        case .syncs: ["syncs"]
        case .items: ["items"]
        case .errorGroups: ["occurrences", "item_occurrences", "syncs"]
        }
    }

    /// The table's name.
    package func name(global: Bool) -> String {
        let base = switch self {
        case .syncs: "rollup_syncs"
        case .items: "rollup_items"
        case .errorGroups: "rollup_error_groups"
        }
        return global ? base + "_global" : base
    }

    /// Its CREATE TABLE statement, keyed on the cell (WITHOUT ROWID in
    /// SQLite; bigint and byte-ordered text in PostgreSQL).
    package func createSQL(global: Bool, dialect: SQLDialect = .sqlite) -> String {
        let keys = keyColumns.filter { !global || $0.name != "company_id" }
        func type(_ name: String) -> String {
            switch dialect {
            case .sqlite: name
            case .postgresql: name == "TEXT" ? "text COLLATE \"C\"" : "bigint"
            }
        }
        let lines = keys.map { "    \($0.name) \(type($0.type)) NOT NULL," }
            + counters.map { "    \($0) \(type("INTEGER")) NOT NULL CHECK (\($0) >= 0)," }
            + ["    PRIMARY KEY (\(keys.map(\.name).joined(separator: ", ")))"]
        let suffix = dialect == .sqlite ? " WITHOUT ROWID;" : ";"
        return "CREATE TABLE \(name(global: global)) (\n" + lines.joined(separator: "\n") + "\n)" + suffix
    }
}
