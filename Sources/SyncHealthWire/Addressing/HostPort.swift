/// A TCP address in its "host:port" / "[v6-address]:port" text form: the
/// one type behind the server's listen address (`BindTarget`) and the
/// client's server address (`Endpoint`).
public struct HostPort: Sendable, Hashable, CustomStringConvertible {
    /// Host name or address literal, without brackets; empty (listen
    /// addresses only) means every interface.
    public var host: String
    /// TCP port; 0 (listen addresses only) asks the kernel for an ephemeral one.
    public var port: UInt16

    /// Creates an address from its parts.
    public init(host: String, port: UInt16) {
        self.host = host
        self.port = port
    }

    /// Parses an address to listen on: "127.0.0.1:0", "[::1]:8443",
    /// "localhost:7000", ":7000" (every interface).
    /// - Throws: `RPCError` INVALID_ARGUMENT when the text is not of that form.
    public init(listenAddress text: String) throws(RPCError) {
        guard let parts = Self.split(text) else {
            throw RPCError.invalidArgument("listen address must be host:port or [ipv6]:port")
        }
        self.init(host: parts.host, port: parts.port)
    }

    /// Parses an address to connect to: "host:port" or "[v6-address]:port",
    /// with a host and a port other than 0.
    /// - Throws: `RPCError` INVALID_ARGUMENT otherwise.
    public init(serverAddress text: String) throws(RPCError) {
        guard let parts = Self.split(text), !parts.host.isEmpty, parts.port != 0 else {
            throw RPCError.invalidArgument("server address must be host:port or [ipv6]:port")
        }
        self.init(host: parts.host, port: parts.port)
    }

    /// "host:port", with brackets around an IPv6 host.
    public var description: String {
        host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }

    /// Splits "host:port" or "[v6-address]:port" into a host (without
    /// brackets, possibly empty) and a port.
    /// - Returns: nil when the text is not of that form: no port, a port that
    ///   is not 0...65535, a bare IPv6 address without brackets.
    static func split(_ text: String) -> (host: String, port: UInt16)? {
        let host: Substring
        let portText: Substring
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else { return nil }
            host = text[text.index(after: text.startIndex)..<close]
            let rest = text[text.index(after: close)...]
            guard rest.hasPrefix(":") else { return nil }
            portText = rest.dropFirst()
        } else {
            guard let colon = text.lastIndex(of: ":") else { return nil }
            host = text[..<colon]
            guard !host.contains(":") else { return nil }  // a bare IPv6 address needs brackets
            portText = text[text.index(after: colon)...]
        }
        guard let port = UInt16(portText) else { return nil }
        return (String(host), port)
    }
}
