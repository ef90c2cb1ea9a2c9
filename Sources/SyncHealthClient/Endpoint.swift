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
        let bad = RPCError.invalidArgument("server address must be host:port or [ipv6]:port")
        let host: Substring
        let portText: Substring
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else { throw bad }
            host = text[text.index(after: text.startIndex)..<close]
            let rest = text[text.index(after: close)...]
            guard rest.hasPrefix(":") else { throw bad }
            portText = rest.dropFirst()
        } else {
            guard let colon = text.lastIndex(of: ":") else { throw bad }
            host = text[..<colon]
            guard !host.contains(":") else { throw bad }  // a bare IPv6 address needs brackets
            portText = text[text.index(after: colon)...]
        }
        guard !host.isEmpty, let port = UInt16(portText), port != 0 else { throw bad }
        self.init(host: String(host), port: port)
    }

    public var description: String {
        host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }
}
