internal import CLibPQ
import Glibc

/// One PostgreSQL connection (`PGconn`), owned: finished when the object goes
/// away. Not thread-safe: used by one thread at a time (the pool checks it
/// out to one caller).
///
/// Every statement with arguments is prepared once per connection and run
/// with bound parameters (`PQexecPrepared`); SQL text is never built from
/// values. Results are requested in text format; bytea arguments are sent in
/// binary.
public final class PostgresConnection {
    private let handle: OpaquePointer
    private var prepared: [String: String] = [:]
    private var nextStatementNumber = 0
    /// Most statements kept prepared before the cache is emptied
    /// (`DEALLOCATE ALL`); the engine's SQL is a bounded set of shapes.
    static let statementCacheCapacity = 256
    /// Statements per round trip in `pipeline`: bounded so that, in libpq's
    /// blocking mode, the server's answers never fill the socket while we
    /// are still sending.
    public static let maxPipelineDepth = 256

    /// Connections not yet finished, process-wide.
    public static let live = LiveCounter()

    /// This connection's results not yet cleared (the tests' leak check;
    /// per connection, so other work in the process cannot disturb it).
    public let liveResults = LiveCounter()

    /// Connects to `url` (a `postgresql://` URI or a libpq keyword string).
    /// - Throws: `PostgresError` 08001 when the server cannot be reached or
    ///   refuses the connection.
    public init(url: String, connectTimeoutSeconds: Int = 5, applicationName: String = "synchealthd") throws(PostgresError) {
        let keywords = ["dbname", "connect_timeout", "application_name"]
        let values = [url, String(max(1, connectTimeoutSeconds)), applicationName]
        let connection = CStrings(keywords).withPointers { keywordPointers in
            CStrings(values).withPointers { valuePointers in
                PQconnectdbParams(keywordPointers, valuePointers, 1)
            }
        }
        guard let connection else {
            throw PostgresError(sqlState: PostgresError.unableToConnect, operation: "connect", message: "out of memory")
        }
        guard PQstatus(connection) == CONNECTION_OK else {
            let message = String(cString: PQerrorMessage(connection)).trimmingTrailingNewlines
            PQfinish(connection)
            throw PostgresError(sqlState: PostgresError.unableToConnect, operation: "connect", message: message)
        }
        handle = connection
        Self.live.add(1)
        try execute("SET bytea_output = 'hex'; SET client_encoding = 'UTF8'; SET TIME ZONE 'UTC'; SET client_min_messages = warning")
    }

    deinit {
        PQfinish(handle)
        Self.live.add(-1)
    }

    /// False once libpq knows the connection is broken. A connection the
    /// server closed is only noticed at its next use.
    public var isOpen: Bool { PQstatus(handle) == CONNECTION_OK }

    /// The server's process id for this connection (for tests that
    /// terminate it, and for logs).
    public var serverProcessID: Int32 { PQbackendPID(handle) }

    /// Runs statements that take no arguments (schema, settings), possibly
    /// several separated by semicolons.
    public func execute(_ sql: String) throws(PostgresError) {
        let result = try take(PQexec(handle, sql), operation: "execute")
        _ = result
    }

    /// Runs a statement and returns the rows it changed.
    @discardableResult
    public func run(_ sql: String, _ arguments: [PostgresValue] = []) throws(PostgresError) -> Int {
        try exec(sql, arguments).affectedRows
    }

    /// Runs a query and maps every row.
    public func all<T>(_ sql: String, _ arguments: [PostgresValue] = [], _ map: (PostgresRow) throws -> T) throws -> [T] {
        let result = try exec(sql, arguments)
        return try (0..<result.rowCount).map { try map(PostgresRow(result: result, index: $0)) }
    }

    /// Runs a query and maps its first row; nil when there is none.
    public func first<T>(_ sql: String, _ arguments: [PostgresValue] = [], _ map: (PostgresRow) throws -> T) throws -> T? {
        let result = try exec(sql, arguments)
        return result.rowCount > 0 ? try map(PostgresRow(result: result, index: 0)) : nil
    }

