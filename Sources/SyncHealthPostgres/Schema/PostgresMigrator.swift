import SyncHealthStorage

/// One schema change of the PostgreSQL engine: an identifier recorded in
/// `schema_migrations` once applied, and its SQL.
public struct PostgresMigration: Sendable, Equatable {
    /// A stable, ordered name, e.g. "0001_syncs".
    public var identifier: String
    /// Statements run in the migration's transaction.
    public var sql: String

    /// Creates a migration.
    public init(identifier: String, sql: String) {
        self.identifier = identifier
        self.sql = sql
    }
}

/// Applies the engine's ordered migrations, recording each in
/// `schema_migrations`, under a transaction-scoped advisory lock: replicas
/// that start together (same database, same schema) queue on the lock, the first applies what is pending
/// and commits, the others then find nothing to do. A migration and its
/// record commit together (PostgreSQL DDL is transactional), so a crash
/// mid-migration leaves the schema as it was.
public struct PostgresMigrator: Sendable {
    /// The advisory lock's seed ("SYNCHEAL" in ASCII). The key is the hash
    /// of the schema the service lives in (the first of its `search_path`)
    /// under this seed: every replica of one service shares it, and two
    /// services kept in two schemas of one database do not wait for each
    /// other.
    public static let lockKey: Int64 = 0x5359_4E43_4845_414C

    /// The migrations, in the order they apply.
    public var migrations: [PostgresMigration]

    /// Creates a migrator; identifiers must be unique.
    public init(migrations: [PostgresMigration]) {
        precondition(Set(migrations.map(\.identifier)).count == migrations.count, "migration identifiers must be unique")
        self.migrations = migrations
    }

    /// Applies what is pending and returns the identifiers applied (empty
    /// when the database was current).
    /// - Throws: `UnknownMigrationError` when the database holds a migration
    ///   this version does not know (written by a newer SyncHealth): nothing
    ///   is applied. `PostgresError` when a statement fails: nothing of that
    ///   run is kept.
    public func migrate(_ connection: PostgresConnection) throws -> [String] {
        try connection.transaction {
            _ = try connection.all("SELECT pg_advisory_xact_lock(hashtextextended(current_schema(), $1::bigint))", [.integer(Self.lockKey)]) { _ in () }
            try connection.execute("""
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    identifier text COLLATE "C" PRIMARY KEY,
                    applied_at timestamptz NOT NULL DEFAULT now())
                """)
            let applied = Set(try connection.all("SELECT identifier FROM schema_migrations") { $0.text(0) })
            let known = Set(migrations.map(\.identifier))
            let unknown = applied.subtracting(known)
            guard unknown.isEmpty else { throw UnknownMigrationError(identifiers: unknown.sorted()) }
            var done: [String] = []
            for migration in migrations where !applied.contains(migration.identifier) {
                try connection.execute(migration.sql)
                try connection.run("INSERT INTO schema_migrations (identifier) VALUES ($1)", [.text(migration.identifier)])
                done.append(migration.identifier)
            }
            return done
        }
    }
}
