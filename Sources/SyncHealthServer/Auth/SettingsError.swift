/// A configuration value synchealthd cannot use (a setting, a token line).
public struct SettingsError: Error, CustomStringConvertible, Sendable, Hashable {
    public let description: String
    /// Creates the error with a message for the operator.
    public init(_ description: String) { self.description = description }
}
