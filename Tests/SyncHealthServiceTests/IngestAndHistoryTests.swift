import Foundation
import SyncHealthClient
import SyncHealthTestSupport
import SyncHealthWire
import Testing
import SyncHealthTestTraits

/// The service end to end: the client over TCP to a live server on an
/// ephemeral port, backed by a real SQLite file.
@Suite(.offThePool) struct IngestAndHistoryTests {
    @Test(arguments: TransportMode.allCases)
    func recordedSyncIsReadBackThroughEveryHistoryMethod(mode: TransportMode) async throws {
        let service = try LiveService(mode: mode)
        defer { service.stop() }
        let client = service.client

        var sync = Fixtures.sync("sync-e2e-1", code: .inProgress)
        let created = try await client.recordSync(RecordSyncRequest(sync: sync, config: Fixtures.config()))
        #expect(created.created)
        #expect(created.sync?.statusCode == .inProgress)

        let items = [
            Fixtures.item("i1"), Fixtures.item("i2", dataType: "payments"),
            Fixtures.item("i3", status: .failed, core: "ord_1042", error: "Invoice # INV-1042 must be unique."),
        ]
        let recorded = try await client.recordPushItems(RecordPushItemsRequest(syncId: sync.syncId, items: items))
        #expect(recorded.accepted == 3)
        #expect(recorded.created == 3)

        sync.statusCode = .successDataPushed
        sync.finishedAtMs = sync.startedAtMs + 90_000
        let finished = try await client.recordSync(RecordSyncRequest(sync: sync))
        #expect(!finished.created)
        // The product's rule: any failed item makes the sync failed.
        #expect(finished.sync?.statusCode == .dataPushError)

        let detail = try await client.getSync(GetSyncRequest(syncId: sync.syncId))
        let counts = try #require(detail.sync?.itemCounts)
        #expect(counts.total == 3 && counts.succeeded == 2 && counts.failed == 1)
        #expect(detail.dataTypes.map(\.dataType) == ["invoices", "payments"])
        #expect(detail.sync?.sourcePlatform == "shopify" && detail.sync?.targetPlatform == "xero")
        #expect(detail.sync?.notes == sync.notes)

        let config = try await client.getSyncConfig(GetSyncConfigRequest(syncId: sync.syncId))
        #expect(config.config?.document == Fixtures.config().document)
        #expect(config.config?.contentType == "application/json")
        #expect(config.config?.hash.count == 64)
        #expect(config.config?.fileName.isEmpty == false)

        let failed = try await client.listPushItems(ListPushItemsRequest(syncId: sync.syncId, statuses: [.failed], includeAttempts: true))
        #expect(failed.items.map(\.itemId) == ["i3"])
        #expect(failed.items.first?.attempts.count == 1)
        #expect(failed.items.first?.errorMessage == "Invoice # INV-1042 must be unique.")

        let byCore = try await client.listPushItems(ListPushItemsRequest(syncId: sync.syncId, search: "ord_10"))
        #expect(byCore.items.map(\.itemId) == ["i3"])

        let list = try await client.listSyncs(ListSyncsRequest(companyId: "company-1", categories: [.failed], includeTotal: true))
        #expect(list.syncs.map(\.syncId) == [sync.syncId])
        #expect(list.total?.value == 1)

        let company = try await client.listCompanySyncs(ListCompanySyncsRequest(companyId: "company-1"))
        #expect(company.syncs.map(\.syncId) == [sync.syncId])
        #expect(company.syncs.first?.category == .failed)

        let dashboard = try await client.getDashboard(GetDashboardRequest(fromMs: Fixtures.baseTime - 86_400_000, toMs: Fixtures.baseTime + 86_400_000))
        #expect(dashboard.totalSyncs == 1)
    }

    @Test(arguments: TransportMode.allCases)
    func pagesThroughHistoryWithTokens(mode: TransportMode) async throws {
        let service = try LiveService(mode: mode)
        defer { service.stop() }
        for index in 0..<23 {
            _ = try await service.client.recordSync(RecordSyncRequest(sync: Fixtures.sync(String(format: "sync-%03d", index), minutes: Int64(index))))
        }
        var request = ListSyncsRequest(sortBy: .startedAt, order: .ascending, pageSize: 5, includeTotal: true)
        var seen: [String] = []
        var pages = 0
        repeat {
            let page = try await service.client.listSyncs(request)
            if pages == 0 { #expect(page.total?.value == 23) }
            seen += page.syncs.map(\.syncId)
            request.pageToken = page.nextPageToken
            request.includeTotal = false
            pages += 1
        } while !request.pageToken.isEmpty && pages < 50
        #expect(pages == 5)
        #expect(seen == (0..<23).map { String(format: "sync-%03d", $0) })
    }
}
