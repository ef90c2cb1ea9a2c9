@testable import SyncHealthStorage
@testable import SyncHealthSQLite
@testable import SyncHealthRelational
import SyncHealthWire
import Testing
import SyncHealthTestSupport
import SyncHealthTestTraits

/// The rollup dashboard and error groups against full scans of the rows, on
/// random data, before and after retries and sync updates.
@Suite(.offThePool) struct DashboardRollupTests {
    /// Every dashboard request of the fixtures answers as the full scan does.
    static func expectDashboardsEqualFullScan(_ store: any RelationalStore, _ label: String,
                                              sourceLocation: SourceLocation = #_sourceLocation) throws {
        for request in InsightsFixtures.dashboardRequests {
            let rollup = try store.getDashboard(request)
            let scan = try store.getDashboardFullScan(request)
            #expect(rollup == scan, "\(label): \(request)", sourceLocation: sourceLocation)
        }
    }

    /// ListErrorGroups, every page, equals the full-scan groups.
    static func expectErrorGroupsEqualFullScan(_ store: any RelationalStore, _ label: String,
                                               sourceLocation: SourceLocation = #_sourceLocation) throws {
        for request in InsightsFixtures.dashboardRequests {
            let listRequest = ListErrorGroupsRequest(
                startedFromMs: request.fromMs, startedToMs: request.toMs, companyId: request.companyId,
                targetPlatform: request.targetPlatform, product: request.product,
                sourcePlatform: request.sourcePlatform, pageSize: 3)
            let listed = try walkErrorGroupPages(store, listRequest)
            let scan = try store.read { connection in
                try SQLiteSyncStore.errorGroupsFullScan(
                    InsightsRange(validFrom: request.fromMs, to: request.toMs),
                    try InsightsFilter(
                        companyId: request.companyId, product: request.product,
                        sourcePlatform: request.sourcePlatform, targetPlatform: request.targetPlatform),
                    on: connection)
            }
            #expect(listed == scan, "\(label): \(listRequest)", sourceLocation: sourceLocation)
        }
    }

    static func walkErrorGroupPages(_ store: any RelationalStore, _ request: ListErrorGroupsRequest) throws -> [ErrorGroup] {
        var request = request
        var groups: [ErrorGroup] = []
        repeat {
            let page = try store.listErrorGroups(request)
            #expect(page.groups.count <= Int(request.pageSize))
            groups += page.groups
            request.pageToken = page.nextPageToken
        } while !request.pageToken.isEmpty && groups.count < 10_000
        return groups
    }

    @Test func equalsFullScanBeforeAndAfterRetries() throws {
        try withStore { store in
            let (syncs, items) = try InsightsFixtures.populate(store, count: 240, seed: 42)
            let before = try store.getDashboard(GetDashboardRequest(
                fromMs: InsightsFixtures.day0 - InsightsFixtures.day, toMs: InsightsFixtures.day0 + 9 * InsightsFixtures.day))
            #expect(before.totalSyncs == 240)
            #expect(!before.topErrorGroups.isEmpty)
            try Self.expectDashboardsEqualFullScan(store, "after ingest")
            try Self.expectErrorGroupsEqualFullScan(store, "after ingest")

            try InsightsFixtures.simulateRetries(store, items: items, seed: 7)
            let after = try store.getDashboard(GetDashboardRequest(
                fromMs: InsightsFixtures.day0 - InsightsFixtures.day, toMs: InsightsFixtures.day0 + 9 * InsightsFixtures.day))
            #expect(after.byStatusCode != before.byStatusCode, "retries moved syncs between status codes")
            #expect((after.items?.succeeded ?? 0) > (before.items?.succeeded ?? 0))
            try Self.expectDashboardsEqualFullScan(store, "after retries")
            try Self.expectErrorGroupsEqualFullScan(store, "after retries")

            try InsightsFixtures.simulateUpdates(store, syncs: syncs, seed: 9)
            try Self.expectDashboardsEqualFullScan(store, "after updates")
            try Self.expectErrorGroupsEqualFullScan(store, "after updates")
        }
    }

    @Test func rebuildingFromScratchGivesTheSameRollups() throws {
        try withStore { store in
            let (syncs, items) = try InsightsFixtures.populate(store, count: 120, seed: 5)
            try InsightsFixtures.simulateRetries(store, items: items, seed: 6)
            try InsightsFixtures.simulateUpdates(store, syncs: syncs, seed: 8)
            let incremental = try Self.rollupTables(store)
            try store.write { try SyncInsights.rebuildAll($0) }
            #expect(try Self.rollupTables(store) == incremental)
        }
    }

