import Foundation
import SyncHealthRetry
import SyncHealthStorage
public import SyncHealthSQLite
import SyncHealthWire

/// The retry executor's throughput, in process: a fresh database holding
/// `items` failed, retryable items (500 per sync, all to "xero"), one retry
/// job per sync, then `RetryExecutor.runUntilIdle()` against the sandbox
/// connector until every item is pushed. Nothing is sent over the network.
public enum RetryBench {
    /// One measured point.
    public struct Point: Sendable, Hashable, Codable {
        /// Executor workers and the per-platform limit.
        public var workers: Int
        public var perPlatformLimit: Int
        /// Sandbox push latency, ms.
        public var latencyMs: Int64
        /// Items retried and how long the executor took.
        public var items: Int
        public var seconds: Double
        /// Items pushed per second.
        public var itemsPerSecond: Double { seconds > 0 ? Double(items) / seconds : 0 }
    }

    static let itemsPerSync = 500

    /// Seeds `items` failed items into a new database at `path` and queues their retry jobs.
    public static func seed(path: String, items: Int) throws -> SQLiteSyncStore {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        let store = try SQLiteSyncStore(configuration: .init(path: path))
        let syncCount = (items + itemsPerSync - 1) / itemsPerSync
        let started = DataSetSpec.yearEndMs - 3_600_000
        var syncs: [RecordSyncRequest] = []
        var batches: [RecordPushItemsRequest] = []
        for s in 0..<syncCount {
            let syncId = "retry-bench-\(s)"
            syncs.append(RecordSyncRequest(sync: Sync(
                syncId: syncId, companyId: "co-retry-\(s % 10)", product: .commerce, sourcePlatform: "shopify",
                targetPlatform: "xero", statusCode: .dataPushError, startedAtMs: started, finishedAtMs: started + 60_000)))
            let count = min(itemsPerSync, items - s * itemsPerSync)
            batches.append(RecordPushItemsRequest(syncId: syncId, items: (0..<count).map { n in
                PushItemReport(
                    itemId: "it-\(n)", coreId: "core-\(s)-\(n)", dataType: "invoices", status: .failed,
                    errorMessage: "Xero is unavailable (HTTP 503).", attemptedAtMs: started + 1_000,
                    retryable: true, idempotencyKey: "\(syncId)-\(n)-1")
            }))
        }
        try store.bulkIngest(syncs: syncs, pushItems: batches, now: started + 120_000)
        for s in 0..<syncCount {
            _ = try store.retryFailedItems(
                RetryFailedItemsRequest(
                    scope: RetryScope(scope: .sync(SyncRetryScope(syncId: "retry-bench-\(s)"))),
                    reason: "benchmark", idempotencyKey: "bench-\(s)"),
                requestedBy: "bench", now: RetryClock.systemMs())
        }
        return store
    }

    /// Seeds, then times the executor draining the jobs.
    public static func run(directory: String, items: Int, latencyMs: Int64, workers: Int, perPlatformLimit: Int) throws -> Point {
        let store = try seed(path: "\(directory)/retry.sqlite", items: items)
        var configuration = RetryExecutorConfiguration()
        configuration.workerCount = workers
        configuration.perPlatformConcurrency = perPlatformLimit
        configuration.pollIntervalMs = 50
        let connector = SandboxConnector(behavior: SandboxBehavior(latencyMs: latencyMs))
        let executor = RetryExecutor(store: store, connectors: ConnectorRegistry(fallback: connector), configuration: configuration)
        let clock = ContinuousClock()
        let started = clock.now
        executor.runUntilIdle()
        let seconds = (clock.now - started).seconds
        let pushed = connector.deliveriesByKey.count
        guard pushed == items else { throw BenchError("retry executor pushed \(pushed) of \(items) items") }
        return Point(workers: workers, perPlatformLimit: perPlatformLimit, latencyMs: latencyMs, items: items, seconds: seconds)
    }
}
