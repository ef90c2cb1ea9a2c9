import SyncHealthStorage
/// A value bound to a statement parameter.
public enum SQLValue: Sendable, Hashable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    /// Text given as raw bytes that need not be valid UTF-8. Used for the
    /// exclusive upper bound of a prefix range (`prefix + 0xFF`), which sorts
    /// after every valid UTF-8 string starting with the prefix under SQLite's
    /// BINARY collation.
    case textBytes([UInt8])
    case blob([UInt8])

    /// `.integer(1)` or `.integer(0)`.
    public static func bool(_ value: Bool) -> SQLValue { .integer(value ? 1 : 0) }
    /// `.integer` of an `Int32` (enum raw values, counts).
    public static func int32(_ value: Int32) -> SQLValue { .integer(Int64(value)) }
}

/// SQL text and the arguments for its `?` parameters, in order.
public struct SQLQuery: Sendable, Hashable {
    public var sql: String
    public var arguments: [SQLValue]

    public init(_ sql: String, _ arguments: [SQLValue] = []) {
        self.sql = sql
        self.arguments = arguments
    }
}
