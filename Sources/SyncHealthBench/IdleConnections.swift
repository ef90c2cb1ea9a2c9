import Glibc
import SyncHealthWire

/// Many idle protocol v1 connections: each sends the preface and reads the
/// server's SETTINGS, then sits there. Plain blocking sockets, no client
/// library (which parks a reader thread per connection).
public final class IdleConnections {
    private var descriptors: [Int32] = []

    /// Opens `count` connections to 127.0.0.1:`port`.
    /// - Throws: `BenchError` when a connection fails or gets no SETTINGS.
    public init(count: Int, port: UInt16) throws {
        Self.raiseDescriptorLimit(to: count + 256)
        for _ in 0..<count {
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
            guard fd >= 0 else { closeAll(); throw BenchError("socket failed: errno \(errno)") }
            descriptors.append(fd)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = port.bigEndian
            address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
            guard connected == 0 else { closeAll(); throw BenchError("connect failed: errno \(errno)") }
            var timeout = timeval(tv_sec: 10, tv_usec: 0)
            setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            let sent = Preface.bytes.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            var header = [UInt8](repeating: 0, count: Frame.headerSize)
            let received = header.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, Int32(MSG_WAITALL)) }
            guard sent == Preface.size, received == Frame.headerSize else {
                closeAll()
                throw BenchError("connection \(descriptors.count) got no SETTINGS (server connection cap?)")
            }
        }
    }

    /// Connections open.
    public var count: Int { descriptors.count }

    /// Closes every connection.
    public func closeAll() {
        for fd in descriptors { close(fd) }
        descriptors.removeAll()
    }

    deinit { closeAll() }

    /// Raises the soft RLIMIT_NOFILE (children inherit it) up to the hard limit.
    public static func raiseDescriptorLimit(to wanted: Int) {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return }
        let target = min(rlim_t(wanted), limit.rlim_max)
        if limit.rlim_cur < target {
            limit.rlim_cur = target
            _ = setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
        }
    }
}
