@testable import SyncHealthStorage
@testable import SyncHealthSQLite
@testable import SyncHealthRelational
import SyncHealthWire
import Testing
import SyncHealthTestSupport
import SyncHealthTestTraits

@Suite(.offThePool) struct ErrorGroupTests {
    static let day = Limits.millisecondsPerDay
    static let day0 = InsightsFixtures.day0
    static let invoice = "Invoice <id> total <num> does not match"

    /// Three companies; the invoice mismatch in items of two of them and in
    /// one sync's own messages, a rate limit on one sync.
    static func populate(_ store: any RelationalStore) throws {
        var first = makeSync("g-1", company: "acme", status: .successDataPushed, startedAt: day0 + 1_000, target: "xero")
        first.errorMessages = ["Invoice INV-1 total 5.00 does not match"]
        try store.record(first)
        try store.push("g-1", [
            report("a", status: .failed, error: "Invoice INV-1042 total 31.20 does not match"),
            report("b", status: .timedOut, error: "Invoice INV-77 total 8.00 does not match"),
            report("c", status: .failed, error: ""),
            report("d"),
        ])
        try store.record(makeSync("g-2", company: "beta", status: .successDataPushed, startedAt: day0 + day, target: "netsuite"))
        try store.push("g-2", [report("a", status: .failed, error: "Invoice INV-9 total 1.00 does not match")])
        var third = makeSync("g-3", company: "gamma", status: .genericServerError, startedAt: day0 + 2 * day)
        third.errorMessages = ["Xero API rate limit exceeded, retry after 60 seconds"]
        try store.record(third)
        // Outside the range.
        try store.record(makeSync("g-old", company: "acme", status: .successDataPushed, startedAt: day0 - 1))
        try store.push("g-old", [report("a", status: .failed, error: "Invoice INV-2 total 2.00 does not match")])
    }

    @Test func listsGroupsWithTheirDetails() throws {
        try withStore { store in
            try Self.populate(store)
            let response = try store.listErrorGroups(ListErrorGroupsRequest(startedFromMs: Self.day0, startedToMs: Self.day0 + 3 * Self.day))
            #expect(response.nextPageToken.isEmpty)
            #expect(response.groups.count == 2)
            let invoice = try #require(response.groups.first)
            let invoiceId = try #require(ErrorFingerprint(message: "Invoice INV-1 total 5.00 does not match")).groupId
            #expect(invoice == ErrorGroup(
                groupId: invoiceId, fingerprint: Self.invoice, count: 4,
                firstSeenMs: Self.day0 + 1_000, lastSeenMs: Self.day0 + Self.day, companiesAffected: 2,
                exampleMessage: "Invoice INV-1 total 5.00 does not match", exampleSyncIds: ["g-2", "g-1"],
                syncsAffected: 2, itemOccurrences: 3,
                topTargetPlatforms: [PlatformCount(platform: "xero", count: 3), PlatformCount(platform: "netsuite", count: 1)]))
            #expect(response.groups.last?.fingerprint == "Xero API rate limit exceeded, retry after <num> seconds")
            #expect(response.groups.last?.count == 1 && response.groups.last?.itemOccurrences == 0)