    @Test func migrationBackfillsExistingRows() throws {
        let database = try TemporaryDatabase()
        try withExtendedLifetime(database) {
            let store = try database.openStore()
            let (_, items) = try InsightsFixtures.populate(store, count: 80, seed: 11)
            try InsightsFixtures.simulateRetries(store, items: items, seed: 12)
            // The backfill registers each group with the first message it meets,
            // not necessarily the first one ever recorded: examples may differ.
            let expected = try Self.rollupTables(store, excluding: ["example_message"])
            // Make the file look as it did before 0004_insights.
            try store.write { connection in
                for table in ["rollup_error_groups", "rollup_items", "rollup_syncs", "sync_error_groups",
                              "sync_item_counts", "sync_rollup_keys", "error_groups"] {
                    try connection.execute("DROP TABLE \(table)")
                }
                try connection.execute("DROP INDEX syncs_config_baselines")
                try connection.run("DELETE FROM schema_migrations WHERE identifier = ?", [.text("0004_insights")])
            }
            let reopened = try database.openStore()
            #expect(reopened.appliedMigrations == ["0004_insights"])
            #expect(try Self.rollupTables(reopened, excluding: ["example_message"]) == expected)
            try Self.expectDashboardsEqualFullScan(reopened, "after backfill")
        }
    }

    @Test(arguments: [["0006_global_rollups"], ["0004_insights", "0006_global_rollups"]])
    func globalRollupMigrationBackfillsFromThePerCompanyRollups(_ rerun: [String]) throws {
        let database = try TemporaryDatabase()
        try withExtendedLifetime(database) {
            let store = try database.openStore()
            let (syncs, items) = try InsightsFixtures.populate(store, count: 120, seed: 21)
            try InsightsFixtures.simulateRetries(store, items: items, seed: 22)
            try InsightsFixtures.simulateUpdates(store, syncs: syncs, seed: 23)
            let expected = try Self.rollupTables(store, excluding: ["example_message"])
            #expect(try store.count("rollup_syncs_global") > 0)
            // Make the file look as it did before the migrations in `rerun`.
            try store.write { connection in
                var tables = ["rollup_syncs_global", "rollup_items_global", "rollup_error_groups_global"]
                if rerun.contains("0004_insights") {
                    tables += ["rollup_error_groups", "rollup_items", "rollup_syncs", "sync_error_groups",
                               "sync_item_counts", "sync_rollup_keys", "error_groups"]
                    try connection.execute("DROP INDEX syncs_config_baselines")
                }
                for table in tables {
                    try connection.execute("DROP TABLE \(table)")
                }
                for identifier in rerun {
                    try connection.run("DELETE FROM schema_migrations WHERE identifier = ?", [.text(identifier)])
                }
            }
            let reopened = try database.openStore()
            #expect(reopened.appliedMigrations == rerun)
            #expect(try Self.rollupTables(reopened, excluding: ["example_message"]) == expected)
            try Self.expectGlobalRollupsEqualPerCompanySums(reopened)
            try Self.expectDashboardsEqualFullScan(reopened, "after backfill \(rerun)")
            try Self.expectErrorGroupsEqualFullScan(reopened, "after backfill \(rerun)")
            // Writes after the backfill keep both layers equal to a full scan.
            try InsightsFixtures.simulateRetries(reopened, items: items, seed: 24)
            try Self.expectGlobalRollupsEqualPerCompanySums(reopened)
            try Self.expectDashboardsEqualFullScan(reopened, "after backfill and retries \(rerun)")
        }
    }

    @Test func globalRollupsEqualPerCompanySumsThroughRetriesAndMoves() throws {
        try withStore { store in
            let (syncs, items) = try InsightsFixtures.populate(store, count: 200, seed: 31)
            try Self.expectGlobalRollupsEqualPerCompanySums(store)
            try InsightsFixtures.simulateRetries(store, items: items, seed: 32)
            try Self.expectGlobalRollupsEqualPerCompanySums(store)
            try InsightsFixtures.simulateUpdates(store, syncs: syncs, seed: 33)
            try Self.expectGlobalRollupsEqualPerCompanySums(store)
            try Self.expectDashboardsEqualFullScan(store, "global after moves")
            try Self.expectErrorGroupsEqualFullScan(store, "global after moves")
            try store.write { try SyncInsights.rebuildAll($0) }
            try Self.expectGlobalRollupsEqualPerCompanySums(store)
            try Self.expectDashboardsEqualFullScan(store, "global after rebuild")
        }
    }

