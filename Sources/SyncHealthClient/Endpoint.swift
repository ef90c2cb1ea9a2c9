public import SyncHealthWire

/// A server address, "host:port" or "[v6-address]:port".
public struct Endpoint: Sendable, Hashable, CustomStringConvertible {
    /// Host name or address literal, without brackets.
    public var host: String
    /// TCP port.
    public var port: UInt16

    /// Creates an endpoint from its parts.
    public init(host: String, port: UInt16) {
        self.host = host
        self.port = port
    }

    /// Parses "host:port" or "[v6-address]:port".
    /// - Throws: `RPCError` INVALID_ARGUMENT when the text is not of that form
    ///   or the host is empty.
    public init(parsing text: String) throws(RPCError) {
        guard let parts = HostPort.split(text), !parts.host.isEmpty, parts.port != 0 else {
            throw RPCError.invalidArgument("server address must be host:port or [ipv6]:port")
        }
        self.init(host: parts.host, port: parts.port)
    }

    public var description: String {
        HostPort.format(host: host, port: port)
    }
}
