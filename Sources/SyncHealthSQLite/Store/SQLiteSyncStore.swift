public import SyncHealthStorage
public import SyncHealthRelational
import SyncHealthWire

/// `ServiceStore` on a SQLite file (its SQL is the relational store's,
/// module SyncHealthRelational): one writer connection on its own serial
/// queue, a small pool of read-only connections, WAL mode.
public final class SQLiteSyncStore: RelationalStore {
    /// Where and how to open the database.
    public struct Configuration: Sendable {
        /// Path of the database file; created when missing. Must be a real
        /// file (not ":memory:"): readers open their own connections to it.
        public var path: String
        /// Read-only connections in the pool.
        public var readerCount: Int
        /// How long a statement waits on a lock held by another process.
        public var busyTimeoutMs: Int32
        /// WAL size kept: past twice this, a commit is followed by a
        /// checkpoint that waits for readers, and the file is truncated back
        /// to this size. Default 64 MiB.
        public var walLimitBytes: Int64

        /// Creates a configuration; 4 readers, a 5 s busy timeout and a
        /// 64 MiB WAL limit by default.
        public init(path: String, readerCount: Int = 4, busyTimeoutMs: Int32 = 5_000, walLimitBytes: Int64 = 64 * 1024 * 1024) {
            self.path = path
            self.readerCount = readerCount
            self.busyTimeoutMs = busyTimeoutMs
            self.walLimitBytes = walLimitBytes
        }
    }

    let database: Database

    /// Migration identifiers this open applied (empty when already current);
    /// worth logging at start-up.
    public var appliedMigrations: [String] { database.appliedMigrations }

    /// Opens (creating if needed) and migrates the database.
    /// - Throws: `DatabaseError` when SQLite cannot open or migrate the file,
    ///   `UnknownMigrationError` when the file was written by a newer version.
    public init(configuration: Configuration) throws {
        precondition(configuration.readerCount > 0, "readerCount must be at least 1")
        self.database = try Database(
            options: Database.Options(
                path: configuration.path, readerCount: configuration.readerCount,
                busyTimeoutMs: configuration.busyTimeoutMs, walLimitBytes: configuration.walLimitBytes),
            migrations: Schema.migrations)
    }

    /// Opens the database at `path` with the default configuration.
    public convenience init(path: String) throws {
        try self.init(configuration: Configuration(path: path))
    }

    /// The engine's name, for logs.
    public var engineName: String { "sqlite" }

    // MARK: Transactions (the engine's part of RelationalStore)

    /// An IMMEDIATE transaction on the one writer (see `Database.write`).
    public func write<T>(_ body: (any SQLConnection) throws -> T) throws -> T {
        try database.write { try body($0) }
    }

    /// A read snapshot on a pooled reader (see `Database.read`).
    public func read<T>(_ body: (any SQLConnection) throws -> T) throws -> T {
        try database.read { try body($0) }
    }
}
