/// The "host:port" / "[v6-address]:port" text form shared by the server's
/// listen address and the client's server address.
public enum HostPort {
    /// Splits "host:port" or "[v6-address]:port" into a host (without
    /// brackets, possibly empty) and a port.
    /// - Returns: nil when the text is not of that form: no port, a port that
    ///   is not 0...65535, a bare IPv6 address without brackets.
    public static func split(_ text: String) -> (host: String, port: UInt16)? {
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

    /// "host:port", with brackets around an IPv6 host.
    public static func format(host: String, port: UInt16) -> String {
        host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }
}
