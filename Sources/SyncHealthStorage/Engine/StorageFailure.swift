public import SyncHealthWire

/// What went wrong in a storage engine, in words that hold for every engine.
/// Each engine turns its own typed errors (SQLite result codes, PostgreSQL
/// SQLSTATEs) into one of these, and `rpcError` is the one place a storage
/// failure becomes the status a client sees. The client-visible text names
/// neither the engine nor its codes; `detail` (for logs) may.
public struct StorageFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of failure, which decides the status code.
    public enum Kind: Sendable, Hashable {
        /// Another writer holds a lock, or the database cannot be reached
        /// right now; the same call may succeed later (UNAVAILABLE).
        case unavailable
        /// Every database connection stayed in use for the whole wait the
        /// pool allows (UNAVAILABLE, with its own words).
        case exhausted
        /// The disk or the database's size limit is full (RESOURCE_EXHAUSTED).
        case full
        /// The stored data is damaged (DATA_LOSS).
        case corrupt
        /// A constraint the schema enforces failed where the domain rules
        /// should have refused the write first: a bug (INTERNAL).
        case constraint
        /// Anything else (INTERNAL).
        case other
    }

    /// The kind of failure.
    public var kind: Kind
    /// The engine's own description (its code and message, never SQL or
    /// arguments), for operators' logs; never sent to a client.
    public var detail: String

    /// Creates a failure of `kind` with the engine's `detail`.
    public init(_ kind: Kind, detail: String) {
        self.kind = kind
        self.detail = detail
    }

    public var description: String { "storage failure (\(kind)): \(detail)" }

    /// The status and message a client sees for this failure.
    public var rpcError: RPCError {
        switch kind {
        case .unavailable: return RPCError(.unavailable, "database is busy or unreachable; try again")
        case .exhausted: return RPCError(.unavailable, "no database connection became free in time; try again")
        case .full: return RPCError(.resourceExhausted, "database disk is full")
        case .corrupt: return RPCError(.dataLoss, "database is damaged")
        case .constraint, .other: return .internal("storage error")
        }
    }
}

/// An engine's own error type: it says which `StorageFailure` it is.
public protocol StorageEngineError: Error {
    /// The engine-neutral failure this error is.
    var storageFailure: StorageFailure { get }
}

/// Runs `body`, passing `RPCError`s through (domain rules already chose the
/// status) and turning every other error into the RPC status a caller should
/// see: an engine's typed errors through `StorageFailure.rpcError`, anything
/// else INTERNAL. The one place engines map errors to status codes.
package func guardedStorageCall<T>(_ body: () throws -> T) throws(RPCError) -> T {
    do {
        return try body()
    } catch let error as RPCError {
        throw error
    } catch let error as any StorageEngineError {
        let failure = error.storageFailure
        throw failure.rpcError.causedBy(failure)
    } catch let error as StorageFailure {
        throw error.rpcError.causedBy(error)
    } catch {
        throw .internal("storage error")
    }
}
