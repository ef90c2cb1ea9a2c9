import Foundation
@testable import SyncHealthStorage
@testable import SyncHealthSQLite
@testable import SyncHealthRelational
import SyncHealthPostgres
import SyncHealthTestSupport
import SyncHealthWire
import Testing

/// 2026-11-01T00:00:00Z: syncs and items of the retry tests happen around it.
let t0: Int64 = Fixtures.baseTime

/// A store on a fresh database of `engine` (a file deleted with its
/// directory, or a PostgreSQL database dropped with this value).
struct TestStore {
    let directory = TemporaryDirectory(prefix: "synchealth-retry")
    let store: any RelationalStore
    private let postgres: TemporaryPostgresDatabase?

    init(engine: TestEngine = .sqlite) throws {
        switch engine {
        case .sqlite:
            postgres = nil
            store = try SQLiteSyncStore(path: directory.file("retry.sqlite"))
        case .postgresql:
            let database = try TemporaryPostgresDatabase()
            postgres = database
            store = try PostgresSyncStore(url: database.url)
        }
    }

    /// Records a sync and its items.
    @discardableResult
    func seed(
        _ syncId: String, code: SyncStatusCode = .dataPushError, target: String = "xero", company: String = "company-1",
        minutes: Int64 = 0, items: [PushItemReport]
    ) throws -> Sync {
        let sync = Fixtures.sync(syncId, company: company, code: code, minutes: minutes, target: target)
        _ = try store.recordSync(RecordSyncRequest(sync: sync), now: t0)
        if !items.isEmpty {
            _ = try store.recordPushItems(RecordPushItemsRequest(syncId: syncId, items: items), now: t0)
        }
        return try #require(try store.getSync(syncId: syncId).sync)
    }

    /// Row counts of every table plus the mutable columns of syncs, items
    /// and attempts: equal snapshots mean nothing was written.
    func snapshot() throws -> [String] {
        try store.read { connection in
            var lines: [String] = []
            for table in ["syncs", "push_items", "push_attempts", "retry_jobs", "retry_tasks"] {
                lines.append("\(table)=\(try connection.scalar("SELECT count(*) FROM \(table)"))")
            }
            lines += try connection.all(
                "SELECT sync_id || '|' || status_code || '|' || items_failed || '|' || updated_at FROM syncs ORDER BY id") { $0.text(0) }
            lines += try connection.all(
                "SELECT item_id || '|' || status || '|' || attempt_count || '|' || updated_at FROM push_items ORDER BY id") { $0.text(0) }
            return lines
        }
    }

    func count(_ table: String, where condition: String = "TRUE") throws -> Int64 {
        try store.read { try $0.scalar("SELECT count(*) FROM \(table) WHERE \(condition)") }
    }

    /// One item's attempt history.
    func attempts(_ syncId: String, _ itemId: String) throws -> [PushAttempt] {
        let items = try store.listPushItems(ListPushItemsRequest(syncId: syncId, pageSize: 500, includeAttempts: true)).items
        return try #require(items.first { $0.itemId == itemId }).attempts
    }

    func item(_ syncId: String, _ itemId: String) throws -> PushItem {
        let items = try store.listPushItems(ListPushItemsRequest(syncId: syncId, pageSize: 500, includeAttempts: true)).items
        return try #require(items.first { $0.itemId == itemId })
    }

    /// Leases up to `limit` attempts for "test-worker".
    func lease(at now: Int64, limit: Int = 100, leaseMs: Int64 = 10_000, perPlatform: Int? = nil) throws -> [RetryLease] {
        try store.leaseRetryAttempts(RetryLeaseRequest(
            owner: "test-worker", now: now, leaseDurationMs: leaseMs, limit: limit, perPlatformLimit: perPlatform))
    }

    /// Records `outcome` for `lease`.
    @discardableResult
    func complete(
        _ lease: RetryLease, _ outcome: PushOutcome, retryable: Bool = true, error: String = "",
        requeueAt: Int64? = nil, at now: Int64
    ) throws -> RetryCompletion {
        let response = PushResponse(
            outcome: outcome, targetRecordId: outcome == .success ? "rec-\(lease.request.itemId)" : "",
            errorMessage: error, retryable: retryable)
        return try store.completeRetryAttempt(RetryAttemptResult(lease: lease, response: response, requeueAtMs: requeueAt), now: now)
    }
}

/// An item report with a key.
func item(
    _ id: String, _ status: PushItemStatus = .failed, dataType: String = "invoices", retryable: Bool = true,
    core: String? = nil
) -> PushItemReport {
    var report = Fixtures.item(id, status: status, dataType: dataType, core: core)
    report.retryable = retryable
    return report
}

/// A RetryFailedItems request over one sync.
func syncRetry(
    _ syncId: String, items: [String] = [], dataTypes: [String] = [], key: String = "key-1",
    reason: String = "Account mapping fixed", dryRun: Bool = false, force: Bool = false
) -> RetryFailedItemsRequest {
    RetryFailedItemsRequest(
        scope: RetryScope(scope: .sync(SyncRetryScope(syncId: syncId, itemIds: items, dataTypes: dataTypes))),
        reason: reason, idempotencyKey: key, dryRun: dryRun, force: force)
}

/// A RetryFailedItems request over a filter.
func filterRetry(
    _ filter: FilterRetryScope, key: String = "key-f", reason: String = "Xero outage is over", dryRun: Bool = false
) -> RetryFailedItemsRequest {
    RetryFailedItemsRequest(scope: RetryScope(scope: .filter(filter)), reason: reason, idempotencyKey: key, dryRun: dryRun)
}

/// Expects `body` to throw an `RPCError` with `code`.
func expectError(_ code: StatusCode, sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void) {
    do {
        try body()
        Issue.record("expected \(code.name), but the call succeeded", sourceLocation: sourceLocation)
    } catch let error as RPCError {
        #expect(error.code == code, "got \(error)", sourceLocation: sourceLocation)
    } catch {
        Issue.record("expected \(code.name), got \(error)", sourceLocation: sourceLocation)
    }
}

extension RetryPreview {
    /// Skip counts by reason.
    var skipCounts: [SkipReason: Int64] {
        Dictionary(skipped.map { ($0.reason, $0.count) }, uniquingKeysWith: +)
    }

    /// Item ids with their skip reason (nil when retried).
    var verdicts: [String: SkipReason?] {
        Dictionary(items.map { ($0.itemId, $0.willRetry ? nil : $0.skipReason) }, uniquingKeysWith: { a, _ in a })
    }
}

/// A failed sync `syncId` with `items` failed items ("item-0" ...) in the
/// database file at `database`, and a retry job for them; returns its id.
/// For the tests that run synchealthd as a process on that file.
func seedRetryJob(database: String, syncId: String, items: Int, key: String) throws -> String {
    let store = try SQLiteSyncStore(path: database)
    _ = try store.recordSync(RecordSyncRequest(sync: Fixtures.sync(syncId)), now: Fixtures.baseTime)
    _ = try store.recordPushItems(RecordPushItemsRequest(
        syncId: syncId, items: (0..<items).map { Fixtures.item("item-\($0)", status: .failed) }), now: Fixtures.baseTime)
    let response = try store.retryFailedItems(RetryFailedItemsRequest(
        scope: RetryScope(scope: .sync(SyncRetryScope(syncId: syncId))),
        reason: "process test", idempotencyKey: key), requestedBy: "process-test", now: Fixtures.baseTime)
    return try #require(response.job?.jobId)
}
