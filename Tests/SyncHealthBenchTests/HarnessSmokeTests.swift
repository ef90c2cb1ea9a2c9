import Foundation
import SyncHealthBench
import SyncHealthTestSupport
import Testing
import SyncHealthTestTraits

/// The benchmark harness end to end on a tiny data set: it must run and
/// produce sane output. Benchmarks never run in the test suite and nothing
/// here looks at a time.
@Suite(.offThePool) struct HarnessSmokeTests {
    @Test func suiteRunsOnATinyDataSetAndReportsEveryRow() async throws {
        let directory = TemporaryDirectory()
        let spec = DataSetSpec(syncs: 300, items: 3_000, companies: 30)
        var options = SuiteOptions(
            spec: spec, workDirectory: directory.path, serverExecutable: BuildProducts.path("synchealthd"),
            echoBinary: "\(directory.path)/no-echo-binary", runs: 1, duration: .milliseconds(300), maxCalls: 200,
            pipelinedConnections: 2, pipelinedInFlight: 2, writeBatches: 2, batchSize: 50,
            ingestSyncs: 10, idleConnections: 10, deepPage: 3, floorCalls: 10, retryItems: 20)
        options.retryLatencyMs = 5
        options.retryConcurrencyList = [1, 2]
        let results = try await Suite.run(options: options, swiftVersion: "test") { _ in }

        for row in SuiteRow.allCases {
            let runs = try #require(results.rows[row.rawValue], "row \(row.rawValue) missing")
            #expect(runs.count == 1)
            for run in runs {
                #expect(run.load.calls > 0, "\(row.rawValue) made no calls")
                #expect(run.load.errors == 0, "\(row.rawValue): \(run.load.firstError ?? "")")
                #expect(run.load.latency.count == run.load.calls)
                #expect(run.load.latency.p50 > 0 && run.load.latency.p50 <= run.load.latency.p99)
            }
        }
        #expect(results.rows[SuiteRow.recordPushItems.rawValue]?.first?.load.units == 2 * 50)
        for floor in SuiteFloor.allCases where floor != .echoGetSync {
            let summary = try #require(results.floors[floor.rawValue]?.first, "floor \(floor.rawValue) missing")
            #expect(summary.count > 0)
        }
        #expect(results.deepPage >= 2)  // ~72 failed syncs: two pages of 50
        #expect(results.idleRSS.count == 1 && results.idleRSS[0] > 0)
        #expect(results.peakRSS > 0)
        #expect(results.retry["no-latency"]?.first?.items == 20)
        for workers in [1, 2] {
            let point = try #require(results.retry["latency-c\(workers)"]?.first)
            #expect(point.items >= 40 && point.itemsPerSecond > 0)
        }

        let markdown = MarkdownReport.render(results, command: "test", notes: "")
        #expect(markdown.contains("## Targets (issue 6)"))
        #expect(markdown.contains("GetSync, 1 connection, 1 in flight"))
    }

    @Test func dataSetSpecIsDeterministicAndSkewed() {
        let spec = DataSetSpec(syncs: 10_000, items: 100_000, companies: 1_000)
        #expect(spec.syncId(42) == spec.syncId(42))
        #expect(Set((0..<10_000).map(spec.syncId)).count == 10_000)
        #expect(spec.items(ofSync: 7).count == 10)
        let firstCompany = (0..<10_000).filter { spec.companyIndex(ofSync: $0) == 0 }.count
        #expect(firstCompany > 500)  // (1/1000)^(1/3) = 10% of syncs
    }
}
