public import SyncHealthStorage
public import SyncHealthRelational
import SyncHealthConcurrency
import Glibc

/// `ServiceStore` on PostgreSQL: the relational store's SQL (the same
/// statements SQLite runs) over a `PostgresPool`, for several `synchealthd`
/// replicas sharing one database.
///
/// Concurrency: every write transaction is SERIALIZABLE. The store's
/// statements read and then write (a sync's stored rollup facts, its item
/// counts, a job's pending count), which on SQLite is safe because there is
/// one writer; on PostgreSQL, writers on several connections and replicas
/// run at once, and SERIALIZABLE makes PostgreSQL abort any transaction
/// whose outcome would differ from some serial order (SQLSTATE 40001, or a
/// deadlock, 40P01). Such a transaction is run again, whole, up to
/// `Configuration.maxWriteAttempts` times with a short randomized pause;
/// after that the caller gets UNAVAILABLE. Reads run in REPEATABLE READ
/// READ ONLY: one snapshot per call, never blocked by writers. Retry
/// leasing adds `FOR UPDATE SKIP LOCKED`, so replicas lease disjoint tasks.
public final class PostgresSyncStore: RelationalStore {
    /// How to reach the database and size the pool.
    public struct Configuration: Sendable {
        /// The pool's settings, URL included.
        public var pool: PostgresPool.Configuration
        /// Most times one write transaction runs when PostgreSQL keeps
        /// reporting serialization failures or deadlocks.
        public var maxWriteAttempts: Int

        /// Creates a configuration; 8 connections, 10 write attempts.
        public init(url: String, poolSize: Int = 8, maxWriteAttempts: Int = 10) {
            self.pool = PostgresPool.Configuration(url: url, size: poolSize)
            self.maxWriteAttempts = maxWriteAttempts
        }

        /// Creates a configuration from pool settings.
        public init(pool: PostgresPool.Configuration, maxWriteAttempts: Int = 10) {
            self.pool = pool
            self.maxWriteAttempts = maxWriteAttempts
        }
    }

    /// The pool every call checks a connection out of.
    public let pool: PostgresPool
    private let maxWriteAttempts: Int
    private let counters = Locked(Counters())

    /// Migration identifiers this open applied (empty when already current).
    public let appliedMigrations: [String]

    /// What the store has done, for metrics and tests.
    public struct Counters: Sendable, Equatable {
        /// Write transactions run again after a serialization failure or deadlock.
        public var writeRetries = 0
    }

    /// Connects, and migrates under the migrator's advisory lock (replicas
    /// that start together migrate once).
    /// - Throws: `PostgresError` when the server cannot be reached or a
    ///   migration fails; `UnknownMigrationError` when the database was
    ///   migrated by a newer SyncHealth.
    public init(configuration: Configuration) throws {
        precondition(configuration.maxWriteAttempts >= 1, "a write needs at least one attempt")
        pool = PostgresPool(configuration: configuration.pool)
        maxWriteAttempts = configuration.maxWriteAttempts
        appliedMigrations = try pool.withConnection { connection in
            try PostgresMigrator(migrations: PostgresSchema.migrations).migrate(connection)
        }
    }

    /// Opens the database at `url` with the default configuration.
    public convenience init(url: String) throws {
        try self.init(configuration: Configuration(url: url))
    }

    /// The engine's name, for logs.
    public var engineName: String { "postgresql" }

    /// What the store has done so far.
    public var currentCounters: Counters { counters.withLock { $0 } }

    // MARK: Transactions (the engine's part of RelationalStore)

    /// A SERIALIZABLE transaction, run again on a serialization failure or
    /// deadlock.
    public func write<T>(_ body: (any SQLConnection) throws -> T) throws -> T {
        var attempt = 1
        while true {
            do {
                return try pool.withConnection { connection in
                    try connection.transaction(begin: "BEGIN ISOLATION LEVEL SERIALIZABLE") {
                        try body(PostgresSQLConnection(connection))
                    }
                }
            } catch let error as PostgresError where Self.isTransient(error) && attempt < maxWriteAttempts {
                counters.withLock { $0.writeRetries += 1 }
                Self.pause(beforeAttempt: attempt + 1)
                attempt += 1
            }
        }
    }

    /// A REPEATABLE READ, READ ONLY transaction: one snapshot.
    public func read<T>(_ body: (any SQLConnection) throws -> T) throws -> T {
        try pool.read { connection in
            try connection.transaction(begin: "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY") {
                try body(PostgresSQLConnection(connection))
            }
        }
    }

    /// Serialization failures and deadlocks: the transaction did nothing and
    /// the same work may succeed when run again. A unique violation counts
    /// too: two replicas inserting the same key at once (a retry job's
    /// idempotency key) see it, and the second run finds the first's row.
    static func isTransient(_ error: PostgresError) -> Bool {
        ["40001", "40P01", "23505"].contains(error.sqlState)
    }

    /// Sleeps 1-4 ms times the attempt number, randomized so colliding
    /// writers spread out.
    private static func pause(beforeAttempt attempt: Int) {
        var random = SecureRandom()
        let micros = UInt32(attempt) * UInt32.random(in: 1_000...4_000, using: &random)
        usleep(micros)
    }
}
