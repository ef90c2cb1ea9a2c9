@testable import SyncHealthStorage
@testable import SyncHealthSQLite
@testable import SyncHealthRelational
import SyncHealthWire
import Testing
import SyncHealthTestSupport
import SyncHealthTestTraits

@Suite(.offThePool) struct DashboardTests {
    static let day = Limits.millisecondsPerDay
    /// Midnight UTC at the start of the fixture range.
    static let day0 = (baseTime / day + 1) * day

    static func populate(_ store: any RelationalStore) throws {
        try store.record(makeSync("d0-ok", company: "acme", status: .successDataPushed, startedAt: day0 + 1))
        try store.record(makeSync("d0-run", company: "acme", status: .inProgress, startedAt: day0 + 2))
        try store.record(makeSync("d1-bad", company: "beta", status: .configurationError, startedAt: day0 + day + 5,
                                  product: .expenses, target: "netsuite"))
        try store.record(makeSync("d1-items", company: "acme", status: .successDataPushed, startedAt: day0 + day + 6))
        try store.push("d1-items", [
            report("1", status: .failed, dataType: "invoices"),
            report("2", dataType: "invoices"),
            report("3", dataType: "bills"),
        ])
        try store.record(makeSync("d3-ok", company: "beta", status: .successNoDataPushed, startedAt: day0 + 3 * day))
        // Outside the range on both sides.
        try store.record(makeSync("before", status: .genericServerError, startedAt: day0 - 1))
        try store.record(makeSync("after", status: .genericServerError, startedAt: day0 + 4 * day))
    }

    @Test func aggregatesTheRange() throws {
        try withStore { store in
            try Self.populate(store)
            let dashboard = try store.getDashboard(GetDashboardRequest(fromMs: Self.day0, toMs: Self.day0 + 4 * Self.day))
            #expect(dashboard.totalSyncs == 5)
            #expect(dashboard.byCategory == [
                CategoryCount(category: .inProgress, count: 1),
                CategoryCount(category: .success, count: 2),
                CategoryCount(category: .failed, count: 2),
            ])
            #expect(dashboard.byStatusCode == [
                StatusCodeCount(statusCode: .inProgress, count: 1),
                StatusCodeCount(statusCode: .successDataPushed, count: 1),
                StatusCodeCount(statusCode: .successNoDataPushed, count: 1),
                StatusCodeCount(statusCode: .configurationError, count: 1),
                StatusCodeCount(statusCode: .dataPushError, count: 1),
            ])
            #expect(dashboard.successRate == 0.5)
            #expect(dashboard.days == [
                DailyBucket(dayStartMs: Self.day0, inProgress: 1, succeeded: 1),
                DailyBucket(dayStartMs: Self.day0 + Self.day, failed: 2),
                DailyBucket(dayStartMs: Self.day0 + 2 * Self.day),
                DailyBucket(dayStartMs: Self.day0 + 3 * Self.day, succeeded: 1),
            ])
            #expect(dashboard.items == ItemCounts(total: 3, succeeded: 2, failed: 1))
            #expect(dashboard.itemsByDataType == [
                DataTypeCounts(dataType: "bills", counts: ItemCounts(total: 1, succeeded: 1)),
                DataTypeCounts(dataType: "invoices", counts: ItemCounts(total: 2, succeeded: 1, failed: 1)),
            ])
        }
    }

    @Test func filters() throws {
        try withStore { store in
            try Self.populate(store)
            let range = (Self.day0, Self.day0 + 4 * Self.day)
            let acme = try store.getDashboard(GetDashboardRequest(fromMs: range.0, toMs: range.1, companyId: "acme"))
            #expect(acme.totalSyncs == 3)
            let expenses = try store.getDashboard(GetDashboardRequest(fromMs: range.0, toMs: range.1, product: .expenses))
            #expect(expenses.totalSyncs == 1 && expenses.successRate == 0)
            let netsuite = try store.getDashboard(GetDashboardRequest(fromMs: range.0, toMs: range.1, targetPlatform: "netsuite"))
            #expect(netsuite.byStatusCode == [StatusCodeCount(statusCode: .configurationError, count: 1)])
            let amazon = try store.getDashboard(GetDashboardRequest(fromMs: range.0, toMs: range.1, sourcePlatform: "amazon"))
            #expect(amazon.totalSyncs == 0 && amazon.successRate == 0 && amazon.items == ItemCounts())
            #expect(amazon.days.count == 4)
        }
    }

    @Test func invalidRanges() throws {
        try withStore { store in
            for request in [
                GetDashboardRequest(),
                GetDashboardRequest(fromMs: 10),
                GetDashboardRequest(toMs: 10),
                GetDashboardRequest(fromMs: 10, toMs: 10),
                GetDashboardRequest(fromMs: 10, toMs: 5),
                GetDashboardRequest(fromMs: 1, toMs: 2 + 400 * Self.day),
            ] {
                expectRPCError(.invalidArgument) { _ = try store.getDashboard(request) }
            }
        }
    }
}
