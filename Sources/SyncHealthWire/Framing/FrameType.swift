/// The type byte of a protocol v1 frame header.
public enum FrameType: UInt8, Sendable, Hashable, CaseIterable {
    /// A call: request header and request message.
    case request = 0x01
    /// The one answer to a call: response header and, on OK, the response message.
    case response = 0x02
    /// The client gives up on a call; the server still answers it once.
    case cancel = 0x03
    /// The server's first frame: its limits and version.
    case settings = 0x80
    /// Eight opaque bytes the peer echoes in a PONG.
    case ping = 0x81
    /// The answer to a PING, with the same eight bytes.
    case pong = 0x82
    /// The sender takes no new calls and will close the connection.
    case goAway = 0x83

    /// Whether frames of this type belong to a call (non-zero stream id) or to
    /// the connection (stream id 0).
    public var isStreamFrame: Bool {
        switch self {
        case .request, .response, .cancel: return true
        case .settings, .ping, .pong, .goAway: return false
        }
    }
}
