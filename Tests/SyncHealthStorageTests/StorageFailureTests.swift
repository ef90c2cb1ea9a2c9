import Foundation
@testable import SyncHealthSQLite
@testable import SyncHealthRelational
@testable import SyncHealthStorage
import SyncHealthWire
import Testing
import SyncHealthTestSupport
import SyncHealthTestTraits

/// Engine errors become client statuses in one place (`StorageFailure`), and
/// what a client reads names neither the engine nor its codes.
@Suite(.offThePool) struct StorageFailureTests {
    @Test(arguments: [
        (Int32(5), StatusCode.unavailable),     // SQLITE_BUSY
        (Int32(6), StatusCode.unavailable),     // SQLITE_LOCKED
        (Int32(13), StatusCode.resourceExhausted),  // SQLITE_FULL
        (Int32(11), StatusCode.dataLoss),       // SQLITE_CORRUPT
        (Int32(26), StatusCode.dataLoss),       // SQLITE_NOTADB
        (Int32(2067), StatusCode.internal),     // SQLITE_CONSTRAINT_UNIQUE
        (Int32(1), StatusCode.internal),        // SQLITE_ERROR
    ])
    func sqliteCodesMapToStatuses(code: Int32, status: StatusCode) throws {
        let error = DatabaseError(extendedCode: code, operation: "step", message: "table syncs: something")
        let mapped = #expect(throws: RPCError.self) {
            try guardedStorageCall { throw error }
        }
        #expect(mapped?.code == status)
        let text = mapped?.message ?? ""
        #expect(!text.localizedCaseInsensitiveContains("sqlite"))
        #expect(!text.contains("\(code)"))
        #expect(!text.contains("syncs"))
        // The operator's detail keeps the engine's code, carried as the
        // error's cause for the server's log line (not compared, not sent).
        #expect(error.storageFailure.detail.contains("\(code)"))
        let cause = mapped?.cause as? StorageFailure
        #expect(cause?.detail.contains("SQLite error \(code)") == true)
    }

    @Test func domainErrorsPassThroughAndOthersAreInternal() {
        let domain = RPCError.invalidArgument("sync_id is required")
        #expect(throws: domain) { try guardedStorageCall { throw domain } }
        struct Strange: Error {}
        let other = #expect(throws: RPCError.self) { try guardedStorageCall { throw Strange() } }
        #expect(other == RPCError.internal("storage error"))
    }

    /// A real lock held by another connection: the write waits its busy
    /// timeout, then answers UNAVAILABLE with a message that names no engine.
    @Test func aLockedDatabaseIsUnavailableWithoutEngineWords() throws {
        let database = try TemporaryDatabase()
        let store = try SQLiteSyncStore(configuration: .init(path: database.path, readerCount: 1, busyTimeoutMs: 20))
        let holder = try Connection(path: database.path, mode: .writer, busyTimeoutMs: 20)
        try holder.execute("BEGIN IMMEDIATE")
        defer { try? holder.execute("ROLLBACK") }
        let error = expectRPCError(.unavailable) {
            _ = try store.recordSync(RecordSyncRequest(sync: makeSync("s-locked")), now: 1)
        }
        #expect(error?.message == "database is busy or unreachable; try again")
    }
}
