import Foundation
@testable import SyncHealthStorage
@testable import SyncHealthSQLite
@testable import SyncHealthRelational
import SyncHealthPostgres
import SyncHealthTestSupport
import SyncHealthWire
import Testing

/// A fresh directory holding one test's database file; removed (with the
/// WAL and SHM files) when the object goes away.
final class TemporaryDatabase {
    let directory: URL
    var path: String { directory.appendingPathComponent("synchealth.sqlite").path }

    init() throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("synchealth-storage-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: directory)
    }

    func openStore(readers: Int = 4) throws -> SQLiteSyncStore {
        try SQLiteSyncStore(configuration: .init(path: path, readerCount: readers))
    }
}

/// Runs `body` with a SQLite store on a temporary database that is deleted
/// afterwards: for what only SQLite has (query plans, WAL, the file).
func withSQLiteStore<T>(readers: Int = 4, _ body: (SQLiteSyncStore) throws -> T) throws -> T {
    let database = try TemporaryDatabase()
    return try withExtendedLifetime(database) {
        try body(try database.openStore(readers: readers))
    }
}

/// The conformance suite's runner: `body` runs once on a fresh SQLite store
/// and once on a fresh PostgreSQL store (a new database on the test
/// cluster, dropped afterwards), so the two engines cannot differ silently.
/// The PostgreSQL run happens wherever a cluster is configured and is
/// required in CI (`TestCluster.required`); a failure names the engine.
/// Returns the SQLite run's result.
@discardableResult
func withStore<T>(readers: Int = 4, _ body: (any RelationalStore) throws -> T) throws -> T {
    let result = try withSQLiteStore(readers: readers) { store in
        try withKnownEngine("sqlite") { try body(store) }
    }
    if TestCluster.enabled {
        _ = try TestCluster.withDatabase { url in
            let store = try PostgresSyncStore(configuration: .init(url: url, poolSize: max(2, readers)))
            return try withKnownEngine("postgresql") { try body(store) }
        }
    }
    return result
}

/// Runs `body`; an error it throws is thrown again naming `engine`.
private func withKnownEngine<T>(_ engine: String, _ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch {
        throw EngineFailure(engine: engine, underlying: error)
    }
}

/// An error of one engine's run of a conformance test.
struct EngineFailure: Error, CustomStringConvertible {
    var engine: String
    var underlying: any Error
    var description: String {
        let cause = (underlying as? RPCError)?.cause.map { " (cause: \($0))" } ?? ""
        return "on \(engine): \(underlying)\(cause)"
    }
}

/// Expects `body` to throw an `RPCError` with `code`; returns it.
@discardableResult
func expectRPCError(
    _ code: StatusCode, sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void
) -> RPCError? {
    do {
        try body()
        Issue.record("expected \(code.name), but the call succeeded", sourceLocation: sourceLocation)
        return nil
    } catch let error as RPCError {
        #expect(error.code == code, "got \(error)", sourceLocation: sourceLocation)
        return error
    } catch {
        Issue.record("expected RPCError \(code.name), got \(error)", sourceLocation: sourceLocation)
        return nil
    }
}

let baseTime: Int64 = 1_700_000_000_000

/// A valid finished sync.
func makeSync(
    _ syncId: String, company: String = "company-1", status: SyncStatusCode = .successDataPushed,
    startedAt: Int64 = baseTime, finishedAt: Int64? = nil, product: Product = .commerce,
    source: String = "shopify", target: String = "xero"
) -> Sync {
    Sync(
        syncId: syncId, companyId: company, product: product, sourcePlatform: source,
        targetPlatform: target, statusCode: status, startedAtMs: startedAt,
        finishedAtMs: finishedAt ?? (status.isFinished ? startedAt + 60_000 : 0),
        notes: ["Please reconcile manually"], errorMessages: [])
}

func report(
    _ itemId: String, status: PushItemStatus = .success, dataType: String = "invoices",
    core: String = "", at: Int64 = baseTime + 1_000, key: String = "", error: String = ""
) -> PushItemReport {
    PushItemReport(
        itemId: itemId, coreId: core.isEmpty ? "core-\(itemId)" : core, dataType: dataType, status: status,
        errorMessage: error, attemptedAtMs: at, targetRecordId: status == .success ? "rec-\(itemId)" : "",
        retryable: true, idempotencyKey: key)
}

extension RelationalStore {
    @discardableResult
    func record(_ sync: Sync, config: SyncConfig? = nil, now: Int64 = baseTime) throws -> RecordSyncResponse {
        try recordSync(RecordSyncRequest(sync: sync, config: config), now: now)
    }

    @discardableResult
    func push(_ syncId: String, _ items: [PushItemReport], now: Int64 = baseTime) throws -> RecordPushItemsResponse {
        try recordPushItems(RecordPushItemsRequest(syncId: syncId, items: items), now: now)
    }

    /// A summary of everything stored: row counts and the mutable columns of
    /// syncs and items. Equal snapshots mean nothing was written.
    func snapshot() throws -> [String] {
        try read { connection in
            var lines: [String] = []
            for table in ["syncs", "configs", "sync_configs", "push_items", "push_attempts", "schema_migrations"] {
                lines.append("\(table)=\(try connection.scalar("SELECT count(*) FROM \(table)"))")
            }
            lines += try connection.all("""
                SELECT sync_id || '|' || company_id || '|' || status_code || '|' || reported_status_code || '|' ||
                       finished_at || '|' || items_total || '|' || updated_at || '|' || coalesce(config_hash, '-')
                FROM syncs ORDER BY sync_id
                """) { $0.text(0) }
            lines += try connection.all("""
                SELECT item_id || '|' || status || '|' || attempt_count || '|' || updated_at FROM push_items ORDER BY id
                """) { $0.text(0) }
            return lines
        }
    }

    func count(_ table: String) throws -> Int64 {
        try read { try $0.scalar("SELECT count(*) FROM \(table)") }
    }
}
