@testable import SyncHealthStorage
@testable import SyncHealthSQLite
@testable import SyncHealthRelational
import SyncHealthConcurrency
import SyncHealthWire
import Testing
import SyncHealthTestSupport
import SyncHealthTestTraits

@Suite(.offThePool) struct ListSyncsTests {
    static let filters: [ListSyncsRequest] = [
        ListSyncsRequest(),
        ListSyncsRequest(search: "ac"),
        ListSyncsRequest(search: "acme"),
        ListSyncsRequest(search: "b_"),  // literal underscore: must not match "beta"
        ListSyncsRequest(search: "b%"),
        ListSyncsRequest(search: "s_"),
        ListSyncsRequest(search: "s%-1"),
        ListSyncsRequest(search: "sb-17"),
        ListSyncsRequest(search: "é"),
        ListSyncsRequest(search: "ünï"),
        ListSyncsRequest(search: "zz"),
        ListSyncsRequest(companyId: "acme"),
        ListSyncsRequest(companyId: "b_ta"),
        ListSyncsRequest(startedFromMs: baseTime + 10 * SyncFixtures.hour, startedToMs: baseTime + 30 * SyncFixtures.hour),
        ListSyncsRequest(startedFromMs: baseTime + 35 * SyncFixtures.hour),
        ListSyncsRequest(startedToMs: baseTime + 5 * SyncFixtures.hour),
        ListSyncsRequest(statusCodes: [.successDataPushed, .dataPushError]),
        ListSyncsRequest(categories: [.failed]),
        ListSyncsRequest(categories: [.inProgress, .success]),
        ListSyncsRequest(statusCodes: [.inProgress], categories: [.success]),
        ListSyncsRequest(product: .expenses),
        ListSyncsRequest(sourcePlatform: "amazon"),
        ListSyncsRequest(targetPlatform: "xero"),
        ListSyncsRequest(
            search: "a", startedFromMs: baseTime + 3 * SyncFixtures.hour, categories: [.failed, .success],
            product: .commerce, targetPlatform: "netsuite"),
    ]

    static let sorts: [SyncSortField] = [.unspecified, .startedAt, .finishedAt, .duration, .statusCode, .company]
    static let orders: [SortOrder] = [.unspecified, .ascending, .descending]

    /// Every sort field in both orders, walked page by page, equals an
    /// in-memory sort of the same data.
    @Test func everySortAndOrderMatchesTheModel() throws {
        try withStore { store in
            let syncs = try SyncFixtures.populate(store, count: 240, seed: 42)
            for sort in Self.sorts {
                for order in Self.orders {
                    for (filterIndex, filter) in [Self.filters[0], Self.filters[1], Self.filters[17]].enumerated() {
                        var request = filter
                        request.sortBy = sort
                        request.order = order
                        request.pageSize = filterIndex == 0 ? 13 : 7
                        let expected = ListSyncsModel.sorted(syncs, request).map(\.syncId)
                        let actual = try walkSyncPages(store, request, pageSize: Int(request.pageSize)).map(\.syncId)
                        #expect(actual == expected, "sort \(sort) order \(order) filter \(filterIndex)")
                    }
                }
            }
        }
    }

    /// Every filter, walked page by page in two sorts, equals the model; the
    /// total counts all pages.
    @Test func everyFilterMatchesTheModel() throws {
        try withStore { store in
            let syncs = try SyncFixtures.populate(store, count: 240, seed: 7)
            for (index, filter) in Self.filters.enumerated() {
                for (sort, order) in [(SyncSortField.unspecified, SortOrder.unspecified), (.company, .ascending)] {
                    var request = filter
                    request.sortBy = sort
                    request.order = order
                    request.pageSize = 11
                    request.includeTotal = true
                    let expected = ListSyncsModel.sorted(syncs, request)
                    let first = try store.listSyncs(request)
                    #expect(first.total?.value == Int64(expected.count), "filter \(index)")
                    let actual = try walkSyncPages(store, request, pageSize: 11)
                    #expect(actual.map(\.syncId) == expected.map(\.syncId), "filter \(index)")
                    #expect(actual == expected, "listed syncs equal the stored ones, filter \(index)")
                }
            }
            // The wildcard searches really were literal.
            let underscore = try store.listSyncs(ListSyncsRequest(search: "b_", pageSize: 500)).syncs
            #expect(!underscore.isEmpty && underscore.allSatisfy { $0.companyId == "b_ta" })
        }
    }

