import Glibc
import SyncHealthWire

/// A listening socket on 127.0.0.1 that hands out `RawPeer`s in the server
/// role: a scripted server for client tests.
final class RawServer: Sendable {
    let fd: Int32
    let port: UInt16

    init() throws {
        (fd, port) = try Self.bindLoopback(listening: true)
    }

    /// A socket bound to an ephemeral 127.0.0.1 port, listening or not.
    static func bindLoopback(listening: Bool) throws -> (Int32, UInt16) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw TestSocketError(call: "socket") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, !listening || listen(fd, 16) == 0 else {
            Glibc.close(fd)
            throw TestSocketError(call: "bind/listen")
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return (fd, UInt16(bigEndian: address.sin_port))
    }

    deinit { Glibc.close(fd) }

    var target: String { "127.0.0.1:\(port)" }

    /// Accepts one connection and reads its preface.
    func accept() async throws -> RawPeer {
        let fd = fd
        let client = try await offload { () throws(TestSocketError) -> Int32 in
            var pollFd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&pollFd, 1, 10_000) == 1 else { throw TestSocketError(call: "poll") }
            let client = Glibc.accept(fd, nil, nil)
            guard client >= 0 else { throw TestSocketError(call: "accept") }
            return client
        }
        let peer = RawPeer(fd: client, role: .server)
        guard await peer.readPreface() else { throw TestSocketError(call: "preface") }
        return peer
    }

    /// Sends SETTINGS as a server would.
    static func settingsFrame(maxConcurrentStreams: UInt32 = 100) -> Frame {
        let settings = Settings(protocolMajor: 1, protocolMinor: 0, maxFrameSize: Frame.defaultMaxFrameSize,
                                maxConcurrentStreams: maxConcurrentStreams, serverName: "raw", serverVersion: "0")
        return Frame(type: .settings, streamId: 0, payload: settings.serializedBytes())
    }

    /// A RESPONSE frame.
    static func response(_ streamId: UInt32, _ code: StatusCode = .ok, message: [UInt8] = [], status: String = "") -> Frame {
        .response(streamId: streamId, header: ResponseHeader(statusCode: code, statusMessage: status).serializedBytes(), message: message)
    }
}

/// A port that is bound but not listening: connecting to it is refused.
final class BoundPort: Sendable {
    let fd: Int32
    let port: UInt16

    init() throws { (fd, port) = try RawServer.bindLoopback(listening: false) }
    deinit { Glibc.close(fd) }
}
