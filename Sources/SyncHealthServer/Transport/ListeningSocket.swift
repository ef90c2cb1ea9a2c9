import Glibc
import SyncHealthWire

/// Creates the non-blocking listening socket for a `BindTarget`.
enum ListeningSocket {
    /// Resolves `target`, binds the first address that works and listens.
    /// - Returns: the listening descriptor (non-blocking, close-on-exec).
    /// - Throws: `RPCError` UNAVAILABLE when nothing could be bound.
    static func open(_ target: BindTarget, backlog: Int32 = 511) throws(RPCError) -> Int32 {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV
        var list: UnsafeMutablePointer<addrinfo>?
        let host: String? = target.host.isEmpty ? nil : target.host
        let rc = getaddrinfo(host, String(target.port), &hints, &list)
        guard rc == 0, let first = list else {
            throw RPCError(.unavailable, "cannot resolve listen address \(target)")
        }
        defer { freeaddrinfo(first) }

        var lastError = SystemCallError(call: "getaddrinfo", errno: 0)
        var entry: UnsafeMutablePointer<addrinfo>? = first
        while let info = entry {
            entry = info.pointee.ai_next
            let type = Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue)
            let fd = socket(info.pointee.ai_family, type, 0)
            guard fd >= 0 else {
                lastError = SystemCallError(call: "socket", errno: errno)
                continue
            }
            Socket.setOption(fd, SOL_SOCKET, SO_REUSEADDR, 1)
            if bind(fd, info.pointee.ai_addr, info.pointee.ai_addrlen) == 0, listen(fd, backlog) == 0 {
                return fd
            }
            lastError = SystemCallError(call: "bind/listen", errno: errno)
            Socket.close(fd)  // no dispatch source exists for it yet
        }
        throw RPCError(.unavailable, "cannot listen on \(target): \(lastError)")
    }
}
