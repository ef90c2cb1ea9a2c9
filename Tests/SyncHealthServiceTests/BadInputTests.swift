import SyncHealthClient
import SyncHealthTestSupport
import SyncHealthWire
import Testing
import SyncHealthTestTraits

/// Every RPC answers bad input with the right status and writes nothing.
@Suite(.offThePool) struct BadInputTests {
    /// Runs `body` and returns the status code it failed with.
    func code(_ body: () async throws -> Void) async -> StatusCode? {
        do {
            try await body()
            return nil
        } catch let error as RPCError {
            return error.code
        } catch {
            return .unknown
        }
    }

    func totals(_ service: LiveService, syncId: String) async throws -> (syncs: Int64, items: Int64) {
        let syncs = try await service.client.listSyncs(ListSyncsRequest(includeTotal: true)).total?.value ?? -1
        let items = try await service.client.listPushItems(ListPushItemsRequest(syncId: syncId, includeTotal: true)).total?.value ?? -1
        return (syncs, items)
    }

    @Test(arguments: TransportMode.allCases)
    func historyMethodsRejectBadInput(mode: TransportMode) async throws {
        let service = try LiveService(mode: mode)
        defer { service.stop() }
        let c = service.client
        _ = try await c.recordSync(RecordSyncRequest(sync: Fixtures.sync("known"), config: Fixtures.config()))
        _ = try await c.recordSync(RecordSyncRequest(sync: Fixtures.sync("known-2", minutes: 5)))

        #expect(await code { _ = try await c.getSync(GetSyncRequest(syncId: "")) } == .invalidArgument)
        #expect(await code { _ = try await c.getSync(GetSyncRequest(syncId: "nope")) } == .notFound)
        #expect(await code { _ = try await c.getSyncConfig(GetSyncConfigRequest(syncId: "")) } == .invalidArgument)
        #expect(await code { _ = try await c.getSyncConfig(GetSyncConfigRequest(syncId: "nope")) } == .notFound)
        #expect(await code { _ = try await c.listPushItems(ListPushItemsRequest(syncId: "")) } == .invalidArgument)
        #expect(await code { _ = try await c.listPushItems(ListPushItemsRequest(syncId: "nope")) } == .notFound)
        #expect(await code { _ = try await c.listPushItems(ListPushItemsRequest(syncId: "known", pageSize: 501)) } == .invalidArgument)
        #expect(await code { _ = try await c.listSyncs(ListSyncsRequest(pageSize: 501)) } == .invalidArgument)
        #expect(await code { _ = try await c.listSyncs(ListSyncsRequest(pageSize: -1)) } == .invalidArgument)
        #expect(await code { _ = try await c.listSyncs(ListSyncsRequest(pageToken: "not-a-token")) } == .invalidArgument)
        #expect(await code { _ = try await c.listSyncs(ListSyncsRequest(startedFromMs: Fixtures.baseTime, startedToMs: Fixtures.baseTime - 1)) } == .invalidArgument)
        #expect(await code { _ = try await c.listSyncs(ListSyncsRequest(statusCodes: [.unrecognized(1234)])) } == .invalidArgument)

        // A token is bound to the query that made it.
        let first = try await c.listSyncs(ListSyncsRequest(pageSize: 1))
        #expect(!first.nextPageToken.isEmpty)
        #expect(await code { _ = try await c.listSyncs(ListSyncsRequest(companyId: "other", pageSize: 1, pageToken: first.nextPageToken)) } == .invalidArgument)
        #expect(await code { _ = try await c.listSyncs(ListSyncsRequest(sortBy: .company, pageSize: 1, pageToken: first.nextPageToken)) } == .invalidArgument)

        #expect(await code { _ = try await c.getDashboard(GetDashboardRequest(fromMs: Fixtures.baseTime, toMs: Fixtures.baseTime - 1)) } == .invalidArgument)
        #expect(await code { _ = try await c.listCompanySyncs(ListCompanySyncsRequest(companyId: "")) } == .invalidArgument)
    }

