import Glibc
import SyncHealthWire

/// A client that connects, sends the preface and half a request frame, and
/// goes away: with a reset (SO_LINGER 0) or a plain close.
enum VanishingClient {
    /// Blocking; run off the cooperative pool. False when it could not connect.
    static func connectAndVanish(port: UInt16, reset: Bool) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { return false }
        let frame = FrameEncoder.encode(Frame(type: .request, streamId: 1, payload: [UInt8](repeating: 7, count: 64)))
        let bytes = Preface.bytes + frame.prefix(frame.count / 2)
        _ = bytes.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        if reset {
            var linger = Glibc.linger(l_onoff: 1, l_linger: 0)
            setsockopt(fd, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<Glibc.linger>.size))
        }
        return true
    }
}
