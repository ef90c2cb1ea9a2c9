import SyncHealthDemo
import SyncHealthStorage
import SyncHealthSQLite
import SyncHealthTestSupport
import SyncHealthWire
import Testing
import SyncHealthTestTraits

/// The demo data set: deterministic, realistic, and loadable through the real
/// ingest path.
@Suite(.offThePool) struct DemoDataTests {
    static let now: Int64 = 1_795_000_000_000

    @Test func sameSeedSameData() {
        let a = DemoDataGenerator.generate(seed: 42, now: Self.now)
        let b = DemoDataGenerator.generate(seed: 42, now: Self.now)
        let c = DemoDataGenerator.generate(seed: 43, now: Self.now)
        #expect(a == b)
        #expect(a != c)
    }

    @Test func coversWhatTheProductShows() {
        let data = DemoDataGenerator.generate(seed: 42, now: Self.now)
        var finalSyncs: [String: Sync] = [:]
        var items: [PushItemReport] = []
        for operation in data.operations {
            switch operation {
            case .recordSync(let request): if let sync = request.sync { finalSyncs[sync.syncId] = sync }
            case .recordPushItems(let request): items += request.items
            }
        }
        #expect((30...60).contains(data.companies.count))
        #expect(Set(data.companies.map(\.targetPlatform)).count >= 4)
        #expect(Set(data.companies.map(\.sourcePlatform)).count >= 4)
        #expect(Set(data.companies.map(\.product)) == [.commerce, .expenses])
        // Every status code appears.
        let codes = Set(finalSyncs.values.map(\.statusCode))
        for code in SyncStatusCode.allKnown where code != .unspecified {
            #expect(codes.contains(code), "demo has no sync with status \(code.rawValue)")
        }
        // Every data type of both products, and every item status.
        let dataTypes = Set(items.map(\.dataType))
        #expect(dataTypes.isSuperset(of: ["invoices", "creditNotes", "payments", "journalEntries", "expenses"]))
        #expect(Set(items.map(\.status)) == [.pending, .success, .failed, .timedOut])
        // The reconcile note and realistic platform errors.
        #expect(finalSyncs.values.contains { $0.notes.contains { $0.hasPrefix("Please reconcile manually") } })
        #expect(items.contains { $0.errorMessage.contains("Account code") || $0.errorMessage.contains("Duplicate Document Number") })
        // Spread over the last 90 days.
        let starts = finalSyncs.values.map(\.startedAtMs)
        #expect((starts.min() ?? 0) >= Self.now - 91 * 86_400_000)
        #expect((starts.max() ?? 0) < Self.now)
        #expect(finalSyncs.count > 1_000)
    }

    @Test func configurationsDifferBetweenCompanies() {
        let data = DemoDataGenerator.generate(seed: 42, now: Self.now)
        var documents = Set<[UInt8]>()
        for case .recordSync(let request) in data.operations {
            if let config = request.config { documents.insert(config.document) }
        }
        #expect(documents.count >= data.companies.count)
    }

    @Test func loadsThroughTheStore() throws {
        let directory = TemporaryDirectory()
        let store = try SQLiteSyncStore(path: directory.file("demo.sqlite"))
        let data = DemoDataGenerator.generate(seed: 7, now: Self.now, companies: 8, days: 10)
        let summary = try DemoLoader.load(data, into: store, now: Self.now)
        #expect(summary.syncs == data.syncCount)
        let listed = try store.listSyncs(ListSyncsRequest(includeTotal: true))
        #expect(listed.total?.value == Int64(data.syncCount))
        // Syncs with failed items are failed, per the product's rule.
        let failedItems = try store.listSyncs(ListSyncsRequest(statusCodes: [.dataPushError], pageSize: 500))
        for sync in failedItems.syncs {
            let counts = try #require(sync.itemCounts)
            #expect(counts.failed + counts.timedOut > 0)
        }
    }
}

extension DemoDataTests {
    @Test func companiesAloneMatchTheFullDataSet() {
        let data = DemoDataGenerator.generate(seed: 42, now: Self.now)
        #expect(DemoDataGenerator.companies(seed: 42) == data.companies)
        #expect(DemoDataGenerator.companies(seed: 43) != data.companies)
    }
}
