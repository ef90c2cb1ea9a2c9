/// Which connector pushes to which accounting platform.
public struct ConnectorRegistry: Sendable {
    /// Connectors by target platform key ("xero", "quickbooks-online", ...).
    public var byPlatform: [String: any PushConnector]
    /// The connector for platforms without their own; nil for none.
    public var fallback: (any PushConnector)?

    /// Creates a registry.
    public init(_ byPlatform: [String: any PushConnector] = [:], fallback: (any PushConnector)? = nil) {
        self.byPlatform = byPlatform
        self.fallback = fallback
    }

    /// The connector for `platform`, or nil when none is configured.
    public func connector(for platform: String) -> (any PushConnector)? {
        byPlatform[platform] ?? fallback
    }
}