    /// Runs `body` in a transaction: committed when it returns, rolled back
    /// when it throws. `begin` is the statement that opens it (an isolation
    /// level, READ ONLY).
    public func transaction<T>(begin: String = "BEGIN", _ body: () throws -> T) throws -> T {
        try execute(begin)
        do {
            let value = try body()
            try execute("COMMIT")
            return value
        } catch {
            if isOpen { try? execute("ROLLBACK") }
            throw error
        }
    }

    /// Runs `statements` in one round trip (libpq pipeline mode), in order,
    /// and returns the rows each changed. An error stops the rest (PostgreSQL
    /// skips them until the end of the pipeline) and is thrown; inside a
    /// transaction the caller's rollback then undoes the ones before it.
    public func pipeline(_ statements: [(sql: String, arguments: [PostgresValue])]) throws(PostgresError) -> [Int] {
        var changed: [Int] = []
        changed.reserveCapacity(statements.count)
        var start = 0
        while start < statements.count {
            let chunk = statements[start..<min(start + Self.maxPipelineDepth, statements.count)]
            changed += try pipelineChunk(chunk)
            start += chunk.count
        }
        return changed
    }

    private func pipelineChunk(_ statements: ArraySlice<(sql: String, arguments: [PostgresValue])>) throws(PostgresError) -> [Int] {
        var names: [String] = []
        for statement in statements { names.append(try preparedName(statement.sql, parameterCount: statement.arguments.count)) }
        guard PQenterPipelineMode(handle) == 1 else { throw connectionError("pipeline") }
        defer { _ = PQexitPipelineMode(handle) }
        for (name, statement) in zip(names, statements) {
            let sent = try Parameters(statement.arguments).withArrays { count, values, lengths, formats in
                PQsendQueryPrepared(handle, name, count, values, lengths, formats, 0)
            }
            guard sent == 1 else { throw connectionError("pipeline send") }
        }
        guard PQpipelineSync(handle) == 1 else { throw connectionError("pipeline sync") }
        var changed: [Int] = []
        var firstError: PostgresError?
        for _ in statements {
            guard let raw = PQgetResult(handle) else { throw connectionError("pipeline read") }
            let result = PostgresResult(taking: raw, owner: liveResults)
            if result.status == PGRES_PIPELINE_ABORTED {
                changed.append(0)
            } else if let error = result.error(operation: "pipeline") {
                firstError = firstError ?? error
                changed.append(0)
            } else {
                changed.append(result.affectedRows)
            }
            // Each query's results end with a NULL.
            while let extra = PQgetResult(handle) { _ = PostgresResult(taking: extra, owner: liveResults) }
        }
        guard let sync = PQgetResult(handle) else { throw connectionError("pipeline read") }
        let syncResult = PostgresResult(taking: sync, owner: liveResults)
        guard syncResult.status == PGRES_PIPELINE_SYNC else {
            throw syncResult.error(operation: "pipeline") ?? connectionError("pipeline sync")
        }
        if let firstError { throw firstError }
        return changed
    }

    // MARK: Statements

    /// Runs a prepared statement with bound arguments.
    private func exec(_ sql: String, _ arguments: [PostgresValue]) throws(PostgresError) -> PostgresResult {
        let name = try preparedName(sql, parameterCount: arguments.count)
        let raw = try Parameters(arguments).withArrays { count, values, lengths, formats in
            PQexecPrepared(handle, name, count, values, lengths, formats, 0)
        }
        return try take(raw, operation: "execute")
    }

    /// The name `sql` is prepared under on this connection, preparing it on
    /// first use.
    private func preparedName(_ sql: String, parameterCount: Int) throws(PostgresError) -> String {
        if let name = prepared[sql] { return name }
        if prepared.count >= Self.statementCacheCapacity {
            try execute("DEALLOCATE ALL")
            prepared.removeAll()
        }
        nextStatementNumber += 1
        let name = "s\(nextStatementNumber)"
        _ = try take(PQprepare(handle, name, sql, 0, nil), operation: "prepare")
        prepared[sql] = name
        return name
    }