    @Test func pageSizeOneWalksEverything() throws {
        try withStore { store in
            let syncs = try SyncFixtures.populate(store, count: 40, seed: 3)
            let request = ListSyncsRequest(sortBy: .duration, order: .ascending, pageSize: 1)
            #expect(try walkSyncPages(store, request, pageSize: 1).map(\.syncId)
                == ListSyncsModel.sorted(syncs, request).map(\.syncId))
        }
    }

    /// Syncs recorded between page requests never cause a duplicate or a skip
    /// of a sync that existed when the listing began.
    @Test(arguments: [SyncSortField.startedAt, .finishedAt, .duration, .statusCode, .company])
    func tokensSurviveInsertsBetweenPages(sort: SyncSortField) throws {
        try withStore { store in
            let original = try SyncFixtures.populate(store, count: 120, seed: 11)
            var generator = SplitMix64(seed: 99)
            var nextIndex = 10_000
            for order in [SortOrder.ascending, .descending] {
                var request = ListSyncsRequest(sortBy: sort, order: order, pageSize: 9)
                var seen: [Sync] = []
                repeat {
                    let response = try store.listSyncs(request)
                    seen += response.syncs
                    request.pageToken = response.nextPageToken
                    for _ in 0..<4 {
                        let sync = SyncFixtures.randomSync(nextIndex, using: &generator)
                        nextIndex += 1
                        try store.record(sync)
                    }
                } while !request.pageToken.isEmpty
                let ids = seen.map(\.syncId)
                #expect(Set(ids).count == ids.count, "no duplicates")
                #expect(Set(original.map(\.syncId)).isSubset(of: Set(ids)), "no pre-existing sync skipped")
                // What was returned is in order.
                var ordering = request
                ordering.pageToken = ""
                #expect(ListSyncsModel.sorted(seen, ordering).map(\.syncId) == ids)
            }
        }
    }

    @Test func malformedAndForeignTokens() throws {
        try withStore { store in
            _ = try SyncFixtures.populate(store, count: 30, seed: 5)
            let base = ListSyncsRequest(targetPlatform: "xero", pageSize: 2)
            let token = try store.listSyncs(base).nextPageToken
            #expect(!token.isEmpty)
            for bad in ["garbage", String(token.dropLast(3)), token + "x", String(token.reversed())] {
                var request = base
                request.pageToken = bad
                let error = expectRPCError(.invalidArgument) { _ = try store.listSyncs(request) }
                #expect(error?.message.contains(bad) == false)
            }
            // Reused with other filters or another sort, or on another list.
            var otherFilter = base
            otherFilter.pageToken = token
            otherFilter.targetPlatform = "netsuite"
            expectRPCError(.invalidArgument) { _ = try store.listSyncs(otherFilter) }
            var otherSort = base
            otherSort.pageToken = token
            otherSort.sortBy = .company
            expectRPCError(.invalidArgument) { _ = try store.listSyncs(otherSort) }
            expectRPCError(.invalidArgument) {
                _ = try store.listCompanySyncs(ListCompanySyncsRequest(companyId: "acme", pageSize: 2, pageToken: token))
            }
            expectRPCError(.invalidArgument) {
                _ = try store.listPushItems(ListPushItemsRequest(syncId: "sa-1", pageToken: token))
            }
            // Changing only the page size is allowed.
            var biggerPage = base
            biggerPage.pageToken = token
            biggerPage.pageSize = 5
            _ = try store.listSyncs(biggerPage)
        }
    }

    @Test func pageSizeLimits() throws {
        try withStore { store in
            _ = try SyncFixtures.populate(store, count: 120, seed: 1)
            #expect(try store.listSyncs(ListSyncsRequest()).syncs.count == 50)
            #expect(try store.listSyncs(ListSyncsRequest(pageSize: 500)).syncs.count == 120)
            #expect(try store.listSyncs(ListSyncsRequest(pageSize: 500)).nextPageToken.isEmpty)
            expectRPCError(.invalidArgument) { _ = try store.listSyncs(ListSyncsRequest(pageSize: 501)) }
            expectRPCError(.invalidArgument) { _ = try store.listSyncs(ListSyncsRequest(pageSize: -1)) }
        }
    }

    @Test func invalidFiltersAreRejected() throws {
        try withStore { store in
            for request in [
                ListSyncsRequest(startedFromMs: 20, startedToMs: 10),
                ListSyncsRequest(startedFromMs: -1),
                ListSyncsRequest(statusCodes: [.unrecognized(4001)]),
                ListSyncsRequest(statusCodes: [.unspecified]),
                ListSyncsRequest(categories: [.unrecognized(7)]),
                ListSyncsRequest(sortBy: .unrecognized(77)),
            ] {
                expectRPCError(.invalidArgument) { _ = try store.listSyncs(request) }
            }
        }
    }

    @Test func companyHistoryIsNewestFirstAndClientFriendly() throws {
        try withStore { store in
            let syncs = try SyncFixtures.populate(store, count: 150, seed: 21)
            var failing = makeSync("acme-bad", company: "acme", status: .configurationError, startedAt: baseTime + 100 * SyncFixtures.hour)
            failing.errorMessages = ["internal stack trace"]
            try store.record(failing, config: SyncConfig(document: [1]))
            let all = syncs + [try #require(try store.getSync(syncId: "acme-bad").sync)]
            let from = baseTime + 5 * SyncFixtures.hour
            var request = ListCompanySyncsRequest(companyId: "acme", startedFromMs: from, pageSize: 4)
            var listed: [CompanySync] = []
            repeat {
                let response = try store.listCompanySyncs(request)
                listed += response.syncs
                request.pageToken = response.nextPageToken
            } while !request.pageToken.isEmpty
            let expected = ListSyncsModel.sorted(all, ListSyncsRequest(companyId: "acme", startedFromMs: from))
            #expect(listed.map(\.syncId) == expected.map(\.syncId))
            let bad = try #require(listed.first)
            #expect(bad.syncId == "acme-bad" && bad.category == .failed && bad.statusCode == .configurationError)
            #expect(bad.statusDescription == SyncStatusCode.configurationError.clientDescription)
            #expect(try store.listCompanySyncs(ListCompanySyncsRequest(companyId: "nobody")).syncs.isEmpty)
            expectRPCError(.invalidArgument) { _ = try store.listCompanySyncs(ListCompanySyncsRequest()) }
            expectRPCError(.invalidArgument) {
                _ = try store.listCompanySyncs(ListCompanySyncsRequest(companyId: "acme", startedFromMs: 9, startedToMs: 3))
            }
        }
    }
}
