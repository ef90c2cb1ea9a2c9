import CSQLite
import SyncHealthStorage
import SyncHealthSQLite
public import SyncHealthRelational

/// The SQL floor: the exact statements SyncHealth runs for a request
/// (`PlannedSQL`), run with the raw SQLite C API on a read-only connection to
/// the same file, inside one read transaction as the server does. Every
/// column of every row is read, so SQLite materializes what the server's
/// decoder reads. Statements are prepared once and reused, as the server's
/// statement cache does. Not Sendable: one thread uses it.
public final class SQLFloor {
    private var db: OpaquePointer?
    private var statements: [String: OpaquePointer] = [:]

    /// Opens `path` read-only.
    public init(path: String) throws {
        guard sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nil) == SQLITE_OK else {
            sqlite3_close_v2(db)
            throw BenchError("cannot open \(path) read-only")
        }
        sqlite3_busy_timeout(db, 5_000)
    }

    deinit {
        for statement in statements.values { sqlite3_finalize(statement) }
        sqlite3_close_v2(db)
    }

    /// Runs `planned` once; returns the rows read (all statements together).
    @discardableResult
    public func run(_ planned: [PlannedSQL]) throws -> Int {
        try exec("BEGIN DEFERRED")
        defer { _ = try? exec("COMMIT") }
        var rows = 0
        var firstRowID: Int64 = 0
        for (index, query) in planned.enumerated() {
            let statement = try prepared(query.sql)
            defer { sqlite3_reset(statement); sqlite3_clear_bindings(statement) }
            for (n, argument) in query.arguments.enumerated() {
                try bind(argument, at: Int32(n + 1), rowID: firstRowID, on: statement)
            }
            while true {
                let code = sqlite3_step(statement)
                if code == SQLITE_DONE { break }
                guard code == SQLITE_ROW else { throw BenchError("sqlite3_step failed: \(code)") }
                if index == 0 && rows == 0 { firstRowID = sqlite3_column_int64(statement, 0) }
                Self.touchColumns(statement)
                rows += 1
            }
        }
        return rows
    }

    /// Times `count` runs (at most `maxDuration`) of the statements `make(i)` returns.
    public func measure(count: Int, maxDuration: Duration = .seconds(5), _ make: (Int) throws -> [PlannedSQL]) throws -> LatencySummary {
        var recorder = LatencyRecorder()
        let clock = ContinuousClock()
        let warmUpEnd = clock.now + maxDuration / 5
        for i in 0..<min(count, 50) where clock.now < warmUpEnd { try run(make(i)) }  // warm the page cache
        let deadline = clock.now + maxDuration
        for i in 0..<count where clock.now < deadline {
            let planned = try make(i)
            let started = clock.now
            try run(planned)
            recorder.record(clock.now - started)
        }
        return recorder.summary
    }

    private static func touchColumns(_ statement: OpaquePointer) {
        var sink = 0
        for column in 0..<sqlite3_column_count(statement) {
            switch sqlite3_column_type(statement, column) {
            case SQLITE_INTEGER: sink &+= Int(truncatingIfNeeded: sqlite3_column_int64(statement, column))
            case SQLITE_FLOAT: sink &+= Int(sqlite3_column_double(statement, column))
            case SQLITE_TEXT:
                _ = sqlite3_column_text(statement, column)
                sink &+= Int(sqlite3_column_bytes(statement, column))
            case SQLITE_BLOB:
                _ = sqlite3_column_blob(statement, column)
                sink &+= Int(sqlite3_column_bytes(statement, column))
            default: break
            }
        }
        withExtendedLifetime(sink) {}
    }

    private func prepared(_ sql: String) throws -> OpaquePointer {
        if let statement = statements[sql] { return statement }
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(db, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
            throw BenchError("prepare failed: \(String(cString: sqlite3_errmsg(db)))")
        }
        statements[sql] = statement
        return statement
    }

    private func bind(_ argument: PlannedSQL.Argument, at index: Int32, rowID: Int64, on statement: OpaquePointer) throws {
        let code: Int32
        switch argument {
        case let .integer(value): code = sqlite3_bind_int64(statement, index, value)
        case let .real(value): code = sqlite3_bind_double(statement, index, value)
        case let .text(value):
            let bytes = Array(value.utf8)
            code = bytes.withUnsafeBufferPointer { buffer in
                buffer.baseAddress.map { base in
                    base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                        csqlite_bind_text_transient(statement, index, $0, Int32(bytes.count))
                    }
                } ?? csqlite_bind_text_transient(statement, index, "", 0)
            }
        case let .textBytes(bytes):
            code = bytes.withUnsafeBufferPointer { buffer in
                buffer.baseAddress.map { base in
                    base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                        csqlite_bind_text_transient(statement, index, $0, Int32(bytes.count))
                    }
                } ?? csqlite_bind_text_transient(statement, index, "", 0)
            }
        case let .blob(bytes):
            code = bytes.withUnsafeBytes { csqlite_bind_blob_transient(statement, index, $0.baseAddress, Int32($0.count)) }
        case .null: code = sqlite3_bind_null(statement, index)
        case .rowIDOfFirstStatement: code = sqlite3_bind_int64(statement, index, rowID)
        }
        guard code == SQLITE_OK else { throw BenchError("bind failed: \(code)") }
    }

    private func exec(_ sql: String) throws {
        guard sqlite3_exec(db, sql, nil, nil, nil) == SQLITE_OK else {
            throw BenchError("\(sql) failed: \(String(cString: sqlite3_errmsg(db)))")
        }
    }
}
