public import SyncHealthStorage
import SyncHealthRelational

/// A full check of a SQLite database before it is trusted: SQLite's own
/// integrity and foreign-key checks, the schema version, and SyncHealth's
/// invariants (every sync's counts equal its items; the dashboard rollups and
/// their per-sync bookkeeping equal a rebuild from the rows).
///
/// The file is never changed: nothing is migrated, and the rollups are
/// rebuilt inside a transaction that is rolled back. That transaction holds
/// the write lock while it runs (about a minute per million syncs), so on a
/// large live database run it on a copy (`sqlite3 live.sqlite ".backup copy.sqlite"`).
public enum DatabaseCheck {
    /// Problems listed per check before the rest are only counted.
    public static let maxProblemsPerCheck = 20

    /// Checks the database at `path`.
    /// - Throws: `DatabaseLocationError` when there is no file there;
    ///   `DatabaseError` when it cannot be opened at all (not a database).
    public static func run(path: String) throws -> DatabaseCheckReport {
        _ = try DatabaseLocation(parsing: path).requireExistingFile()
        let connection = try Connection(path: path, mode: .writer, busyTimeoutMs: 30_000)
        var results: [DatabaseCheckReport.Result] = []
        results.append(check("integrity", "every page, index and constraint (PRAGMA integrity_check)") {
            let rows = try connection.all("PRAGMA integrity_check", []) { $0.text(0) }
            return rows == ["ok"] ? [] : rows
        })
        results.append(check("foreign keys", "every reference points at a row (PRAGMA foreign_key_check)") {
            try connection.all("PRAGMA foreign_key_check", []) { row in
                "\(row.text(0)) row \(row.int64(1)) refers to a missing \(row.text(2)) row"
            }
        })
        results.append(check("schema", "every migration this version knows is applied, and none it does not") {
            let applied = Set(try connection.all("SELECT identifier FROM schema_migrations", []) { $0.text(0) })
            let known = Schema.migrations.map(\.identifier)
            return known.filter { !applied.contains($0) }.map { "migration \($0) is not applied (the daemon applies it at start)" }
                + applied.subtracting(known).sorted().map { "migration \($0) is unknown to this version (written by a newer SyncHealth)" }
        })
        results.append(check("sync counts", "each sync's item counts equal its push items") {
            try connection.all(RelationalCheckSQL.itemCountMismatches, []) { row in
                "sync \(row.text(0)): stored total/pending/succeeded/failed/timed-out "
                    + "\(row.int64(1))/\(row.int64(2))/\(row.int64(3))/\(row.int64(4))/\(row.int64(5)), "
                    + "items say \(row.int64(6))/\(row.int64(7))/\(row.int64(8))/\(row.int64(9))/\(row.int64(10))"
            }
        })
        results.append(check("rollups", "dashboard rollups and error groups equal a rebuild from the rows") {
            try rollupDifferences(on: connection)
        })
        return DatabaseCheckReport(path: path, results: results)
    }

    /// Runs one check, capping its problems and turning an error (damaged
    /// pages it had to read) into "could not run".
    private static func check(
        _ name: String, _ summary: String, _ body: () throws -> [String]
    ) -> DatabaseCheckReport.Result {
        do {
            var problems = try body()
            if problems.count > maxProblemsPerCheck {
                let more = problems.count - maxProblemsPerCheck
                problems = Array(problems.prefix(maxProblemsPerCheck)) + ["... and \(more) more"]
            }
            return .init(name: name, summary: summary, problems: problems)
        } catch let error as DatabaseError {
            return .init(name: name, summary: summary, problems: [], couldNotRun: error.message)
        } catch {
            return .init(name: name, summary: summary, problems: [], couldNotRun: "\(error)")
        }
    }

    /// Copies the stored rollups aside, rebuilds them from the rows with the
    /// code every write uses, and lists the rows that differ; then rolls
    /// everything back.
    private static func rollupDifferences(on connection: Connection) throws -> [String] {
        try connection.execute("BEGIN IMMEDIATE")
        defer { try? connection.execute("ROLLBACK") }
        for table in RelationalCheckSQL.rebuiltTables {
            try connection.execute("CREATE TEMP TABLE stored_\(table) AS SELECT * FROM main.\(table)")
        }
        try SyncInsights.rebuildAll(connection)
        var problems: [String] = []
        for table in RelationalCheckSQL.rebuiltTables {
            let missing = try connection.scalar(
                "SELECT count(*) FROM (SELECT * FROM main.\(table) EXCEPT SELECT * FROM temp.stored_\(table))")
            let extra = try connection.scalar(
                "SELECT count(*) FROM (SELECT * FROM temp.stored_\(table) EXCEPT SELECT * FROM main.\(table))")
            if missing > 0 || extra > 0 {
                problems.append("\(table): \(extra) stored rows are not what the rows add up to; \(missing) expected rows are missing or differ")
            }
        }
        return problems
    }
}
