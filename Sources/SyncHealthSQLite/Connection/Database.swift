import SyncHealthStorage
import Glibc
import SyncHealthConcurrency

/// A SQLite database file: one serialized writer and a pool of readers.
final class Database: Sendable {
    /// Where and how to open the database.
    struct Options: Sendable {
        var path: String
        var readerCount: Int
        var busyTimeoutMs: Int32
        /// WAL size past which a commit is followed by a RESTART checkpoint,
        /// and the size the WAL file is truncated back to (journal_size_limit).
        var walLimitBytes: Int64 = Database.defaultWALLimitBytes
    }

    /// 64 MiB: about 16,000 pages, some seconds of heavy ingest.
    static let defaultWALLimitBytes: Int64 = 64 * 1024 * 1024

    private let writer: SerializedConnection
    private let readers: ReaderPool
    private let walPath: String
    private let walLimitBytes: Int64
    /// WAL size at which the next RESTART checkpoint is tried; raised by one
    /// limit after an attempt that timed out, so a busy stretch costs one
    /// wait per `walLimitBytes` written, not one per commit.
    private let nextCheckpointAtBytes: Locked<Int64>
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
        try writerConnection.execute("PRAGMA journal_size_limit = \(options.walLimitBytes)")
        self.walPath = options.path + "-wal"
        self.walLimitBytes = options.walLimitBytes
        self.nextCheckpointAtBytes = Locked(options.walLimitBytes * 2)
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
            let result = try connection.transaction(.immediate) { try body(connection) }
            checkpointIfWALTooLarge(connection)
            return result
        }
    }

    /// Keeps the WAL bounded while readers never stop.
    ///
    /// SQLite's automatic checkpoint copies WAL pages into the database but
    /// can only start the WAL over when no reader is still using it. With
    /// reads overlapping all the time (the soak: 4 readers and a slow
    /// dashboard), that moment never came: the WAL reached 6 GB in 23 minutes
    /// and its index (the -shm mapping) grew the daemon's RSS with it. Past
    /// twice `walLimitBytes`, a RESTART checkpoint waits (up to
    /// `checkpointWaitMs`) for the readers that still use the WAL; readers
    /// that start once it has copied everything read the database file. The
    /// next commit then writes the WAL from its start, and
    /// `journal_size_limit` truncates the file. Writes queue behind that
    /// wait, so it costs latency, never an error; an attempt that times out
    /// is tried again only after another `walLimitBytes` of WAL.
    private func checkpointIfWALTooLarge(_ connection: Connection) {
        var info = stat()
        guard stat(walPath, &info) == 0 else { return }
        let size = Int64(info.st_size)
        guard size > nextCheckpointAtBytes.withLock({ $0 }) else { return }
        let busy = connection.withBusyTimeout(ms: Self.checkpointWaitMs) {
            (try? connection.first("PRAGMA wal_checkpoint(RESTART)", []) { $0.int64(0) }) ?? 1
        }
        nextCheckpointAtBytes.withLock { $0 = busy == 0 ? walLimitBytes * 2 : size + walLimitBytes }
    }

    /// Longest a commit waits for readers to leave the WAL.
    static let checkpointWaitMs: Int32 = 1_000

    /// Runs `body` in a read transaction (one consistent snapshot) on a reader.
    func read<T>(_ body: (Connection) throws -> T) throws -> T {
        try readers.read { connection in
            try connection.transaction(.deferred) { try body(connection) }
        }
    }
}
