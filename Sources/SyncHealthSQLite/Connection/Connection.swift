import SyncHealthStorage
internal import CSQLite

/// One SQLite connection. Closed when the object goes away.
///
/// Not thread-safe: a `Connection` is used by one thread at a time. The
/// writer lives on its own serial queue (`SerializedConnection`) and readers
/// are checked out of `ReaderPool` one caller at a time.
final class Connection {
    /// How the connection opens the file.
    enum Mode: Sendable {
        /// Read-write, creating the file if needed: the single writer.
        case writer
        /// Read-only: a reader of the pool.
        case reader
    }

    let handle: OpaquePointer
    let mode: Mode
    /// The lock wait set at open; see `withBusyTimeout`.
    private let busyTimeoutMs: Int32
    private var cache: [String: Statement] = [:]
    private var cacheOrder: [String] = []
    /// Most statements kept prepared. The query planner yields one SQL shape
    /// per combination of filters, so the cache is bounded and evicts the
    /// oldest entry.
    static let statementCacheCapacity = 128

    /// Opens the database at `path`.
    /// - Parameter busyTimeoutMs: how long a call waits for a lock held by
    ///   another connection before failing with SQLITE_BUSY.
    init(path: String, mode: Mode, busyTimeoutMs: Int32) throws(DatabaseError) {
        var db: OpaquePointer?
        // NOMUTEX: SQLite's own per-connection mutex is redundant, because
        // every connection is confined to one thread at a time by its owner.
        let flags: Int32 = switch mode {
        case .writer: SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        case .reader: SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX
        }
        let code = sqlite3_open_v2(path, &db, flags, nil)
        guard code == SQLITE_OK, let db else {
            let error = DatabaseError(code: code, operation: "open", db: db)
            sqlite3_close_v2(db)
            throw error
        }
        self.handle = db
        self.mode = mode
        self.busyTimeoutMs = busyTimeoutMs
        sqlite3_extended_result_codes(db, 1)
        sqlite3_busy_timeout(db, busyTimeoutMs)
        try configure()
    }

    deinit {
        // Finalize cached statements before closing; close_v2 would otherwise
        // leave the connection as a zombie until they are gone.
        cache.removeAll()
        sqlite3_close_v2(handle)
    }

    /// Connection settings.
    ///
    /// - `journal_mode=WAL`: readers never block the writer and the writer
    ///   never blocks readers; each reader sees a consistent snapshot.
    /// - `synchronous=FULL`: in WAL mode, NORMAL only syncs at checkpoints, so
    ///   the last commits can vanish on power loss even though we already
    ///   answered OK. The sync engine does not resend what we acknowledged, so
    ///   an acknowledged RecordSync / RecordPushItems must survive: FULL syncs
    ///   the WAL on every commit.
    /// - `foreign_keys=ON`: push items cannot point at missing syncs.
    private func configure() throws(DatabaseError) {
        switch mode {
        case .writer:
            try execute("PRAGMA journal_mode = WAL")
            try execute("PRAGMA synchronous = FULL")
            try execute("PRAGMA foreign_keys = ON")
        case .reader:
            try execute("PRAGMA foreign_keys = ON")
        }
    }

    /// Runs `body` with the lock wait set to `ms`, then restores the wait
    /// set at open.
    func withBusyTimeout<T>(ms: Int32, _ body: () throws -> T) rethrows -> T {
        sqlite3_busy_timeout(handle, ms)
        defer { sqlite3_busy_timeout(handle, busyTimeoutMs) }
        return try body()
    }

    /// Runs one or more statements that take no arguments (schema, pragmas).
    func execute(_ sql: String) throws(DatabaseError) {
        var errorText: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(handle, sql, nil, nil, &errorText)
        if let errorText {
            sqlite3_free(errorText)
        }
        guard code == SQLITE_OK else {
            throw DatabaseError(code: code, operation: "execute", db: handle)
        }
    }

    /// A prepared statement for `sql`, reset and unbound, from the cache when
    /// possible. A statement that is in use (a caller is iterating it) is not
    /// handed out again; a fresh, uncached one is prepared instead.
    func statement(_ sql: String) throws(DatabaseError) -> Statement {
        if let cached = cache[sql] {
            if !cached.isInUse {
                cached.reset()
                return cached
            }
            return try Statement(db: handle, sql: sql)
        }
        let statement = try Statement(db: handle, sql: sql)
        if cache.count >= Self.statementCacheCapacity, !cacheOrder.isEmpty {
            cache[cacheOrder.removeFirst()] = nil
        }
        cache[sql] = statement
        cacheOrder.append(sql)
        return statement
    }

    /// Rows changed by the latest INSERT, UPDATE or DELETE.
    var changes: Int { Int(sqlite3_changes64(handle)) }

    /// The rowid of the latest successful INSERT.
    var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// True while a transaction is open.
    var isInTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }
}