    /// Each company-less rollup holds exactly its per-company table summed
    /// over companies: same cells, same counts, no extra or zero rows.
    static func expectGlobalRollupsEqualPerCompanySums(
        _ store: any RelationalStore, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let pairs = [
            ("rollup_syncs", "product, source_platform, target_platform, status_code", "sum(syncs)", "syncs"),
            ("rollup_items", "product, source_platform, target_platform, data_type, status", "sum(items)", "items"),
            ("rollup_error_groups", "group_id, product, source_platform, target_platform",
             "sum(occurrences), sum(item_occurrences), sum(syncs)", "occurrences, item_occurrences, syncs"),
        ]
        try store.read { connection in
            for (table, key, sums, counters) in pairs {
                let summed = "SELECT day, \(key), \(sums) FROM \(table) GROUP BY day, \(key)"
                let global = "SELECT day, \(key), \(counters) FROM \(table)_global"
                let differences = try connection.scalar("""
                    SELECT (SELECT count(*) FROM (\(summed) EXCEPT \(global)) AS extra)
                         + (SELECT count(*) FROM (\(global) EXCEPT \(summed)) AS missing)
                    """)
                #expect(differences == 0, "\(table)_global", sourceLocation: sourceLocation)
            }
        }
    }

    @Test func syncMovingBetweenStatusesAndDaysMovesItsCounts() throws {
        try withStore { store in
            let day0 = InsightsFixtures.day0
            let day = InsightsFixtures.day
            try store.record(makeSync("m-1", status: .successDataPushed, startedAt: day0 + 5))
            try store.push("m-1", [report("a", status: .failed, error: "Invoice INV-1 total 1.00 does not match")])
            let request = GetDashboardRequest(fromMs: day0, toMs: day0 + 3 * day)
            var dashboard = try store.getDashboard(request)
            #expect(dashboard.byStatusCode == [StatusCodeCount(statusCode: .dataPushError, count: 1)])
            #expect(dashboard.topErrorGroups.map(\.count) == [1])

            // A retry succeeds: the sync is successful again and the group is gone.
            try store.push("m-1", [report("a", status: .success, at: baseTime + 9_000, key: "r1")])
            dashboard = try store.getDashboard(request)
            #expect(dashboard.byStatusCode == [StatusCodeCount(statusCode: .successDataPushed, count: 1)])
            #expect(dashboard.topErrorGroups.isEmpty)
            #expect(try store.count("rollup_error_groups") == 0)
            #expect(try store.count("rollup_error_groups_global") == 0)

            // Re-dated to the next day: the day buckets follow.
            try store.record(makeSync("m-1", status: .successDataPushed, startedAt: day0 + day + 5))
            dashboard = try store.getDashboard(request)
            #expect(dashboard.days.map(\.succeeded) == [0, 1, 0])
            #expect(try store.count("rollup_syncs") == 1)
            #expect(try store.count("rollup_syncs_global") == 1)
            #expect(dashboard == (try store.getDashboardFullScan(request)))
        }
    }

    /// Every row of every rollup and contribution table, as text.
    static func rollupTables(_ store: any RelationalStore, excluding: Set<String> = []) throws -> [String] {
        try store.read { connection in
            var lines: [String] = []
            for (table, order) in [
                ("rollup_syncs", "day, company_id, product, source_platform, target_platform, status_code"),
                ("rollup_items", "day, company_id, product, source_platform, target_platform, data_type, status"),
                ("rollup_error_groups", "day, group_id, company_id, product, source_platform, target_platform"),
                ("rollup_syncs_global", "day, product, source_platform, target_platform, status_code"),
                ("rollup_items_global", "day, product, source_platform, target_platform, data_type, status"),
                ("rollup_error_groups_global", "day, group_id, product, source_platform, target_platform"),
                ("sync_error_groups", "sync_ref, group_id"),
                ("sync_item_counts", "sync_ref, data_type, status"),
                ("sync_rollup_keys", "sync_ref"),
                ("error_groups", "group_id"),
            ] {
                let columnsSQL = connection.dialect == .sqlite
                    ? "SELECT name FROM pragma_table_info(?)"
                    : "SELECT column_name FROM information_schema.columns WHERE table_name = ? AND table_schema = current_schema() ORDER BY ordinal_position"
                let columns = try connection.all(columnsSQL, [.text(table)]) { $0.text(0) }
                    .filter { $0 != "created_at" && !excluding.contains($0) }
                let row = columns.map { "coalesce(CAST(\($0) AS TEXT), '')" }.joined(separator: " || '|' || ")
                lines += try connection.all("SELECT '\(table)|' || \(row) FROM \(table) ORDER BY \(order)") { $0.text(0) }
            }
            return lines
        }
    }
}
