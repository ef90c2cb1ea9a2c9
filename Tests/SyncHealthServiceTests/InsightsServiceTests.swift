import SyncHealthClient
import SyncHealthTestSupport
import SyncHealthWire
import Testing
import SyncHealthTestTraits

/// Dashboard, error groups and the configuration diff through the client
/// and a live server.
@Suite(.offThePool) struct InsightsServiceTests {
    static let day: Int64 = 86_400_000

    @Test(arguments: TransportMode.allCases)
    func topErrorGroupLeadsToItsSyncs(mode: TransportMode) async throws {
        let service = try LiveService(mode: mode)
        defer { service.stop() }
        let client = service.client
        for (index, company) in ["company-1", "company-2", "company-3"].enumerated() {
            let sync = Fixtures.sync("e-\(index)", company: company, minutes: Int64(index))
            _ = try await client.recordSync(RecordSyncRequest(sync: sync))
            _ = try await client.recordPushItems(RecordPushItemsRequest(syncId: sync.syncId, items: [
                Fixtures.item("a", status: .failed, error: "Invoice INV-\(1000 + index) total \(index).50 does not match"),
                Fixtures.item("b"),
            ]))
        }
        _ = try await client.recordSync(RecordSyncRequest(sync: Fixtures.sync("e-x", code: .configurationError, minutes: 9)))

        let range = (Fixtures.baseTime - Self.day, Fixtures.baseTime + Self.day)
        let dashboard = try await client.getDashboard(GetDashboardRequest(fromMs: range.0, toMs: range.1))
        #expect(dashboard.totalSyncs == 4)
        let top = try #require(dashboard.topErrorGroups.first)
        #expect(top.fingerprint == "Invoice <id> total <num> does not match")
        #expect(top.count == 3 && top.companiesAffected == 3 && top.itemOccurrences == 3)
        #expect(top.exampleSyncIds == ["e-2", "e-1", "e-0"])

        let groups = try await client.listErrorGroups(ListErrorGroupsRequest(startedFromMs: range.0, startedToMs: range.1))
        #expect(groups.groups.first == top)
        #expect(groups.groups.map(\.fingerprint).contains("It failed: <num>"))

        let syncs = try await client.listSyncs(ListSyncsRequest(includeTotal: true, errorGroupId: top.groupId))
        #expect(syncs.syncs.map(\.syncId) == ["e-2", "e-1", "e-0"])
        #expect(syncs.total?.value == 3)

        await #expect(throws: RPCError.self) {
            _ = try await client.listErrorGroups(ListErrorGroupsRequest(startedFromMs: range.1, startedToMs: range.0))
        }
        await #expect(throws: RPCError.self) {
            _ = try await client.listSyncs(ListSyncsRequest(errorGroupId: "not-a-group"))
        }
    }

    @Test(arguments: TransportMode.allCases)
    func configDiffAgainstYesterday(mode: TransportMode) async throws {
        let service = try LiveService(mode: mode)
        defer { service.stop() }
        let client = service.client
        _ = try await client.recordSync(RecordSyncRequest(
            sync: Fixtures.sync("yesterday", minutes: 0), config: Fixtures.config(#"{"accounts":{"sales":"200"}}"#)))
        _ = try await client.recordSync(RecordSyncRequest(
            sync: Fixtures.sync("today", code: .configurationError, minutes: 24 * 60),
            config: Fixtures.config(#"{"accounts":{"sales":"201"}}"#)))

        let response = try await client.getSyncConfig(GetSyncConfigRequest(syncId: "today", includeDiff: true))
        let diff = try #require(response.diff)
        #expect(diff.state == .compared && diff.baselineSyncId == "yesterday")
        #expect(diff.baselineStartedAtMs == Fixtures.baseTime)
        #expect(diff.changes == [ConfigChange(path: "$.accounts.sales", kind: .changed, oldValue: #""200""#, newValue: #""201""#)])

        let first = try await client.getSyncConfig(GetSyncConfigRequest(syncId: "yesterday", includeDiff: true))
        #expect(first.diff?.state == .noBaseline)
        #expect(try await client.getSyncConfig(GetSyncConfigRequest(syncId: "today")).diff == nil)
    }
}
