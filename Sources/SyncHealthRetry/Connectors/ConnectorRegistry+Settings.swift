extension ConnectorRegistry {
    /// Builds the registry operators configure, shared by synchealthd and the
    /// CLI's in-process mode: an RPC connector per platform, and a default.
    /// - Parameters:
    ///   - connectors: target platform -> "host:port" of its Connector service.
    ///   - defaultConnector: "" for none, "sandbox" for the demo sandbox, or "host:port".
    ///   - sandboxSeed: seed of the demo sandbox.
    /// - Throws: `RPCError` INVALID_ARGUMENT for a malformed address.
    public static func configured(connectors: [String: String], defaultConnector: String, sandboxSeed: UInt64) throws -> ConnectorRegistry {
        var byPlatform: [String: any PushConnector] = [:]
        for (platform, target) in connectors {
            byPlatform[platform] = try RPCConnector(target: target)
        }
        let fallback: (any PushConnector)?
        switch defaultConnector {
        case "": fallback = nil
        case "sandbox": fallback = SandboxConnector(behavior: .demo(seed: sandboxSeed))
        case let target: fallback = try RPCConnector(target: target)
        }
        return ConnectorRegistry(byPlatform, fallback: fallback)
    }
}
