/// A statement argument. Always bound as a parameter, never spliced into SQL.
public enum PostgresValue: Sendable, Hashable {
    case null
    case integer(Int64)
    case text(String)
    case bytes([UInt8])
    case bool(Bool)
}
