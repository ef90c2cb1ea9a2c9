import SyncHealthStorage
/// One schema change, identified by a string that sorts in application order.
struct Migration: Sendable {
    /// E.g. "0001_syncs_and_configs". Recorded in `schema_migrations` once applied.
    var identifier: String
    /// The statements, run together in one transaction.
    var sql: String
    /// Fills new tables from existing rows, after `sql` and in the same
    /// transaction, when SQL alone cannot (e.g. error fingerprints).
    var backfill: (@Sendable (Connection) throws -> Void)?

    init(identifier: String, sql: String, backfill: (@Sendable (Connection) throws -> Void)? = nil) {
        self.identifier = identifier
        self.sql = sql
        self.backfill = backfill
    }
}

/// Applies the pending migrations in order, recording each identifier in
/// `schema_migrations`. Reopening applies nothing twice.
///
/// Several processes may open one new database at the same moment (two
/// daemons, or the daemon and `synchealth --database` maintenance). The
/// migrator therefore takes the write lock first (`BEGIN IMMEDIATE`), reads
/// what is applied inside that transaction, applies the rest and commits: the
/// loser waits for the lock, then finds nothing to do. Reading the table
/// outside the transaction let both apply 0001 ("table configs already exists").
struct Migrator {
    let migrations: [Migration]

    /// How long a process waits for another one's migrations (a backfill on a
    /// large database takes longer than an ordinary call may wait).
    static let lockWaitMs: Int32 = 600_000

    init(migrations: [Migration]) {
        precondition(
            zip(migrations, migrations.dropFirst()).allSatisfy { $0.identifier < $1.identifier },
            "migration identifiers must be unique and in ascending order"
        )
        self.migrations = migrations
    }

    /// Applies the pending migrations in one IMMEDIATE transaction; returns
    /// their identifiers (empty when the schema was already current).
    func migrate(_ connection: Connection) throws -> [String] {
        try connection.withBusyTimeout(ms: Self.lockWaitMs) {
            try connection.transaction(.immediate) {
                try connection.execute("""
                    CREATE TABLE IF NOT EXISTS schema_migrations (
                        identifier TEXT PRIMARY KEY NOT NULL,
                        applied_at INTEGER NOT NULL DEFAULT (CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER))
                    )
                    """)
                let recorded = Set(try connection.all("SELECT identifier FROM schema_migrations") { $0.text(0) })
                let unknown = recorded.subtracting(migrations.map(\.identifier))
                guard unknown.isEmpty else {
                    throw UnknownMigrationError(identifiers: unknown.sorted())
                }
                var applied: [String] = []
                for migration in migrations where !recorded.contains(migration.identifier) {
                    try connection.execute(migration.sql)
                    try migration.backfill?(connection)
                    try connection.run(
                        "INSERT INTO schema_migrations (identifier) VALUES (?)",
                        [.text(migration.identifier)])
                    applied.append(migration.identifier)
                }
                return applied
            }
        }
    }
}
