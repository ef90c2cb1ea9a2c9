import SyncHealthClient
import SyncHealthTestSupport
import SyncHealthWire
import Testing
import SyncHealthTestTraits

/// Many calls on one connection and many connections at once.
@Suite(.offThePool) struct ConcurrencyTests {
    @Test func manyConcurrentCallsOnOneConnection() async throws {
        let service = try LiveService()
        defer { service.stop() }
        for index in 0..<20 {
            _ = try await service.client.recordSync(RecordSyncRequest(sync: Fixtures.sync("s\(index)", minutes: Int64(index))))
        }
        let client = service.client
        let ids = try await withThrowingTaskGroup(of: String.self) { group in
            for call in 0..<90 {
                group.addTask {
                    let response = try await client.getSync(GetSyncRequest(syncId: "s\(call % 20)"))
                    return response.sync?.syncId ?? ""
                }
            }
            var ids: [String] = []
            for try await id in group { ids.append(id) }
            return ids
        }
        #expect(ids.count == 90)
        #expect(Set(ids) == Set((0..<20).map { "s\($0)" }))
    }

    @Test func manyConnectionsWritingAndReadingAtOnce() async throws {
        let service = try LiveService()
        defer { service.stop() }
        let address = service.address
        try await withThrowingTaskGroup(of: Void.self) { group in
            for connection in 0..<12 {
                group.addTask {
                    let client = try SyncHealthClient(target: address, timeout: .seconds(20))
                    defer { client.close() }
                    for index in 0..<5 {
                        let id = "c\(connection)-s\(index)"
                        _ = try await client.recordSync(RecordSyncRequest(sync: Fixtures.sync(id, company: "company-\(connection)", minutes: Int64(index))))
                        _ = try await client.recordPushItems(RecordPushItemsRequest(syncId: id, items: [Fixtures.item("\(id)-i")]))
                        let read = try await client.getSync(GetSyncRequest(syncId: id))
                        #expect(read.sync?.itemCounts?.total == 1)
                    }
                }
            }
            try await group.waitForAll()
        }
        let all = try await service.client.listSyncs(ListSyncsRequest(includeTotal: true))
        #expect(all.total?.value == 60)
    }
}
