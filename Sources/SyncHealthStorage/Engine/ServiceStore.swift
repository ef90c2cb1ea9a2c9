/// Everything the service needs from a database engine: the sync store, the
/// retry queue, and what start-up logs. One value of it is built from a
/// `--database` setting by `StoreFactory` (module SyncHealthStores) and
/// shared by the handlers, the retry executor and the CLI's local mode.
public protocol ServiceStore: SyncStore, RetryStore, AlertStore {
    /// The engine, for logs: "sqlite" or "postgresql".
    var engineName: String { get }
    /// Migration identifiers this open applied (empty when already current).
    var appliedMigrations: [String] { get }
}
