internal import CSQLite
public import SyncHealthStorage

/// A failed SQLite call: its (extended) result code and SQLite's own message.
///
/// SQLite's messages name tables, columns and constraints but never the
/// values bound to parameters, and this type never records SQL text, so a
/// `DatabaseError` is safe to log.
public struct DatabaseError: StorageEngineError, Sendable, Hashable, CustomStringConvertible {
    /// The extended result code, e.g. 2067 for SQLITE_CONSTRAINT_UNIQUE.
    public var extendedCode: Int32
    /// What the wrapper was doing: "open", "prepare", "step", "bind", ...
    public var operation: String
    /// SQLite's message (`sqlite3_errmsg` / `sqlite3_errstr`).
    public var message: String

    /// Creates an error from a result code.
    public init(extendedCode: Int32, operation: String, message: String) {
        self.extendedCode = extendedCode
        self.operation = operation
        self.message = message
    }

    /// The primary result code (the low byte), e.g. 19 for SQLITE_CONSTRAINT.
    public var primaryCode: Int32 { extendedCode & 0xFF }

    /// What kind of failure this is, for mapping to a caller-facing status.
    public enum Kind: Sendable {
        /// SQLITE_BUSY / SQLITE_LOCKED: another connection holds a lock.
        case busy
        /// SQLITE_FULL: the disk or the database size limit is full.
        case full
        /// SQLITE_CORRUPT / SQLITE_NOTADB: the file is damaged or not a database.
        case corrupt
        /// SQLITE_CONSTRAINT: a constraint the schema enforces failed.
        case constraint
        /// Anything else.
        case other
    }

    /// The kind of failure, from the primary result code.
    public var kind: Kind {
        switch primaryCode {
        case SQLITE_BUSY, SQLITE_LOCKED: return .busy
        case SQLITE_FULL: return .full
        case SQLITE_CORRUPT, SQLITE_NOTADB: return .corrupt
        case SQLITE_CONSTRAINT: return .constraint
        default: return .other
        }
    }

    /// The engine-neutral failure: busy is UNAVAILABLE, full is
    /// RESOURCE_EXHAUSTED, corrupt is DATA_LOSS, anything else INTERNAL.
    public var storageFailure: StorageFailure {
        switch kind {
        case .busy: return StorageFailure(.unavailable, detail: description)
        case .full: return StorageFailure(.full, detail: description)
        case .corrupt: return StorageFailure(.corrupt, detail: description)
        case .constraint: return StorageFailure(.constraint, detail: description)
        case .other: return StorageFailure(.other, detail: description)
        }
    }

    public var description: String {
        "SQLite error \(extendedCode) during \(operation): \(message)"
    }

    /// The error for `code` on connection `db`, with SQLite's latest message.
    init(code: Int32, operation: String, db: OpaquePointer?) {
        let message: String
        if let db, let text = sqlite3_errmsg(db) {
            message = String(cString: text)
        } else if let text = sqlite3_errstr(code) {
            message = String(cString: text)
        } else {
            message = "unknown error"
        }
        self.init(extendedCode: code, operation: operation, message: message)
    }
}
