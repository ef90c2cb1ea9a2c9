import Foundation
import SyncHealthClient
import SyncHealthProcess
import SyncHealthTestSupport
import SyncHealthWire
import Testing
import SyncHealthTestTraits

/// Two synchealthd processes on one PostgreSQL database: what one writes,
/// the other reads at once, and a retry job created through one is run by
/// the executors of both.
@Suite(.enabled(if: TestCluster.enabled, "no PostgreSQL: set SYNCHEALTH_TEST_POSTGRES_URL (tools/test does)"), .offThePool)
struct PostgresReplicaTests {
    @Test func twoReplicasShareOneDatabase() async throws {
        let database = try TemporaryPostgresDatabase()
        let run = try await SandboxRun.start(prefix: "synchealth-replicas", sandboxArguments: ["--seed", "5", "--latency-ms", "5"])
        defer { run.sandbox.send(SIGKILL) }
        let config = run.directory.file("synchealthd.conf")
        try """
            listen = 127.0.0.1:0
            database = \(database.url)
            database-pool-size = 4
            log-level = warning
            connector.xero = 127.0.0.1:\(run.sandboxPort)
            retry-workers = 4
            retry-poll-interval = 50
            retry-backoff-initial = 20
            retry-backoff-max = 100
            """.write(toFile: config, atomically: true, encoding: .utf8)
        let first = try await ChildProcess.daemon(run.daemon, config: config, stderrPath: run.directory.file("first.err"))
        defer { first.send(SIGKILL) }
        let second = try await ChildProcess.daemon(run.daemon, config: config, stderrPath: run.directory.file("second.err"))
        defer { second.send(SIGKILL) }
        let a = try SyncHealthClient(target: "127.0.0.1:\(try await first.listeningPort())", timeout: .seconds(10))
        let b = try SyncHealthClient(target: "127.0.0.1:\(try await second.listeningPort())", timeout: .seconds(10))
        defer { a.close(); b.close() }

        // Ingest through one, read through the other.
        _ = try await a.recordSync(RecordSyncRequest(sync: Fixtures.sync("rep-1", code: .dataPushError), config: Fixtures.config()))
        _ = try await a.recordPushItems(RecordPushItemsRequest(
            syncId: "rep-1", items: (0..<40).map { Fixtures.item("item-\($0)", status: .failed, error: "Account 400 is archived") }))
        let viaA = try await a.getSync(GetSyncRequest(syncId: "rep-1"))
        let viaB = try await b.getSync(GetSyncRequest(syncId: "rep-1"))
        #expect(viaB == viaA)
        #expect(viaB.sync?.itemCounts?.failed == 40)
        #expect(try await b.listSyncs(ListSyncsRequest(statusCodes: [.dataPushError])).syncs.map(\.syncId) == ["rep-1"])

        // A retry job created through the second is run by both executors.
        let job = try #require(try await b.retryFailedItems(RetryFailedItemsRequest(
            scope: RetryScope(scope: .sync(SyncRetryScope(syncId: "rep-1"))),
            reason: "replica test", idempotencyKey: "rep-key")).job)
        // The same request through the other replica is the same job.
        let again = try await a.retryFailedItems(RetryFailedItemsRequest(
            scope: RetryScope(scope: .sync(SyncRetryScope(syncId: "rep-1"))),
            reason: "replica test", idempotencyKey: "rep-key"))
        #expect(again.job?.jobId == job.jobId && again.existing)
        let finished = await waitUntil(seconds: 60) {
            (try? await a.getRetryJob(GetRetryJobRequest(jobId: job.jobId)).job?.state) == .succeeded
        }
        let stderr = (try? String(contentsOfFile: run.directory.file("first.err"), encoding: .utf8)) ?? ""
        #expect(finished, "the job did not end; synchealthd said: \(stderr.suffix(2_000))")
        #expect(try await b.getSync(GetSyncRequest(syncId: "rep-1")).sync?.statusCode == .successDataPushed)

        // Every attempt went out under one key, once.
        var keys: [String: Set<String>] = [:]
        for line in deliveryLines(run.deliveries) {
            let fields = line.split(separator: " ").map(String.init)
            try #require(fields.count == 4, "bad delivery line")
            keys["\(fields[0]) \(fields[1])", default: []].insert(fields[2])
        }
        #expect(keys.count == 40)
        #expect(keys.values.allSatisfy { $0.count == 1 })
        #expect(deliveryLines(run.deliveries).count == 40)
        await first.stop(grace: .seconds(20))
        await second.stop(grace: .seconds(20))
    }
}
