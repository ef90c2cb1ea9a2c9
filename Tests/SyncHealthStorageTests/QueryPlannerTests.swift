@testable import SyncHealthStorage
@testable import SyncHealthSQLite
@testable import SyncHealthRelational
import SyncHealthWire
import Testing
import SyncHealthTestSupport
import SyncHealthTestTraits

/// The planners are pure: these tests check SQL text, arguments and input
/// errors without a database.
@Suite(.offThePool) struct QueryPlannerTests {
    @Test func defaultsToStartedAtDescending() throws {
        let plan = try SyncQueryPlanner.plan(ListSyncsRequest())
        #expect(plan.sort == .startedAt && !plan.ascending && plan.pageSize == 50)
        #expect(plan.page.sql.hasSuffix("WHERE TRUE ORDER BY started_at DESC, sync_id DESC LIMIT ?"))
        #expect(plan.page.arguments == [.integer(51)])
        #expect(plan.count == nil)
    }

    @Test(arguments: [
        (SyncSortField.startedAt, "started_at"), (.finishedAt, "sort_finished_at"), (.duration, "sort_duration"),
        (.statusCode, "status_code"), (.company, "company_id"),
    ])
    func sortColumns(field: SyncSortField, column: String) throws {
        let ascending = try SyncQueryPlanner.plan(ListSyncsRequest(sortBy: field, order: .ascending))
        #expect(ascending.page.sql.contains("ORDER BY \(column) ASC, sync_id ASC"))
        let descending = try SyncQueryPlanner.plan(ListSyncsRequest(sortBy: field, order: .descending))
        #expect(descending.page.sql.contains("ORDER BY \(column) DESC, sync_id DESC"))
    }