    @Test(arguments: TransportMode.allCases)
    func recordSyncRejectsBadInputAndWritesNothing(mode: TransportMode) async throws {
        let service = try LiveService(mode: mode)
        defer { service.stop() }
        let c = service.client
        _ = try await c.recordSync(RecordSyncRequest(sync: Fixtures.sync("done")))
        let before = try await totals(service, syncId: "done")

        #expect(await code { _ = try await c.recordSync(RecordSyncRequest()) } == .invalidArgument)
        var noId = Fixtures.sync("x"); noId.syncId = ""
        #expect(await code { _ = try await c.recordSync(RecordSyncRequest(sync: noId)) } == .invalidArgument)
        var noCompany = Fixtures.sync("x"); noCompany.companyId = ""
        #expect(await code { _ = try await c.recordSync(RecordSyncRequest(sync: noCompany)) } == .invalidArgument)
        var unknownCode = Fixtures.sync("x"); unknownCode.statusCode = .unrecognized(4242)
        #expect(await code { _ = try await c.recordSync(RecordSyncRequest(sync: unknownCode)) } == .invalidArgument)
        var backwards = Fixtures.sync("x"); backwards.finishedAtMs = backwards.startedAtMs - 1
        #expect(await code { _ = try await c.recordSync(RecordSyncRequest(sync: backwards)) } == .invalidArgument)
        var longId = Fixtures.sync("x"); longId.syncId = String(repeating: "a", count: Limits.maxIdBytes + 1)
        #expect(await code { _ = try await c.recordSync(RecordSyncRequest(sync: longId)) } == .invalidArgument)
        // A finished sync does not go back to in progress.
        let reopened = Fixtures.sync("done", code: .inProgress)
        #expect(await code { _ = try await c.recordSync(RecordSyncRequest(sync: reopened)) } == .failedPrecondition)

        let after = try await totals(service, syncId: "done")
        #expect(after == before)
        let stored = try await c.getSync(GetSyncRequest(syncId: "done"))
        #expect(stored.sync?.statusCode == .successDataPushed)
    }

    @Test(arguments: TransportMode.allCases)
    func recordPushItemsRejectsBadBatchesWhole(mode: TransportMode) async throws {
        let service = try LiveService(mode: mode)
        defer { service.stop() }
        let c = service.client
        _ = try await c.recordSync(RecordSyncRequest(sync: Fixtures.sync("s", code: .inProgress)))
        _ = try await c.recordPushItems(RecordPushItemsRequest(syncId: "s", items: [Fixtures.item("existing")]))
        let before = try await totals(service, syncId: "s")

        #expect(await code { _ = try await c.recordPushItems(RecordPushItemsRequest(syncId: "s", items: [])) } == .invalidArgument)
        #expect(await code { _ = try await c.recordPushItems(RecordPushItemsRequest(syncId: "", items: [Fixtures.item("a")])) } == .invalidArgument)
        #expect(await code { _ = try await c.recordPushItems(RecordPushItemsRequest(syncId: "unknown", items: [Fixtures.item("a")])) } == .notFound)
        let tooMany = (0...Limits.maxPushItemsPerBatch).map { Fixtures.item("bulk-\($0)") }
        #expect(tooMany.count == 10_001)
        #expect(await code { _ = try await c.recordPushItems(RecordPushItemsRequest(syncId: "s", items: tooMany)) } == .invalidArgument)
        // One bad report among good ones: nothing of the batch is written.
        var bad = Fixtures.item("bad"); bad.dataType = ""
        #expect(await code { _ = try await c.recordPushItems(RecordPushItemsRequest(syncId: "s", items: [Fixtures.item("good-1"), bad, Fixtures.item("good-2")])) } == .invalidArgument)
        var unknownStatus = Fixtures.item("odd"); unknownStatus.status = .unrecognized(99)
        #expect(await code { _ = try await c.recordPushItems(RecordPushItemsRequest(syncId: "s", items: [unknownStatus])) } == .invalidArgument)

        let after = try await totals(service, syncId: "s")
        #expect(after == before)

        // The limit itself is accepted.
        let exactly = (0..<Limits.maxPushItemsPerBatch).map { Fixtures.item("ok-\($0)") }
        let accepted = try await c.recordPushItems(RecordPushItemsRequest(syncId: "s", items: exactly))
        #expect(accepted.accepted == Int32(Limits.maxPushItemsPerBatch))
    }

    @Test(arguments: TransportMode.allCases)
    func undecodableRequestAndUnknownMethod(mode: TransportMode) async throws {
        let service = try LiveService(mode: mode)
        defer { service.stop() }
        let rpc = service.client.transport
        // Field 1 (sync_id) as a length-delimited string claiming 100 bytes that are not there.
        let garbage: [UInt8] = [0x0A, 0x64, 0x41]
        #expect(await code { _ = try await rpc.callRaw(Methods.SyncHistory.getSync.fullName, garbage, timeout: .seconds(5)) } == .invalidArgument)
        // Invalid UTF-8 in a string field.
        let badUTF8: [UInt8] = [0x0A, 0x02, 0xFF, 0xFE]
        #expect(await code { _ = try await rpc.callRaw(Methods.SyncHistory.getSync.fullName, badUTF8, timeout: .seconds(5)) } == .invalidArgument)
        #expect(await code { _ = try await rpc.callRaw("/synchealth.v1.SyncHistory/DropTables", [], timeout: .seconds(5)) } == .unimplemented)
    }
}