    /// Owns `raw` and throws the error it reports, if any.
    private func take(_ raw: OpaquePointer?, operation: String) throws(PostgresError) -> PostgresResult {
        guard let raw else { throw connectionError(operation) }
        let result = PostgresResult(taking: raw, owner: liveResults)
        if let error = result.error(operation: operation) {
            // Prepared statements outlive a rolled-back transaction (they are
            // not transactional), so names stay valid until the connection goes.
            if error.brokeConnection { prepared.removeAll() }
            throw error
        }
        return result
    }

    /// The error for a call that produced no result: the connection is gone.
    private func connectionError(_ operation: String) -> PostgresError {
        PostgresError(
            sqlState: PostgresError.connectionFailure, operation: operation,
            message: String(cString: PQerrorMessage(handle)).trimmingTrailingNewlines)
    }
}

/// Statement arguments laid out for libpq: one buffer holding every value
/// (text NUL-terminated, bytea raw), with per-parameter pointers, lengths
/// and formats valid only inside `withArrays`.
private struct Parameters {
    private var storage: [UInt8] = [0]
    private var offsets: [Int] = []   // -1 for NULL
    private var lengths: [Int32] = []
    private var formats: [Int32] = []

    init(_ arguments: [PostgresValue]) throws(PostgresError) {
        for (index, argument) in arguments.enumerated() {
            switch argument {
            case .null:
                offsets.append(-1); lengths.append(0); formats.append(0)
            case .integer(let value):
                appendText(String(value))
            case .bool(let value):
                appendText(value ? "t" : "f")
            case .text(let value):
                guard !value.utf8.contains(0) else {
                    throw PostgresError(
                        sqlState: PostgresError.nulInText, operation: "bind",
                        message: "argument \(index + 1) contains a NUL byte, which text cannot store")
                }
                appendText(value)
            case .bytes(let value):
                offsets.append(storage.count); lengths.append(Int32(value.count)); formats.append(1)
                storage += value
            }
        }
    }

    private mutating func appendText(_ text: String) {
        offsets.append(storage.count)
        lengths.append(Int32(text.utf8.count))
        formats.append(0)
        storage += text.utf8
        storage.append(0)
    }

    func withArrays<R>(
        _ body: (Int32, UnsafePointer<UnsafePointer<CChar>?>?, UnsafePointer<Int32>?, UnsafePointer<Int32>?) throws(PostgresError) -> R
    ) throws(PostgresError) -> R {
        let count = Int32(offsets.count)
        let result: Result<R, PostgresError> = storage.withUnsafeBufferPointer { buffer in
            let base = UnsafeRawPointer(buffer.baseAddress!)  // storage always holds at least one byte
            let pointers: [UnsafePointer<CChar>?] = offsets.map { $0 < 0 ? nil : (base + $0).assumingMemoryBound(to: CChar.self) }
            return pointers.withUnsafeBufferPointer { values in
                lengths.withUnsafeBufferPointer { lengths in
                    formats.withUnsafeBufferPointer { formats in
                        Result { () throws(PostgresError) -> R in
                            try body(count, values.baseAddress, lengths.baseAddress, formats.baseAddress)
                        }
                    }
                }
            }
        }
        return try result.get()
    }
}

/// C strings for libpq's keyword/value arrays, NULL-terminated, freed after use.
private struct CStrings {
    let strings: [String]
    init(_ strings: [String]) { self.strings = strings }

    func withPointers<R>(_ body: (UnsafePointer<UnsafePointer<CChar>?>) -> R) -> R {
        let copies: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
        defer { copies.forEach { free($0) } }
        let pointers: [UnsafePointer<CChar>?] = copies.map { $0.map { UnsafePointer($0) } } + [nil]
        return pointers.withUnsafeBufferPointer { body($0.baseAddress!) }
    }
}
