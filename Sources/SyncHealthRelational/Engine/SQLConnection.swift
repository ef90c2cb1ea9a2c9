import SyncHealthStorage
/// One column-by-index view of a result row, as both engines give it.
/// Indexes start at 0; a NULL reads as 0, "" or [] (the schema keeps every
/// column the store reads NOT NULL, except where `isNull` is asked first).
public protocol SQLRow {
    func isNull(_ index: Int32) -> Bool
    func int64(_ index: Int32) -> Int64
    func text(_ index: Int32) -> String
    /// nil for NULL.
    func optionalText(_ index: Int32) -> String?
    func blob(_ index: Int32) -> [UInt8]
}

/// Which SQL an engine speaks, for the few statements that differ.
public enum SQLDialect: Sendable, Hashable {
    case sqlite
    case postgresql
}

/// A connection inside a transaction, as the store's statements use it: the
/// one seam between the relational store (module SyncHealthRelational) and an
/// engine. SQL uses `?` placeholders, bound in order; an engine that numbers
/// its parameters (PostgreSQL's `$1`) rewrites them. Every value is bound,
/// never spliced into the text.
///
/// The statements keep to the SQL both engines run the same way: integers
/// are 64-bit, text compares as UTF-8 bytes (SQLite's BINARY collation,
/// PostgreSQL's `COLLATE "C"` on every text column), no engine-only
/// functions (`CASE` instead of SQLite's `sum(a = b)` or `max(a, b)`).
public protocol SQLConnection: AnyObject {
    /// The engine's dialect.
    var dialect: SQLDialect { get }

    /// Runs a statement and returns the rows it changed.
    @discardableResult
    func run(_ sql: String, _ arguments: [SQLValue]) throws -> Int

    /// Runs a query and maps every row.
    func all<T>(_ sql: String, _ arguments: [SQLValue], _ map: (any SQLRow) throws -> T) throws -> [T]

    /// Runs a query and maps its first row; nil when there is none.
    func first<T>(_ sql: String, _ arguments: [SQLValue], _ map: (any SQLRow) throws -> T) throws -> T?

    /// Runs statements without arguments.
    func execute(_ sql: String) throws
}

extension SQLConnection {
    /// Runs a statement without arguments and returns the rows it changed.
    @discardableResult
    public func run(_ sql: String) throws -> Int { try run(sql, []) }

    /// Runs a query without arguments and maps every row.
    public func all<T>(_ sql: String, _ map: (any SQLRow) throws -> T) throws -> [T] { try all(sql, [], map) }

    /// Runs a query without arguments and maps its first row.
    public func first<T>(_ sql: String, _ map: (any SQLRow) throws -> T) throws -> T? { try first(sql, [], map) }

    /// Runs `query` and maps every row.
    public func all<T>(_ query: SQLQuery, _ map: (any SQLRow) throws -> T) throws -> [T] {
        try all(query.sql, query.arguments, map)
    }

    /// The first column of the first row as an integer (0 when no row).
    public func scalar(_ sql: String, _ arguments: [SQLValue] = []) throws -> Int64 {
        try first(sql, arguments) { $0.int64(0) } ?? 0
    }

    /// Runs an `INSERT ... RETURNING id` and returns the new row's id.
    public func insertReturningID(_ sql: String, _ arguments: [SQLValue]) throws -> Int64 {
        guard let id = try first(sql, arguments, { $0.int64(0) }) else {
            throw StorageFailure(.other, detail: "an INSERT ... RETURNING id returned no row")
        }
        return id
    }
}
