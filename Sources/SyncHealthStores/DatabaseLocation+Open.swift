public import SyncHealthStorage
import SyncHealthSQLite
import SyncHealthPostgres

// The one place a store is built from a `--database` setting: synchealthd,
// the CLI's local mode and the bench all open through here, so a new engine
// is added in one switch.

extension DatabaseLocation {
    /// Opens (and migrates) the store this location names, creating a SQLite
    /// file and its directory when `create` is true; otherwise the file must
    /// already exist. A PostgreSQL database must exist (its tables are
    /// created by the migrations); `poolSize` connections at most.
    /// - Throws: `DatabaseLocationError` when it must exist and does not;
    ///   the engine's errors (`StorageEngineError`, `UnknownMigrationError`)
    ///   when it cannot be opened or migrated.
    public func openStore(create: Bool, poolSize: Int = 8) throws -> any ServiceStore {
        switch self {
        case let .sqliteFile(path):
            if create {
                try Self.createParentDirectories(of: path)
            } else {
                _ = try requireExistingFile()
            }
            return try SQLiteSyncStore(path: path)
        case let .postgresql(url):
            return try PostgresSyncStore(configuration: .init(url: url, poolSize: poolSize))
        }
    }

    /// Checks the database this location names without changing it
    /// (`synchealthd check`).
    /// - Throws: `DatabaseLocationError` when there is nothing there; the
    ///   engine's errors when it cannot be opened at all.
    public func check() throws -> DatabaseCheckReport {
        switch self {
        case let .sqliteFile(path):
            return try DatabaseCheck.run(path: path)
        case let .postgresql(url):
            return try PostgresDatabaseCheck.run(url: url, displayName: description)
        }
    }
}
