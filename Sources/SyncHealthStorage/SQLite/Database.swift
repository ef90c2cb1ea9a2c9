/// A SQLite database file: one serialized writer and a pool of readers.
final class Database: Sendable {
    /// Where and how to open the database.
    struct Options: Sendable {
        var path: String
        var readerCount: Int
        var busyTimeoutMs: Int32
    }

    private let writer: SerializedConnection
    private let readers: ReaderPool
    /// Migration identifiers applied by this open, in order (empty when the
    /// schema was already current).
    let appliedMigrations: [String]

    /// Opens the file, migrates the schema with the writer, then opens the
    /// readers (they need the WAL files the writer creates).
    init(options: Options, migrations: [Migration]) throws {
        precondition(options.readerCount > 0, "need at least one reader")
        let writerConnection = try Connection(
            path: options.path, mode: .writer, busyTimeoutMs: options.busyTimeoutMs)
        self.appliedMigrations = try Migrator(migrations: migrations).migrate(writerConnection)
        self.writer = SerializedConnection(connection: writerConnection, label: "synchealth.storage.writer")
        var readerConnections: [Connection] = []
        for _ in 0..<options.readerCount {
            readerConnections.append(try Connection(
                path: options.path, mode: .reader, busyTimeoutMs: options.busyTimeoutMs))
        }
        self.readers = ReaderPool(connections: readerConnections)
    }

    /// Runs `body` in an IMMEDIATE transaction on the writer queue.
    func write<T>(_ body: (Connection) throws -> T) throws -> T {
        try writer.write { connection in
            try connection.transaction(.immediate) { try body(connection) }
        }
    }

    /// Runs `body` in a read transaction (one consistent snapshot) on a reader.
    func read<T>(_ body: (Connection) throws -> T) throws -> T {
        try readers.read { connection in
            try connection.transaction(.deferred) { try body(connection) }
        }
    }
}
