@testable import SyncHealthStorage
@testable import SyncHealthSQLite
@testable import SyncHealthRelational
import SyncHealthWire
import Testing
import SyncHealthTestSupport
import SyncHealthTestTraits

/// The dashboard, error group, group filter, baseline and upkeep queries
/// never scan a whole table: `syncs` least of all, but the rollups and
/// `sync_error_groups` must be searched through their keys too.
@Suite(.offThePool) struct InsightsQueryPlanTests {
    static let tables = [
        "syncs", "push_items", "push_attempts", "configs", "rollup_syncs", "rollup_items", "rollup_error_groups",
        "rollup_syncs_global", "rollup_items_global", "rollup_error_groups_global",
        "sync_error_groups", "sync_item_counts", "sync_rollup_keys", "error_groups",
    ]

    static func check(_ store: SQLiteSyncStore, _ query: SQLQuery, _ label: String,
                      sourceLocation: SourceLocation = #_sourceLocation) throws -> [String] {
        let details = try QueryPlanTests.plan(store, query)
        let scans = details.filter { detail in
            tables.contains { detail == "SCAN \($0)" || (detail.hasPrefix("SCAN \($0) ") && !detail.contains("USING")) }
        }
        #expect(scans.isEmpty, "\(label): \(details)", sourceLocation: sourceLocation)
        return details
    }

    static let day = Limits.millisecondsPerDay
    static let day0 = InsightsFixtures.day0
    static let filters = [
        InsightsFixtures.filters[0], InsightsFixtures.filters[1], InsightsFixtures.filters[2],
        InsightsFixtures.filters[3], InsightsFixtures.filters[4], InsightsFixtures.filters[5],
    ]

    @Test func dashboardAndErrorGroupQueries() throws {
        try withSQLiteStore { store in
            _ = try InsightsFixtures.populate(store, count: 40, seed: 3)
            let (day0, day) = (Self.day0, Self.day)
            for (from, to) in [(day0, day0 + 7 * day), (day0 + 5, day0 + 7 * day - 5), (day0 + 5, day0 + 50)] {
                for var request in Self.filters {
                    request.fromMs = from
                    request.toMs = to
                    let plan = try DashboardQueryPlanner.rollupPlan(request)
                    let range = plan.range
                    let filter = plan.filter
                    let group = "0123456789abcdef"
                    let rollupReads = plan.syncCounts + plan.itemCounts + ErrorGroupQueryPlanner.totals(range, filter)
                        + ErrorGroupQueryPlanner.targets(group, range, filter)
                    for query in rollupReads {
                        let details = try Self.check(store, query, "dashboard \(request)")
                        // Without a company filter, whole days come from the company-less rollups.
                        if request.companyId.isEmpty, query.sql.contains("rollup_") {
                            #expect(query.sql.contains("_global"), "\(query.sql)")
                            #expect(details.contains { $0.contains("_global") }, "\(details)")
                        }
                    }
                    let companies = try Self.check(
                        store, ErrorGroupQueryPlanner.companiesAffected(group, range, filter), "companies \(request)")
                    if !range.wholeDays.isEmpty {
                        #expect(companies.contains { $0.contains("rollup_error_groups_by_group") }, "\(companies)")
                    }
                    let latest = try Self.check(
                        store, ErrorGroupQueryPlanner.latestSyncs("0123456789abcdef", range, filter, limit: 5), "latest")
                    #expect(latest.contains { $0.contains("sync_error_groups_by_group") }, "\(latest)")
                    #expect(!latest.contains { $0.contains("TEMP B-TREE") }, "walks the index in order: \(latest)")
                    _ = try Self.check(store, ErrorGroupQueryPlanner.firstSeen("0123456789abcdef", range, filter), "first seen")
                }
            }
        }
    }

