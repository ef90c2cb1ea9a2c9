import Glibc

/// The outcome of a non-blocking socket read or write: EAGAIN is a value,
/// not an error (as in swift-system's `Util.swift`).
enum IOResult: Equatable {
    /// The call moved this many bytes.
    case processed(Int)
    /// The socket is not ready; wait for the next readiness event.
    case wouldBlock
    /// The peer closed its side (reads only).
    case endOfFile
}

/// A failed system call: its name and errno. Carries no user data.
struct SystemCallError: Error, CustomStringConvertible {
    var call: String
    var errno: Int32

    var description: String {
        let text = strerror(errno).map { String(cString: $0) } ?? "unknown error"
        return "\(call) failed: \(text) (errno \(errno))"
    }
}

/// Runs `body` until it does not fail with EINTR.
/// - Returns: the call's non-negative result, or nil when it failed with
///   EAGAIN/EWOULDBLOCK.
/// - Throws: `SystemCallError` for any other failure.
@inline(__always)
func retryingOnInterrupt<T: FixedWidthInteger>(_ name: String, _ body: () -> T) throws(SystemCallError) -> T? {
    while true {
        let result = body()
        if result >= 0 { return result }
        let code = Glibc.errno
        switch code {
        case EINTR: continue
        case EAGAIN, EWOULDBLOCK: return nil
        default: throw SystemCallError(call: name, errno: code)
        }
    }
}

/// Syscalls on a non-blocking stream socket.
enum Socket {
    /// Ignores SIGPIPE for the whole process, once; writes also pass
    /// MSG_NOSIGNAL, so a vanished peer is an EPIPE, never a signal.
    static let ignoreSIGPIPE: Void = {
        _ = signal(SIGPIPE, SIG_IGN)
    }()

    /// Reads into `buffer`.
    static func receive(_ fd: Int32, into buffer: UnsafeMutableRawBufferPointer) throws(SystemCallError) -> IOResult {
        guard let n = try retryingOnInterrupt("recv", { recv(fd, buffer.baseAddress, buffer.count, 0) }) else {
            return .wouldBlock
        }
        return n == 0 ? .endOfFile : .processed(n)
    }

    /// Writes `bytes` in one `send` (never raising SIGPIPE).
    static func send(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) throws(SystemCallError) -> IOResult {
        guard let n = try retryingOnInterrupt("send", {
            Glibc.send(fd, bytes.baseAddress, bytes.count, Int32(MSG_NOSIGNAL))
        }) else {
            return .wouldBlock
        }
        return .processed(n)
    }

    /// Sets an integer socket option; failures are ignored by callers that
    /// treat the option as an optimisation.
    @discardableResult
    static func setOption(_ fd: Int32, _ level: Int32, _ name: Int32, _ value: Int32) -> Bool {
        var v = value
        return setsockopt(fd, level, name, &v, socklen_t(MemoryLayout<Int32>.size)) == 0
    }

    /// Sets O_NONBLOCK and FD_CLOEXEC.
    static func makeNonBlocking(_ fd: Int32) -> Bool {
        let flags = fcntl(fd, F_GETFL)
        guard flags >= 0, fcntl(fd, F_SETFL, flags | O_NONBLOCK) == 0 else { return false }
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        return true
    }

    /// Disables Nagle's algorithm: every frame is one write and should leave at once.
    static func setNoDelay(_ fd: Int32) {
        setOption(fd, Int32(IPPROTO_TCP), TCP_NODELAY, 1)
    }

    /// Half-closes the write side so the peer reads a clean EOF after our last frame.
    static func shutdownWrite(_ fd: Int32) {
        _ = Glibc.shutdown(fd, Int32(SHUT_WR))
    }

    /// Closes `fd`. Only ever called from a dispatch source's cancel handler
    /// (or before any source was made for it), so the number cannot be reused
    /// under a live source.
    /// Whether the peer has acknowledged everything sent, our FIN included
    /// (TCP state FIN_WAIT2, or TIME_WAIT once it closed too): what we wrote
    /// is in its receive buffer, so closing now cannot cost it our last frame.
    static func peerAcknowledgedOurClose(_ fd: Int32) -> Bool {
        var info = tcp_info()
        var length = socklen_t(MemoryLayout<tcp_info>.size)
        guard getsockopt(fd, Int32(IPPROTO_TCP), TCP_INFO, &info, &length) == 0 else { return false }
        // linux/tcp_states.h: TCP_FIN_WAIT2 = 5, TCP_TIME_WAIT = 6.
        return info.tcpi_state == 5 || info.tcpi_state == 6
    }

    static func close(_ fd: Int32) {
        // close(2) must not be retried on EINTR on Linux: the fd is gone either way.
        _ = Glibc.close(fd)
    }
}
