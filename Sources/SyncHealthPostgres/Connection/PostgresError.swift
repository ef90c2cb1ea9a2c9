public import SyncHealthStorage

/// A failed libpq call: the SQLSTATE PostgreSQL reported (or one the wrapper
/// chose for a failure on the client side), what the wrapper was doing, and
/// PostgreSQL's primary message.
///
/// Messages name tables, columns and constraints but never bound values (the
/// wrapper always binds parameters and never records SQL text), so a
/// `PostgresError` is safe to log. Clients never see it: it maps to a
/// `StorageFailure`.
public struct PostgresError: StorageEngineError, Sendable, Hashable, CustomStringConvertible {
    /// The five-character SQLSTATE, e.g. "23505" for unique_violation.
    public var sqlState: String
    /// What the wrapper was doing: "connect", "prepare", "execute", ...
    public var operation: String
    /// PostgreSQL's primary message, or libpq's for a connection failure.
    public var message: String

    /// Creates an error.
    public init(sqlState: String, operation: String, message: String) {
        self.sqlState = sqlState
        self.operation = operation
        self.message = message
    }

    /// SQLSTATE class 08 (connection_exception): the server is gone or
    /// unreachable. The wrapper uses 08006 (connection_failure) for a
    /// connection libpq reports as broken without a result.
    public static let connectionFailure = "08006"
    /// 08001 (sqlclient_unable_to_establish_sqlconnection): connect failed.
    public static let unableToConnect = "08001"
    /// 22021 (character_not_in_repertoire): a text argument held a NUL byte,
    /// which PostgreSQL text cannot store.
    public static let nulInText = "22021"

    /// The SQLSTATE class: its first two characters.
    public var sqlStateClass: String { String(sqlState.prefix(2)) }

    /// True when the connection that saw this error cannot be used again:
    /// the pool replaces it, and an idempotent read may run once more on a
    /// new connection.
    public var brokeConnection: Bool {
        sqlStateClass == "08" || ["57P01", "57P02", "57P03"].contains(sqlState)
    }

    /// The engine-neutral failure: connection loss, shutdown, serialization
    /// failures, deadlocks and lock timeouts are UNAVAILABLE (try again);
    /// disk full RESOURCE_EXHAUSTED; data corruption DATA_LOSS; constraint
    /// violations and everything else INTERNAL.
    public var storageFailure: StorageFailure {
        let kind: StorageFailure.Kind
        switch sqlState {
        case "53100": kind = .full                               // disk_full
        case "XX001", "XX002": kind = .corrupt                   // data_corrupted, index_corrupted
        case "40001", "40P01", "55P03", "57014", "57P01", "57P02", "57P03", "53300": kind = .unavailable
        default:
            switch sqlStateClass {
            case "08": kind = .unavailable                       // connection exception
            case "53": kind = .unavailable                       // insufficient resources (out of memory, too many connections)
            case "23": kind = .constraint                        // integrity constraint violation
            default: kind = .other
            }
        }
        return StorageFailure(kind, detail: description)
    }

    public var description: String {
        "PostgreSQL error \(sqlState) during \(operation): \(message)"
    }
}
