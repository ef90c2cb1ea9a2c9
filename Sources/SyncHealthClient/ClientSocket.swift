import SyncHealthConcurrency
import Glibc
import SyncHealthWire

/// Blocking socket calls for the client. They run on the connection's own
/// Dispatch queues, never on the Swift concurrency pool.
enum ClientSocket {
    /// Resolves `endpoint` and connects to the first address that answers
    /// within `timeout`.
    /// - Returns: a connected, blocking, close-on-exec socket with TCP_NODELAY.
    /// - Throws: `RPCError` UNAVAILABLE.
    static func connect(to endpoint: Endpoint, timeout: Duration) throws(RPCError) -> Int32 {
        let deadline = ContinuousClock.now + timeout
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_NUMERICSERV
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(endpoint.host, String(endpoint.port), &hints, &list) == 0, let first = list else {
            throw RPCError(.unavailable, "cannot resolve \(endpoint)")
        }
        defer { freeaddrinfo(first) }
        var failure = "no address"
        var entry: UnsafeMutablePointer<addrinfo>? = first
        while let info = entry {
            entry = info.pointee.ai_next
            let fd = socket(info.pointee.ai_family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
            guard fd >= 0 else { failure = "socket: \(String(cString: strerror(errno)))"; continue }
            do {
                try connect(fd, info.pointee.ai_addr, info.pointee.ai_addrlen, deadline: deadline)
                var one: Int32 = 1
                setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
                return fd
            } catch {
                failure = error.description
                Glibc.close(fd)
            }
        }
        throw RPCError(.unavailable, "cannot connect to \(endpoint): \(failure)")
    }

    /// Non-blocking connect bounded by `deadline`, then back to blocking mode.
    private static func connect(
        _ fd: Int32, _ address: UnsafePointer<sockaddr>, _ length: socklen_t, deadline: ContinuousClock.Instant
    ) throws(ConnectFailure) {
        let flags = fcntl(fd, F_GETFL)
        guard flags >= 0, fcntl(fd, F_SETFL, flags | O_NONBLOCK) == 0 else { throw failure("fcntl") }
        if Glibc.connect(fd, address, length) != 0 {
            guard errno == EINPROGRESS || errno == EINTR else { throw failure("connect") }
            var pollFd = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
            while true {
                let remaining = deadline - ContinuousClock.now
                guard remaining > .zero else { throw ConnectFailure(description: "connect timeout") }
                let ms = Int32(clamping: Int(remaining.timeoutMilliseconds))
                let rc = poll(&pollFd, 1, ms)
                if rc > 0 { break }
                if rc == 0 { throw ConnectFailure(description: "connect timeout") }
                if errno != EINTR { throw failure("poll") }
            }
            var soError: Int32 = 0
            var size = socklen_t(MemoryLayout<Int32>.size)
            guard getsockopt(fd, SOL_SOCKET, SO_ERROR, &soError, &size) == 0, soError == 0 else {
                throw ConnectFailure(description: String(cString: strerror(soError)))
            }
        }
        guard fcntl(fd, F_SETFL, flags) == 0 else { throw failure("fcntl") }
    }

    /// Writes all of `bytes`, retrying EINTR and short writes; MSG_NOSIGNAL
    /// makes a vanished peer an error, never a SIGPIPE.
    static func sendAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = send(fd, raw.baseAddress.map { $0 + offset }, raw.count - offset, Int32(MSG_NOSIGNAL))
                if n > 0 {
                    offset += n
                } else if n < 0 && errno == EINTR {
                    continue
                } else {
                    return false
                }
            }
            return true
        }
    }

    /// One blocking read. Returns 0 at end of stream, -1 on error or receive timeout.
    static func receive(_ fd: Int32, into buffer: inout [UInt8]) -> Int {
        buffer.withUnsafeMutableBytes { raw in
            while true {
                let n = recv(fd, raw.baseAddress, raw.count, 0)
                if n < 0 && errno == EINTR { continue }
                return n
            }
        }
    }

    /// Sets SO_RCVTIMEO; `nil` removes it.
    static func setReceiveTimeout(_ fd: Int32, _ timeout: Duration?) {
        var value = timeval()
        if let timeout {
            let ns = max(1_000, timeout.nanosecondsClamped)
            value.tv_sec = ns / 1_000_000_000
            value.tv_usec = (ns % 1_000_000_000) / 1000
        }
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &value, socklen_t(MemoryLayout<timeval>.size))
    }

    private static func failure(_ call: String) -> ConnectFailure {
        ConnectFailure(description: "\(call): \(String(cString: strerror(errno)))")
    }
}

/// Why one connect attempt failed (text for the UNAVAILABLE message).
struct ConnectFailure: Error, CustomStringConvertible {
    var description: String
}
