import SyncHealthWire

/// The client side of connection set-up: send the preface, read SETTINGS.
struct Handshake {
    let settings: Settings
    let decoder: FrameDecoder
    /// Bytes read past SETTINGS (the reader loop starts from them).
    let leftover: FrameBuffer

    /// Runs the handshake on a connected blocking socket.
    /// - Throws: `RPCError` UNAVAILABLE on a timeout, a GOAWAY (the server
    ///   refused, e.g. too many connections), a closed socket or bad frames.
    static func perform(fd: Int32, deadline: ContinuousClock.Instant, maxFrameSize: UInt32) throws(RPCError) -> Handshake {
        guard ClientSocket.sendAll(fd, Preface.bytes) else {
            throw RPCError(.unavailable, "connection lost while sending the preface")
        }
        var decoder = FrameDecoder(role: .client, maxFrameSize: maxFrameSize)
        var buffer = FrameBuffer()
        var scratch = [UInt8](repeating: 0, count: 16 * 1024)
        defer { ClientSocket.setReceiveTimeout(fd, nil) }
        while true {
            let frame: Frame?
            do {
                frame = try decoder.decode(&buffer)
            } catch {
                throw RPCError(.unavailable, "protocol error from server: \(error)")
            }
            if let frame {
                return Handshake(settings: try settings(from: frame), decoder: decoder, leftover: buffer)
            }
            let remaining = deadline - ContinuousClock.now
            guard remaining > .zero else { throw RPCError(.unavailable, "timed out waiting for the server's SETTINGS") }
            ClientSocket.setReceiveTimeout(fd, remaining)
            let n = ClientSocket.receive(fd, into: &scratch)
            guard n > 0 else {
                throw RPCError(.unavailable, n == 0 ? "server closed the connection during the handshake"
                                                    : "timed out waiting for the server's SETTINGS")
            }
            buffer.write(contentsOf: scratch[0..<n])
        }
    }

    private static func settings(from frame: Frame) throws(RPCError) -> Settings {
        switch frame.type {
        case .settings:
            do {
                return try Settings(serializedBytes: frame.payload)
            } catch {
                throw RPCError(.unavailable, "server sent malformed SETTINGS")
            }
        case .goAway:
            let goAway = try? GoAway(serializedBytes: frame.payload)
            let detail = goAway.map { "\($0.statusCode.name): \($0.message)" } ?? "no reason"
            throw RPCError(.unavailable, "server refused the connection (\(detail))")
        default:
            throw RPCError(.unavailable, "server's first frame was \(frame.type), not SETTINGS")
        }
    }
}