    @Test func listSyncsByGroup() throws {
        try withSQLiteStore { store in
            _ = try InsightsFixtures.populate(store, count: 40, seed: 3)
            for sort in ListSyncsTests.sorts {
                for companyId in ["", "c-1"] {
                    let plan = try SyncQueryPlanner.plan(ListSyncsRequest(
                        companyId: companyId, sortBy: sort, includeTotal: true, errorGroupId: "0123456789abcdef"))
                    let details = try Self.check(store, plan.page, "group filter \(sort)")
                    #expect(details.contains { $0.contains("sync_error_groups") }, "\(details)")
                    _ = try Self.check(store, try #require(plan.count), "group filter count")
                }
            }
        }
    }

    @Test func configBaselineUsesItsPartialIndex() throws {
        try withSQLiteStore { store in
            _ = try InsightsFixtures.populate(store, count: 20, seed: 3)
            let details = try Self.check(store, SQLQuery(
                SQLiteSyncStore.baselineQuery, [.text("c-1"), .integer(1), .integer(baseTime), .text("s-1")]), "baseline")
            #expect(details.contains { $0.contains("syncs_config_baselines") }, "\(details)")
            #expect(!details.contains { $0.contains("TEMP B-TREE") }, "\(details)")
        }
    }

    @Test func upkeepStatementsUseKeys() throws {
        try withSQLiteStore { store in
            _ = try InsightsFixtures.populate(store, count: 20, seed: 3)
            let bucket: [SQLValue] = [.integer(1), .text("c"), .integer(1), .text("s"), .text("t")]
            for (sql, arguments) in [
                ("SELECT data_type, status, count(*) FROM push_items WHERE sync_ref = ? GROUP BY status, data_type",
                 [SQLValue.integer(1)]),
                ("SELECT error_message, count(*) FROM push_items WHERE sync_ref = ? AND status IN (3, 4) AND error_message <> '' GROUP BY error_message",
                 [.integer(1)]),
                ("SELECT group_id, sync_errors, item_errors FROM sync_error_groups WHERE sync_ref = ?", [.integer(1)]),
                ("SELECT data_type, status, items FROM sync_item_counts WHERE sync_ref = ?", [.integer(1)]),
                ("SELECT day FROM sync_rollup_keys WHERE sync_ref = ?", [.integer(1)]),
                ("SELECT sync_id FROM syncs WHERE id = ?", [.integer(1)]),
                ("""
                    UPDATE rollup_syncs SET syncs = syncs + ? WHERE day = ? AND company_id = ? AND product = ?
                    AND source_platform = ? AND target_platform = ? AND status_code = ?
                    """, [.integer(1)] + bucket + [.integer(2000)]),
                ("""
                    UPDATE rollup_items SET items = items + ? WHERE day = ? AND company_id = ? AND product = ?
                    AND source_platform = ? AND target_platform = ? AND data_type = ? AND status = ?
                    """, [.integer(1)] + bucket + [.text("invoices"), .integer(2)]),
                ("""
                    UPDATE rollup_error_groups SET syncs = syncs + ? WHERE day = ? AND group_id = ? AND company_id = ?
                    AND product = ? AND source_platform = ? AND target_platform = ?
                    """, [.integer(1), .integer(1), .text("g"), .text("c"), .integer(1), .text("s"), .text("t")]),
                ("""
                    UPDATE rollup_syncs_global SET syncs = syncs + ? WHERE day = ? AND product = ?
                    AND source_platform = ? AND target_platform = ? AND status_code = ?
                    """, [.integer(1), .integer(1), .integer(1), .text("s"), .text("t"), .integer(2000)]),
                ("""
                    UPDATE rollup_items_global SET items = items + ? WHERE day = ? AND product = ?
                    AND source_platform = ? AND target_platform = ? AND data_type = ? AND status = ?
                    """, [.integer(1), .integer(1), .integer(1), .text("s"), .text("t"), .text("invoices"), .integer(2)]),
                ("""
                    UPDATE rollup_error_groups_global SET syncs = syncs + ? WHERE group_id = ? AND day = ?
                    AND product = ? AND source_platform = ? AND target_platform = ?
                    """, [.integer(1), .text("g"), .integer(1), .integer(1), .text("s"), .text("t")]),
                ("SELECT fingerprint, example_message FROM error_groups WHERE group_id = ?", [.text("g")]),
            ] {
                _ = try Self.check(store, SQLQuery(sql, arguments), sql)
            }
        }
    }
}
