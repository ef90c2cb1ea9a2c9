@testable import SyncHealthStorage
@testable import SyncHealthSQLite
@testable import SyncHealthRelational
import SyncHealthWire
import Testing
import SyncHealthTestSupport
import SyncHealthTestTraits

/// Every main query shape must be served by an index: a bare `SCAN syncs`
/// (a full table scan) fails the test. A scan USING an index is fine: it
/// walks the index in the order the listing needs.
@Suite(.offThePool) struct QueryPlanTests {
    static func plan(_ store: SQLiteSyncStore, _ query: SQLQuery) throws -> [String] {
        try store.database.read { connection in
            try connection.all(SQLQuery("EXPLAIN QUERY PLAN " + query.sql, query.arguments)) { $0.text(3) }
        }
    }

    static func fullScans(_ details: [String]) -> [String] {
        details.filter { detail in
            ["syncs", "push_items", "push_attempts", "configs"].contains { table in
                detail == "SCAN \(table)" || (detail.hasPrefix("SCAN \(table) ") && !detail.contains("USING"))
            }
        }
    }

    static func check(_ store: SQLiteSyncStore, _ query: SQLQuery, _ label: String,
                      sourceLocation: SourceLocation = #_sourceLocation) throws {
        let details = try plan(store, query)
        #expect(fullScans(details).isEmpty, "\(label): \(details)", sourceLocation: sourceLocation)
    }

    @Test func syncListingsUseIndexes() throws {
        try withSQLiteStore { store in
            let syncs = try SyncFixtures.populate(store, count: 200, seed: 8)
            let last = try #require(syncs.last)
            for (index, filter) in ListSyncsTests.filters.enumerated() {
                for sort in ListSyncsTests.sorts {
                    for order in [SortOrder.ascending, .descending] {
                        var request = filter
                        request.sortBy = sort
                        request.order = order
                        request.includeTotal = true
                        let first = try SyncQueryPlanner.plan(request)
                        try Self.check(store, first.page, "filter \(index) sort \(sort) \(order)")
                        try Self.check(store, try #require(first.count), "count, filter \(index)")
                        request.pageToken = first.nextPageToken(after: last)
                        let next = try SyncQueryPlanner.plan(request)
                        try Self.check(store, next.page, "next page, filter \(index) sort \(sort) \(order)")
                    }
                }
            }
        }
    }

    @Test func companyHistoryWalksTheCompanyIndex() throws {
        try withSQLiteStore { store in
            let syncs = try SyncFixtures.populate(store, count: 100, seed: 8)
            let first = try SyncQueryPlanner.plan(ListCompanySyncsRequest(companyId: "acme", startedFromMs: 1))
            let details = try Self.plan(store, first.page)
            #expect(Self.fullScans(details).isEmpty, "\(details)")
            #expect(details.contains { $0.contains("syncs_by_company_started") }, "\(details)")
            #expect(!details.contains { $0.contains("TEMP B-TREE") }, "no sort step: \(details)")
            let next = try SyncQueryPlanner.plan(ListCompanySyncsRequest(
                companyId: "acme", startedFromMs: 1, pageToken: first.nextPageToken(after: try #require(syncs.first))))
            try Self.check(store, next.page, "company next page")
        }
    }

    @Test func companyAndCategoryListingIsOneIndexRange() throws {
        try withSQLiteStore { store in
            let syncs = try SyncFixtures.populate(store, count: 100, seed: 8)
            let request = ListSyncsRequest(companyId: "acme", categories: [.failed], sortBy: .startedAt, order: .descending, pageSize: 50)
            let first = try SyncQueryPlanner.plan(request)
            var next = request
            next.pageToken = first.nextPageToken(after: try #require(syncs.first))
            for plan in [first, try SyncQueryPlanner.plan(next)] {
                let details = try Self.plan(store, plan.page)
                #expect(details.contains { $0.contains("syncs_by_company_category_started") }, "\(details)")
                #expect(!details.contains { $0.contains("TEMP B-TREE") }, "no sort step: \(details)")
            }
        }
    }

    @Test func pushItemsDashboardAndIngestUseIndexes() throws {
        try withSQLiteStore { store in
            _ = try SyncFixtures.populate(store, count: 50, seed: 8)
            try store.push("sa-3", (0..<50).map { report("i-\($0)", status: $0 % 5 == 0 ? .failed : .success) })
            for request in [
                ListPushItemsRequest(syncId: "sa-3", includeTotal: true),
                ListPushItemsRequest(syncId: "sa-3", search: "core-i-1", includeTotal: true),
                ListPushItemsRequest(syncId: "sa-3", dataTypes: ["invoices"], statuses: [.failed], includeTotal: true),
            ] {
                let plan = try PushItemQueryPlanner.plan(request)
                try Self.check(store, plan.page, "push items \(request)")
                try Self.check(store, try #require(plan.count), "push item count")
                let next = try PushItemQueryPlanner.plan(ListPushItemsRequest(
                    syncId: request.syncId, search: request.search, dataTypes: request.dataTypes,
                    statuses: request.statuses,
                    pageToken: plan.nextPageToken(after: PushItem(itemId: "i-9", dataType: "invoices"))))
                try Self.check(store, next.page, "push items next page")
            }
            for request in [
                GetDashboardRequest(fromMs: baseTime, toMs: baseTime + 86_400_000),
                GetDashboardRequest(fromMs: baseTime, toMs: baseTime + 86_400_000, companyId: "acme"),
                GetDashboardRequest(fromMs: baseTime, toMs: baseTime + 86_400_000, product: .expenses, targetPlatform: "xero"),
            ] {
                let plan = try DashboardQueryPlanner.plan(request)
                for query in [plan.byStatusCode, plan.byDay, plan.items, plan.itemsByDataType] {
                    try Self.check(store, query, "dashboard")
                }
            }
            // Ingest look-ups.
            for (sql, arguments) in [
                ("SELECT id FROM push_items WHERE sync_ref = ? AND item_id = ?", [SQLValue.integer(1), .text("i-1")]),
                ("SELECT 1 FROM push_attempts WHERE item_ref = ? AND idempotency_key <> '' AND idempotency_key = ?",
                 [.integer(1), .text("k")]),
                ("SELECT 1 FROM push_attempts WHERE item_ref = ? AND idempotency_key = '' AND attempted_at = ? AND outcome = ?",
                 [.integer(1), .integer(1), .integer(2)]),
                ("SELECT 1 FROM syncs WHERE config_hash = ?", [.text("h")]),
                ("SELECT id FROM syncs WHERE sync_id = ?", [.text("s")]),
            ] {
                try Self.check(store, SQLQuery(sql, arguments), sql)
            }
        }
    }

    @Test func detectsABareScan() throws {
        try withSQLiteStore { store in
            let details = try Self.plan(store, SQLQuery("SELECT * FROM syncs WHERE notes = ?", [.blob([])]))
            #expect(Self.fullScans(details) == ["SCAN syncs"])
        }
    }
}
