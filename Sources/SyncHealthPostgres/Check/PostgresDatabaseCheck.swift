public import SyncHealthStorage
import SyncHealthRelational

/// `synchealthd check` on PostgreSQL: the schema version and SyncHealth's
/// invariants (every sync's counts equal its items; the dashboard rollups
/// and their per-sync bookkeeping equal a rebuild from the rows).
/// Page-level integrity and foreign keys are PostgreSQL's own business (it
/// enforces references on every write; `amcheck` checks indexes), so they
/// are not repeated here.
///
/// Nothing is changed: nothing is migrated, and the rebuild runs in a
/// transaction that is rolled back. It holds row locks on the rollups while
/// it runs, so writes queue behind it; on a large live database run it
/// against a replica or a restored copy.
public enum PostgresDatabaseCheck {
    /// Problems listed per check before the rest are only counted.
    public static let maxProblemsPerCheck = 20

    /// Checks the database at `url`; `displayName` (the URL without its
    /// password) names it in the report.
    /// - Throws: `PostgresError` when the server cannot be reached.
    public static func run(url: String, displayName: String) throws -> DatabaseCheckReport {
        let connection = try PostgresConnection(url: url, applicationName: "synchealthd check")
        let sql = PostgresSQLConnection(connection)
        var results: [DatabaseCheckReport.Result] = []
        results.append(check("schema", "every migration this version knows is applied, and none it does not") {
            let applied = Set(try connection.all(
                "SELECT identifier FROM schema_migrations") { $0.text(0) })
            let known = PostgresSchema.migrations.map(\.identifier)
            return known.filter { !applied.contains($0) }.map { "migration \($0) is not applied (the daemon applies it at start)" }
                + applied.subtracting(known).sorted().map { "migration \($0) is unknown to this version (written by a newer SyncHealth)" }
        })
        results.append(check("sync counts", "each sync's item counts equal its push items") {
            try sql.all(RelationalCheckSQL.itemCountMismatches, []) { row in
                "sync \(row.text(0)): stored total/pending/succeeded/failed/timed-out "
                    + "\(row.int64(1))/\(row.int64(2))/\(row.int64(3))/\(row.int64(4))/\(row.int64(5)), "
                    + "items say \(row.int64(6))/\(row.int64(7))/\(row.int64(8))/\(row.int64(9))/\(row.int64(10))"
            }
        })
        results.append(check("rollups", "dashboard rollups and error groups equal a rebuild from the rows") {
            try connection.execute("BEGIN ISOLATION LEVEL REPEATABLE READ")
            defer { try? connection.execute("ROLLBACK") }
            for table in RelationalCheckSQL.rebuiltTables {
                try connection.execute("CREATE TEMP TABLE stored_\(table) ON COMMIT DROP AS SELECT * FROM \(table)")
            }
            try SyncInsights.rebuildAll(sql)
            var problems: [String] = []
            for table in RelationalCheckSQL.rebuiltTables {
                let missing = try sql.scalar(
                    "SELECT count(*) FROM (SELECT * FROM \(table) EXCEPT SELECT * FROM stored_\(table)) AS missing")
                let extra = try sql.scalar(
                    "SELECT count(*) FROM (SELECT * FROM stored_\(table) EXCEPT SELECT * FROM \(table)) AS extra")
                if missing > 0 || extra > 0 {
                    problems.append("\(table): \(extra) stored rows are not what the rows add up to; \(missing) expected rows are missing or differ")
                }
            }
            return problems
        })
        return DatabaseCheckReport(path: displayName, results: results)
    }

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
        } catch {
            return .init(name: name, summary: summary, problems: [], couldNotRun: "\(error)")
        }
    }
}