    @Test func everyFilterBecomesAParameterizedCondition() throws {
        let request = ListSyncsRequest(
            search: "ac%", companyId: "acme", startedFromMs: 10, startedToMs: 20,
            statusCodes: [.dataPushError, .successDataPushed, .dataPushError], categories: [.failed],
            product: .expenses, sourcePlatform: "shopify", targetPlatform: "xero", includeTotal: true)
        let plan = try SyncQueryPlanner.plan(request)
        let sql = plan.page.sql
        for fragment in [
            "((sync_id >= ? AND sync_id < ?) OR (company_id >= ? AND company_id < ?))",
            "company_id = ?", "started_at >= ?", "started_at < ?",
            "(status_code IN (?, ?) OR category IN (?))", "product = ?",
            "source_platform = ?", "target_platform = ?",
        ] {
            #expect(sql.contains(fragment), "\(fragment)")
        }
        #expect(!sql.contains("ac%") && !sql.contains("acme") && !sql.contains("LIKE"))
        let upper = SQLValue.textBytes(Array("ac%".utf8) + [0xFF])
        #expect(plan.page.arguments == [
            .text("ac%"), upper, .text("ac%"), upper, .text("acme"), .integer(10), .integer(20),
            .integer(2000), .integer(5130), .integer(3), .integer(2), .text("shopify"), .text("xero"), .integer(51),
        ])
        let count = try #require(plan.count)
        #expect(count.sql.hasPrefix("SELECT count(*) FROM syncs WHERE"))
        #expect(count.arguments == Array(plan.page.arguments.dropLast()))
    }

    @Test func cursorAddsAKeysetCondition() throws {
        let first = try SyncQueryPlanner.plan(ListSyncsRequest(sortBy: .company, order: .ascending))
        let token = first.nextPageToken(after: makeSync("s-9", company: "acme"))
        let next = try SyncQueryPlanner.plan(ListSyncsRequest(sortBy: .company, order: .ascending, pageToken: token))
        #expect(next.page.sql.contains("(company_id, sync_id) > (?, ?)"))
        #expect(next.page.arguments.suffix(3) == [.text("acme"), .text("s-9"), .integer(51)])

        let descending = try SyncQueryPlanner.plan(ListSyncsRequest())
        let inProgress = makeSync("s-1", status: .inProgress)
        let finishedPlan = try SyncQueryPlanner.plan(ListSyncsRequest(sortBy: .finishedAt))
        let finishedNext = try SyncQueryPlanner.plan(ListSyncsRequest(
            sortBy: .finishedAt, pageToken: finishedPlan.nextPageToken(after: inProgress)))
        #expect(finishedNext.page.arguments.suffix(3) == [.integer(Int64.max), .text("s-1"), .integer(51)])
        let startedNext = try SyncQueryPlanner.plan(ListSyncsRequest(pageToken: descending.nextPageToken(after: inProgress)))
        #expect(startedNext.page.sql.contains("(started_at, sync_id) < (?, ?)"))
    }

    @Test func tokenIsBoundToFiltersAndSortButNotPageSize() throws {
        let request = ListSyncsRequest(companyId: "acme", statusCodes: [.inProgress, .dataPushError], pageSize: 10)
        let token = try SyncQueryPlanner.plan(request).nextPageToken(after: makeSync("s-1", company: "acme"))
        var same = request
        same.pageToken = token
        same.pageSize = 20
        same.statusCodes = [.dataPushError, .inProgress]  // same set, other order
        same.includeTotal = true
        _ = try SyncQueryPlanner.plan(same)

        var changes: [(inout ListSyncsRequest) -> Void] = [
            { $0.companyId = "other" }, { $0.search = "a" }, { $0.startedFromMs = 5 }, { $0.startedToMs = 5 },
            { $0.statusCodes = [.inProgress] }, { $0.categories = [.failed] }, { $0.product = .commerce },
            { $0.sourcePlatform = "amazon" }, { $0.targetPlatform = "xero" },
            { $0.sortBy = .duration }, { $0.order = .ascending },
        ]
        for index in changes.indices {
            var changed = same
            changes[index](&changed)
            expectRPCError(.invalidArgument) { _ = try SyncQueryPlanner.plan(changed) }
        }
        changes.removeAll()
        // A sync-list token is not a company-history token.
        expectRPCError(.invalidArgument) {
            _ = try SyncQueryPlanner.plan(ListCompanySyncsRequest(companyId: "acme", pageToken: token))
        }
    }

    @Test func invalidListRequests() {
        let bad: [ListSyncsRequest] = [
            ListSyncsRequest(pageSize: -1),
            ListSyncsRequest(pageSize: 501),
            ListSyncsRequest(startedFromMs: -1),
            ListSyncsRequest(startedToMs: -1),
            ListSyncsRequest(startedFromMs: 20, startedToMs: 10),
            ListSyncsRequest(statusCodes: [.unspecified]),
            ListSyncsRequest(statusCodes: [.unrecognized(4001)]),
            ListSyncsRequest(categories: [.unspecified]),
            ListSyncsRequest(categories: [.unrecognized(9)]),
            ListSyncsRequest(statusCodes: Array(repeating: .inProgress, count: 65)),
            ListSyncsRequest(product: .unrecognized(7)),
            ListSyncsRequest(sortBy: .unrecognized(9)),
            ListSyncsRequest(order: .unrecognized(3)),
            ListSyncsRequest(search: String(repeating: "x", count: 129)),
            ListSyncsRequest(companyId: String(repeating: "x", count: 129)),
            ListSyncsRequest(pageToken: "not-a-token"),
        ]
        for request in bad {
            expectRPCError(.invalidArgument) { _ = try SyncQueryPlanner.plan(request) }
        }
    }

    @Test func pageSizeBounds() throws {
        #expect(try SyncQueryPlanner.plan(ListSyncsRequest(pageSize: 1)).pageSize == 1)
        #expect(try SyncQueryPlanner.plan(ListSyncsRequest(pageSize: 500)).pageSize == 500)
        #expect(try SyncQueryPlanner.plan(ListSyncsRequest(pageSize: 0)).pageSize == 50)
    }

    @Test func companyHistory() throws {
        let plan = try SyncQueryPlanner.plan(ListCompanySyncsRequest(companyId: "acme", startedFromMs: 1, startedToMs: 9))
        #expect(plan.page.sql.contains("company_id = ? AND started_at >= ? AND started_at < ?"))
        #expect(plan.page.sql.contains("ORDER BY started_at DESC, sync_id DESC"))
        expectRPCError(.invalidArgument) { _ = try SyncQueryPlanner.plan(ListCompanySyncsRequest()) }
        expectRPCError(.invalidArgument) {
            _ = try SyncQueryPlanner.plan(ListCompanySyncsRequest(companyId: "a", startedFromMs: 9, startedToMs: 1))
        }
        expectRPCError(.invalidArgument) { _ = try SyncQueryPlanner.plan(ListCompanySyncsRequest(companyId: "a", pageSize: 501)) }
    }

    @Test func pushItemPlans() throws {
        let plan = try PushItemQueryPlanner.plan(ListPushItemsRequest(
            syncId: "s-1", search: "ord", dataTypes: ["invoices", "bills"], statuses: [.failed, .timedOut],
            includeTotal: true))
        #expect(plan.page.sql.contains("sync_ref = (SELECT id FROM syncs WHERE sync_id = ?)"))
        #expect(plan.page.sql.contains("((core_id >= ? AND core_id < ?) OR data_type = ?)"))
        #expect(plan.page.sql.contains("data_type IN (?, ?)") && plan.page.sql.contains("status IN (?, ?)"))
        #expect(plan.page.sql.hasSuffix("ORDER BY data_type ASC, item_id ASC LIMIT ?"))
        #expect(plan.page.arguments.first == .text("s-1"))
        #expect(plan.count != nil)

        let token = plan.nextPageToken(after: PushItem(itemId: "i-3", dataType: "bills"))
        let next = try PushItemQueryPlanner.plan(ListPushItemsRequest(
            syncId: "s-1", search: "ord", dataTypes: ["bills", "invoices"], statuses: [.timedOut, .failed],
            pageToken: token))
        #expect(next.page.sql.contains("(data_type, item_id) > (?, ?)"))
        expectRPCError(.invalidArgument) {
            _ = try PushItemQueryPlanner.plan(ListPushItemsRequest(syncId: "s-2", pageToken: token))
        }
        for bad in [
            ListPushItemsRequest(),
            ListPushItemsRequest(syncId: "s", statuses: [.unspecified]),
            ListPushItemsRequest(syncId: "s", statuses: [.unrecognized(8)]),
            ListPushItemsRequest(syncId: "s", dataTypes: [""]),
            ListPushItemsRequest(syncId: "s", pageSize: 501),
            ListPushItemsRequest(syncId: "s", pageSize: -3),
            ListPushItemsRequest(syncId: "s", pageToken: "x"),
        ] {
            expectRPCError(.invalidArgument) { _ = try PushItemQueryPlanner.plan(bad) }
        }
    }

    @Test func dashboardPlans() throws {
        let day = Limits.millisecondsPerDay
        let plan = try DashboardQueryPlanner.plan(GetDashboardRequest(
            fromMs: 10 * day + 5, toMs: 13 * day, companyId: "acme", product: .commerce))
        #expect(plan.dayStarts == [10 * day, 11 * day, 12 * day])
        #expect(plan.byStatusCode.sql.contains("started_at >= ? AND started_at < ?"))
        #expect(plan.byStatusCode.arguments == [.text("acme"), .integer(10 * day + 5), .integer(13 * day), .integer(1)])
        for bad in [
            GetDashboardRequest(),
            GetDashboardRequest(fromMs: 10, toMs: 0),
            GetDashboardRequest(fromMs: 0, toMs: 10),
            GetDashboardRequest(fromMs: 10, toMs: 10),
            GetDashboardRequest(fromMs: 20, toMs: 10),
            GetDashboardRequest(fromMs: -5, toMs: 10),
            GetDashboardRequest(fromMs: 1, toMs: 1 + 400 * day + 1),
            GetDashboardRequest(fromMs: 1, toMs: 10, product: .unrecognized(4)),
        ] {
            expectRPCError(.invalidArgument) { _ = try DashboardQueryPlanner.plan(bad) }
        }
        _ = try DashboardQueryPlanner.plan(GetDashboardRequest(fromMs: 1, toMs: 1 + 400 * day))
    }
}
