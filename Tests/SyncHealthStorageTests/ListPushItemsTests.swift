@testable import SyncHealthStorage
@testable import SyncHealthSQLite
@testable import SyncHealthRelational
import SyncHealthConcurrency
import SyncHealthWire
import Testing
import SyncHealthTestSupport
import SyncHealthTestTraits

@Suite(.offThePool) struct ListPushItemsTests {
    static let dataTypes = ["invoices", "creditNotes", "payments", "bills", "journalEntries"]
    static let statuses: [PushItemStatus] = [.pending, .success, .failed, .timedOut]

    /// Records 180 random items on "s-1" (and a few on "s-2"); returns the
    /// reports of "s-1".
    static func populate(_ store: any RelationalStore) throws -> [PushItemReport] {
        try store.record(makeSync("s-1", status: .inProgress))
        try store.record(makeSync("s-2", status: .inProgress))
        var generator = SplitMix64(seed: 17)
        let reports = (0..<180).map { index in
            report(
                "item-\(index % 3 == 0 ? "a" : "b")-\(index)",
                status: statuses.randomElement(using: &generator) ?? .success,
                dataType: dataTypes.randomElement(using: &generator) ?? "invoices",
                core: "order-\(Int.random(in: 0..<30, using: &generator))")
        }
        try store.push("s-1", reports)
        try store.push("s-2", [report("other-1"), report("other-2", status: .failed)])
        return reports
    }

    static func expected(_ reports: [PushItemReport], _ request: ListPushItemsRequest) -> [String] {
        reports.filter { item in
            if !request.search.isEmpty && !item.coreId.hasPrefix(request.search) && item.dataType != request.search {
                return false
            }
            if !request.dataTypes.isEmpty && !request.dataTypes.contains(item.dataType) { return false }
            if !request.statuses.isEmpty && !request.statuses.contains(item.status) { return false }
            return true
        }
        .sorted {
            $0.dataType != $1.dataType
                ? ListSyncsModel.bytesBefore($0.dataType, $1.dataType)
                : ListSyncsModel.bytesBefore($0.itemId, $1.itemId)
        }
        .map(\.itemId)
    }

    @Test func filtersAndPaginationMatchTheModel() throws {
        try withStore { store in
            let reports = try Self.populate(store)
            let requests: [ListPushItemsRequest] = [
                ListPushItemsRequest(syncId: "s-1"),
                ListPushItemsRequest(syncId: "s-1", search: "order-1"),  // core id prefix
                ListPushItemsRequest(syncId: "s-1", search: "order-12"),  // exact core id
                ListPushItemsRequest(syncId: "s-1", search: "payments"),  // data type
                ListPushItemsRequest(syncId: "s-1", search: "pay"),  // data types only match exactly
                ListPushItemsRequest(syncId: "s-1", dataTypes: ["bills", "invoices"]),
                ListPushItemsRequest(syncId: "s-1", statuses: [.failed, .timedOut]),
                ListPushItemsRequest(syncId: "s-1", search: "order-2", dataTypes: ["bills"], statuses: [.success]),
            ]
            for (index, base) in requests.enumerated() {
                var request = base
                request.pageSize = 8
                request.includeTotal = true
                let expected = Self.expected(reports, request)
                var listed: [PushItem] = []
                repeat {
                    let response = try store.listPushItems(request)
                    #expect(response.total?.value == Int64(expected.count), "request \(index)")
                    #expect(response.items.count <= 8)
                    listed += response.items
                    request.pageToken = response.nextPageToken
                } while !request.pageToken.isEmpty
                #expect(listed.map(\.itemId) == expected, "request \(index)")
                #expect(listed.allSatisfy { $0.syncId == "s-1" && $0.attempts.isEmpty })
            }
        }
    }

    @Test func includesAttemptsOldestFirst() throws {
        try withStore { store in
            try store.record(makeSync("s-1", status: .inProgress))
            try store.push("s-1", [report("i-1", status: .failed, at: baseTime + 1, error: "rate limited")])
            try store.push("s-1", [report("i-1", status: .timedOut, at: baseTime + 2, key: "k2")])
            try store.push("s-1", [report("i-1", status: .success, at: baseTime + 3, key: "k3")])
            let item = try #require(try store.listPushItems(
                ListPushItemsRequest(syncId: "s-1", includeAttempts: true)).items.first)
            #expect(item.attempts.map(\.number) == [1, 2, 3])
            #expect(item.attempts.map(\.outcome) == [.failed, .timedOut, .success])
            #expect(item.attempts[0].errorMessage == "rate limited")
            #expect(item.attempts[1].idempotencyKey == "k2")
            #expect(item.status == .success && item.errorMessage == "" && item.attemptCount == 3)
        }
    }

    @Test func errors() throws {
        try withStore { store in
            try store.record(makeSync("s-1"))
            expectRPCError(.invalidArgument) { _ = try store.listPushItems(ListPushItemsRequest()) }
            expectRPCError(.notFound) { _ = try store.listPushItems(ListPushItemsRequest(syncId: "missing")) }
            expectRPCError(.invalidArgument) {
                _ = try store.listPushItems(ListPushItemsRequest(syncId: "s-1", statuses: [.unrecognized(12)]))
            }
            expectRPCError(.invalidArgument) { _ = try store.listPushItems(ListPushItemsRequest(syncId: "s-1", pageSize: 501)) }
            #expect(try store.listPushItems(ListPushItemsRequest(syncId: "s-1", includeTotal: true)).total?.value == 0)
        }
    }
}