            // Filters narrow every number.
            let beta = try store.listErrorGroups(ListErrorGroupsRequest(
                startedFromMs: Self.day0, startedToMs: Self.day0 + 3 * Self.day, companyId: "beta"))
            #expect(beta.groups.map(\.count) == [1])
            #expect(beta.groups.first?.exampleSyncIds == ["g-2"] && beta.groups.first?.companiesAffected == 1)
            let netsuite = try store.listErrorGroups(ListErrorGroupsRequest(
                startedFromMs: Self.day0, startedToMs: Self.day0 + 3 * Self.day, targetPlatform: "netsuite"))
            #expect(netsuite.groups.map(\.groupId) == [invoiceId])
            let expenses = try store.listErrorGroups(ListErrorGroupsRequest(
                startedFromMs: Self.day0, startedToMs: Self.day0 + 3 * Self.day, product: .expenses))
            #expect(expenses.groups.isEmpty)
        }
    }

    @Test func pagesAndTokens() throws {
        try withStore { store in
            try Self.populate(store)
            let request = ListErrorGroupsRequest(startedFromMs: Self.day0, startedToMs: Self.day0 + 3 * Self.day, pageSize: 1)
            let first = try store.listErrorGroups(request)
            #expect(first.groups.count == 1 && !first.nextPageToken.isEmpty)
            var next = request
            next.pageToken = first.nextPageToken
            let second = try store.listErrorGroups(next)
            #expect(second.groups.count == 1 && second.nextPageToken.isEmpty)
            #expect(first.groups[0].groupId != second.groups[0].groupId)
            // A token is bound to its filters.
            next.companyId = "acme"
            expectRPCError(.invalidArgument) { _ = try store.listErrorGroups(next) }
            var syncToken = ListErrorGroupsRequest(startedFromMs: Self.day0, startedToMs: Self.day0 + Self.day)
            syncToken.pageToken = try store.listSyncs(ListSyncsRequest(pageSize: 1)).nextPageToken
            expectRPCError(.invalidArgument) { _ = try store.listErrorGroups(syncToken) }
        }
    }

    @Test func badRequests() throws {
        try withStore { store in
            for request in [
                ListErrorGroupsRequest(),
                ListErrorGroupsRequest(startedFromMs: 10),
                ListErrorGroupsRequest(startedFromMs: 10, startedToMs: 5),
                ListErrorGroupsRequest(startedFromMs: 1, startedToMs: 2 + 400 * Self.day),
                ListErrorGroupsRequest(startedFromMs: 1, startedToMs: 10, product: .unrecognized(9)),
                ListErrorGroupsRequest(startedFromMs: 1, startedToMs: 10, pageSize: -1),
                ListErrorGroupsRequest(startedFromMs: 1, startedToMs: 10, targetPlatform: "x\u{1}"),
                ListErrorGroupsRequest(startedFromMs: 1, startedToMs: 10, pageToken: "garbage"),
            ] {
                let error = expectRPCError(.invalidArgument) { _ = try store.listErrorGroups(request) }
                #expect(!(error?.message.contains("garbage") ?? false))
            }
        }
    }

    @Test func listSyncsFiltersByGroup() throws {
        try withStore { store in
            try Self.populate(store)
            let invoiceId = try #require(ErrorFingerprint(message: "Invoice INV-5 total 1.00 does not match")).groupId
            let all = try walkSyncPages(store, ListSyncsRequest(pageSize: 1, errorGroupId: invoiceId), pageSize: 1)
            #expect(all.map(\.syncId) == ["g-2", "g-1", "g-old"])
            let counted = try store.listSyncs(ListSyncsRequest(companyId: "acme", includeTotal: true, errorGroupId: invoiceId))
            #expect(counted.syncs.map(\.syncId) == ["g-1", "g-old"] && counted.total?.value == 2)
            #expect(try store.listSyncs(ListSyncsRequest(errorGroupId: "0000000000000000")).syncs.isEmpty)
            for bad in ["ABCDEF0123456789", "abc", "9f86d081884c7d6g", "' OR 1=1 --"] {
                let error = expectRPCError(.invalidArgument) { _ = try store.listSyncs(ListSyncsRequest(errorGroupId: bad)) }
                #expect(!(error?.message.contains(bad) ?? false))
            }
            // A token from the unfiltered listing does not continue the filtered one.
            let token = try store.listSyncs(ListSyncsRequest(pageSize: 1)).nextPageToken
            expectRPCError(.invalidArgument) {
                _ = try store.listSyncs(ListSyncsRequest(pageSize: 1, pageToken: token, errorGroupId: invoiceId))
            }

            // Once a retry fixes g-2's only failed item, g-2 leaves the group.
            try store.push("g-2", [report("a", status: .success, at: baseTime + 50_000, key: "retry")])
            let after = try walkSyncPages(store, ListSyncsRequest(pageSize: 10, errorGroupId: invoiceId), pageSize: 10)
            #expect(after.map(\.syncId) == ["g-1", "g-old"])
        }
    }

    @Test func dashboardLeadsToTheSyncs() throws {
        try withStore { store in
            try Self.populate(store)
            let dashboard = try store.getDashboard(GetDashboardRequest(fromMs: Self.day0, toMs: Self.day0 + 3 * Self.day))
            let top = try #require(dashboard.topErrorGroups.first)
            #expect(top.fingerprint == Self.invoice)
            let syncs = try store.listSyncs(ListSyncsRequest(
                startedFromMs: Self.day0, startedToMs: Self.day0 + 3 * Self.day, errorGroupId: top.groupId))
            #expect(syncs.syncs.map(\.syncId) == top.exampleSyncIds)
        }
    }
}
