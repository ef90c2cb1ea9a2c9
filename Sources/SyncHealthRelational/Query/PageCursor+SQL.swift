import SyncHealthStorage

extension PageCursor.Key {
    /// The key as a statement argument.
    var sqlValue: SQLValue {
        switch self {
        case .integer(let value): return .integer(value)
        case .text(let value): return .text(value)
        }
    }
}
