/// The database holds a migration this version does not know: it was written
/// by a newer SyncHealth, and opening it could corrupt data.
public struct UnknownMigrationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Creates the error for `identifiers`.
    public init(identifiers: [String]) { self.identifiers = identifiers }
    /// The identifiers recorded in the database but unknown here.
    public var identifiers: [String]
    public var description: String {
        "database schema is newer than this version (unknown migrations: \(identifiers.joined(separator: ", ")))"
    }
}
