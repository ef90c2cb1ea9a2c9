import Foundation
@testable import SyncHealthStorage
@testable import SyncHealthSQLite
@testable import SyncHealthRelational
import SyncHealthPostgres
import SyncHealthProcess
import SyncHealthTestSupport
import SyncHealthWire
import Testing
import SyncHealthTestTraits

/// `synchealthd check`: a healthy database passes; damaged pages, wrong
/// counts and wrong rollups are each reported, with a non-zero exit.
@Suite(.offThePool) struct DatabaseCheckTests {
    /// A database of `syncs` syncs with 20 items each (some failed, with
    /// errors, so error groups and rollups have rows); closed on return, so
    /// its WAL is checkpointed into the file.
    private func makeDatabase(_ path: String, syncs: Int = 150) throws {
        let store = try SQLiteSyncStore(path: path)
        for index in 0..<syncs {
            let syncId = "check-\(index)"
            _ = try store.recordSync(RecordSyncRequest(
                sync: Fixtures.sync(syncId, company: "company-\(index % 7)", minutes: Int64(index))), now: Fixtures.baseTime)
            let items = (0..<20).map { item in
                item % 6 == 0
                    ? Fixtures.item("\(syncId)-\(item)", status: .failed, error: "Account \(item) is archived")
                    : Fixtures.item("\(syncId)-\(item)", dataType: item % 2 == 0 ? "invoices" : "payments")
            }
            _ = try store.recordPushItems(RecordPushItemsRequest(syncId: syncId, items: items), now: Fixtures.baseTime)
        }
    }

    private func runCheck(_ path: String) async throws -> (status: Int32?, report: String) {
        let check = try await ChildProcess.product("synchealthd", ["check", "--database", path])
        let status = await check.waitForExit()?.code
        return (status, check.stdoutLines.joined(separator: "\n"))
    }

    /// `synchealthd check` on PostgreSQL: healthy, then the invariants it
    /// checks broken by hand; the password never shows.
    @Test(.enabled(if: TestCluster.enabled, "no PostgreSQL test cluster")) func aPostgreSQLDatabaseIsChecked() async throws {
        let database = try TemporaryPostgresDatabase()
        let store = try PostgresSyncStore(url: database.url)
        for index in 0..<20 {
            let syncId = "pg-check-\(index)"
            _ = try store.recordSync(RecordSyncRequest(sync: Fixtures.sync(syncId, minutes: Int64(index))), now: Fixtures.baseTime)
            _ = try store.recordPushItems(RecordPushItemsRequest(syncId: syncId, items: (0..<6).map {
                $0 == 0 ? Fixtures.item("\(syncId)-\($0)", status: .failed, error: "Account \($0) is archived")
                    : Fixtures.item("\(syncId)-\($0)")
            }), now: Fixtures.baseTime)
        }
        let healthy = try await runCheck(database.url)
        #expect(healthy.status == 0, "\(healthy.report)")
        #expect(healthy.report.hasSuffix("healthy: 3 checks passed"))

        let connection = try PostgresConnection(url: database.url)
        try connection.run("UPDATE syncs SET items_total = items_total + 1 WHERE sync_id = $1", [.text("pg-check-3")])
        try connection.run("DELETE FROM rollup_items_global WHERE day = (SELECT min(day) FROM rollup_items_global)")
        let damaged = try await runCheck(database.url)
        #expect(damaged.status == 1)
        #expect(damaged.report.contains("sync pg-check-3: stored total"))
        #expect(damaged.report.contains("rollup_items_global:"))
        #expect(damaged.report.contains("DAMAGED"))
    }

    @Test func aHealthyDatabasePasses() async throws {
        let directory = TemporaryDirectory()
        let path = directory.file("healthy.sqlite")
        try makeDatabase(path)
        let (status, report) = try await runCheck(path)
        #expect(status == 0, "\(report)")
        #expect(report.contains("healthy: 5 checks passed"))
        for name in ["integrity", "foreign keys", "schema", "sync counts", "rollups"] {
            #expect(report.contains("ok    \(name):"), "\(name) in \(report)")
        }
    }

    /// The schema is intact (the daemon would start), but a data page of
    /// push_items is overwritten: integrity_check names it.
    @Test func aDamagedDataPageIsReported() async throws {
        let directory = TemporaryDirectory()
        let path = directory.file("damaged.sqlite")
        try makeDatabase(path)
        let (pageSize, page) = try {
            let connection = try Connection(path: path, mode: .reader, busyTimeoutMs: 1_000)
            return (try connection.scalar("PRAGMA page_size"),
                    try connection.scalar("SELECT rootpage FROM sqlite_schema WHERE name = 'push_items'"))
        }()
        #expect(page > 1)
        let file = try #require(FileHandle(forUpdatingAtPath: path))
        try file.seek(toOffset: UInt64((page - 1) * pageSize))
        try file.write(contentsOf: Data((0..<Int(pageSize)).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }))
        try file.close()

        // The schema still reads: a store opens without complaint.
        _ = try SQLiteSyncStore(path: path)

        let (status, report) = try await runCheck(path)
        #expect(status == 1, "\(report)")
        #expect(report.contains("FAIL  integrity:"), "\(report)")
        #expect(report.contains("DAMAGED:"))
    }

    /// A sync whose counts no longer match its items, and a rollup cell off
    /// by one: SyncHealth's own invariants catch what SQLite cannot.
    @Test func brokenInvariantsAreReported() async throws {
        let directory = TemporaryDirectory()
        let path = directory.file("invariants.sqlite")
        try makeDatabase(path, syncs: 20)
        try {
            let connection = try Connection(path: path, mode: .writer, busyTimeoutMs: 1_000)
            try connection.execute("UPDATE syncs SET items_failed = items_failed + 1 WHERE sync_id = 'check-3'")
            try connection.execute("UPDATE rollup_syncs SET syncs = syncs + 1 WHERE (day, company_id, status_code) IN (SELECT day, company_id, status_code FROM rollup_syncs LIMIT 1)")
        }()
        let (status, report) = try await runCheck(path)
        #expect(status == 1, "\(report)")
        #expect(report.contains("ok    integrity:"))
        #expect(report.contains("FAIL  sync counts:"))
        #expect(report.contains("sync check-3: stored total/pending/succeeded/failed/timed-out 20/0/16/5/0, items say 20/0/16/4/0"), "\(report)")
        #expect(report.contains("FAIL  rollups:"))
        #expect(report.contains("rollup_syncs: 1 stored rows"), "\(report)")
        // Checking changed nothing: the same findings a second time.
        let (_, again) = try await runCheck(path)
        #expect(again == report)
    }

    @Test func aMissingDatabaseIsAUsageErrorNotACreatedFile() async throws {
        let directory = TemporaryDirectory()
        let path = directory.file("nothing-here.sqlite")
        let check = try await ChildProcess.product("synchealthd", ["check", "--database", path])
        #expect(await check.waitForExit() == .exited(66))
        #expect(!FileManager.default.fileExists(atPath: path))
    }
}
