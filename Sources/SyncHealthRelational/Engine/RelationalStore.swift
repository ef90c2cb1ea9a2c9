public import SyncHealthStorage
public import SyncHealthWire

/// The service's storage on a relational engine: every `ServiceStore`
/// method written once, as SQL over `SQLConnection`, in this module's
/// extensions. An engine (SQLiteSyncStore, PostgresSyncStore) supplies only
/// its transactions: `write` and `read`. So the two engines cannot differ in
/// what they validate, derive, count or page: only in how SQL runs.
public protocol RelationalStore: ServiceStore {
    /// Runs `body` in a write transaction: committed when it returns, rolled
    /// back when it throws. An engine may run `body` again after a
    /// transient conflict (a serialization failure or deadlock), so `body`
    /// must do nothing outside the database.
    func write<T>(_ body: (any SQLConnection) throws -> T) throws -> T

    /// Runs `body` in a read-only transaction: one consistent snapshot.
    func read<T>(_ body: (any SQLConnection) throws -> T) throws -> T
}

extension RelationalStore {
    /// Runs `body`; errors become the RPC status a caller should see
    /// (`guardedStorageCall`, the one mapping every engine shares).
    func guarded<T>(_ body: () throws -> T) throws(RPCError) -> T {
        try guardedStorageCall(body)
    }
}
