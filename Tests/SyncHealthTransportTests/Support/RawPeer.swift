import Dispatch
import Glibc
import SyncHealthConcurrency
import SyncHealthWire

/// What a raw peer read next.
enum PeerEvent: Equatable {
    case frame(Frame)
    case closed
    case timedOut
    case violation(FrameError)

    var frame: Frame? {
        if case let .frame(frame) = self { return frame }
        return nil
    }
}

/// A hand-driven protocol v1 endpoint over a plain socket: it writes any
/// bytes, broken ones included, and decodes what comes back. Blocking socket
/// calls run on its own Dispatch queue, never on the Swift concurrency pool.
final class RawPeer: Sendable {
    struct Reader {
        var buffer = FrameBuffer()
        var decoder: FrameDecoder
    }

    let fd: Int32
    private let queue = DispatchQueue(label: "test.raw-peer")
    private let reader: Locked<Reader>
    private let isClosed = Locked(false)

    /// Wraps a connected socket; `role` is the side this peer decodes for
    /// (`.client` when it plays a client).
    init(fd: Int32, role: FrameDecoder.Role) {
        self.fd = fd
        reader = Locked(Reader(decoder: FrameDecoder(role: role, maxFrameSize: .max)))
    }

    deinit { close() }

    /// Closes the socket (once).
    func close() {
        let fd = fd
        isClosed.withLock { closed in
            guard !closed else { return }
            closed = true
            Glibc.close(fd)
        }
    }

    /// Connects to 127.0.0.1:`port` as a client.
    /// - Parameter receiveBuffer: SO_RCVBUF to set before connecting (a small one makes a slow reader).
    static func connect(port: UInt16, receiveBuffer: Int32? = nil) async throws -> RawPeer {
        let fd = try await offload { () throws(TestSocketError) -> Int32 in
            try connectBlocking(port: port, receiveBuffer: receiveBuffer)
        }
        return RawPeer(fd: fd, role: .client)
    }

    /// A blocking TCP connect to 127.0.0.1:`port`; returns the descriptor.
    static func connectBlocking(port: UInt16, receiveBuffer: Int32? = nil) throws(TestSocketError) -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw TestSocketError(call: "socket") }
        if var size = receiveBuffer {
            setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, socklen_t(MemoryLayout<Int32>.size))
        }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let rc = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard rc == 0 else {
            Glibc.close(fd)
            throw TestSocketError(call: "connect")
        }
        return fd
    }

    /// Writes `bytes` in one `send`; false when the socket is broken.
    @discardableResult
    func send(_ bytes: [UInt8]) async -> Bool {
        let fd = fd
        return await offload {
            bytes.withUnsafeBytes { raw in
                var offset = 0
                while offset < raw.count {
                    let n = Glibc.send(fd, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
                    if n < 0 && errno == EINTR { continue }
                    guard n > 0 else { return false }
                    offset += n
                }
                return true
            }
        }
    }

    /// Writes `frames` back to back in one `send`.
    @discardableResult
    func send(_ frames: Frame...) async -> Bool {
        await send(frames.flatMap { FrameEncoder.encode($0) })
    }

    /// Sends the v1 preface and reads the server's SETTINGS.
    func handshake() async throws -> Settings {
        await send(Preface.bytes)
        guard let frame = await next().frame, frame.type == .settings else { throw TestSocketError(call: "handshake") }
        return try Settings(serializedBytes: frame.payload)
    }

    /// Reads the client's 8-byte preface (when playing a server).
    func readPreface(timeout: Duration = .seconds(10)) async -> Bool {
        let fd = fd
        return await offload {
            self.reader.withLock { reader in
                while reader.buffer.readableBytes < Preface.size {
                    guard Self.receive(fd, into: &reader.buffer, deadline: ContinuousClock.now + timeout) == .data else { return false }
                }
                return (try? Preface.decode(&reader.buffer)) != nil
            }
        }
    }

    /// The next frame, or why there is none.
    func next(timeout: Duration = .seconds(10)) async -> PeerEvent {
        let fd = fd
        return await offload {
            let deadline = ContinuousClock.now + timeout
            return self.reader.withLock { reader in
                while true {
                    do throws(FrameError) {
                        if let frame = try reader.decoder.decode(&reader.buffer) { return .frame(frame) }
                    } catch {
                        return .violation(error)
                    }
                    switch Self.receive(fd, into: &reader.buffer, deadline: deadline) {
                    case .data: continue
                    case .closed: return .closed
                    case .timedOut: return .timedOut
                    }
                }
            }
        }
    }

    /// Reads frames until the peer closes (or `timeout`), then closes this
    /// side too, as a well-behaved peer would.
    func readUntilClosed(timeout: Duration = .seconds(10)) async -> (frames: [Frame], closed: Bool) {
        var frames: [Frame] = []
        while true {
            switch await next(timeout: timeout) {
            case let .frame(frame): frames.append(frame)
            case .closed:
                close()
                return (frames, true)
            case .timedOut, .violation: return (frames, false)
            }
        }
    }

    /// Sets SO_LINGER 0 so closing sends a reset (a peer that vanishes).
    func abortOnClose() {
        var linger = Glibc.linger(l_onoff: 1, l_linger: 0)
        setsockopt(fd, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<Glibc.linger>.size))
    }

    /// Half-closes the write side.
    func shutdownWrite() { _ = Glibc.shutdown(fd, Int32(SHUT_WR)) }

    private enum Received { case data, closed, timedOut }

    private static func receive(_ fd: Int32, into buffer: inout FrameBuffer, deadline: ContinuousClock.Instant) -> Received {
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let remaining = deadline - ContinuousClock.now
            guard remaining > .zero else { return .timedOut }
            var pollFd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ms = Int32(clamping: remaining.components.seconds * 1000 + remaining.components.attoseconds / 1_000_000_000_000_000 + 1)
            let ready = poll(&pollFd, 1, ms)
            if ready < 0 && errno == EINTR { continue }
            guard ready > 0 else { return .timedOut }
            let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return .closed }  // EOF or reset
            buffer.write(contentsOf: chunk[0..<n])
            return .data
        }
    }
}

struct TestSocketError: Error {
    var call: String
    var errno: Int32 = Glibc.errno
}

/// Runs blocking socket work off the cooperative pool and awaits it.
func offload<T: Sendable, E: Error>(_ work: @escaping @Sendable () throws(E) -> T) async throws(E) -> T {
    try await BlockingWork.run("test.offload", work)
}
