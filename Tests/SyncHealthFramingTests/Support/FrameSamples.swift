import SyncHealthWire

/// Valid frames and raw headers the framing tests build on.
enum FrameSamples {
    /// The role whose decoder accepts `type`: REQUEST and CANCEL go to a
    /// server, RESPONSE and SETTINGS to a client, the rest to either.
    static func role(accepting type: FrameType) -> FrameDecoder.Role {
        switch type {
        case .request, .cancel, .ping, .pong, .goAway: return .server
        case .response, .settings: return .client
        }
    }

    /// A valid frame of `type`; `streamId` is used by stream frames only.
    static func frame(_ type: FrameType, streamId: UInt32 = 1, size: Int = 5) -> Frame {
        let body = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        switch type {
        case .request:
            return .request(streamId: streamId, header: Array(body.prefix(size / 2)), message: Array(body.dropFirst(size / 2)))
        case .response:
            return .response(streamId: streamId, header: Array(body.prefix(size / 2)), message: Array(body.dropFirst(size / 2)))
        case .cancel:
            return Frame(type: .cancel, streamId: streamId)
        case .ping, .pong:
            return Frame(type: type, streamId: 0, payload: [1, 2, 3, 4, 5, 6, 7, 8])
        case .settings, .goAway:
            return Frame(type: type, streamId: 0, payload: body)
        }
    }

    /// Everything a client may send on one connection after the preface:
    /// increasing REQUEST ids, empty and large bodies, every client frame type.
    static let clientStream: [Frame] = [
        .request(streamId: 1, header: [0x0A, 0x01, 0x61], message: []),
        Frame(type: .ping, streamId: 0, payload: [0, 0, 0, 0, 0, 0, 0, 1]),
        .request(streamId: 3, header: [], message: [0x08, 0x96, 0x01]),
        Frame(type: .cancel, streamId: 3),
        .request(streamId: 4, header: Array(repeating: 0x41, count: 300), message: Array(repeating: 0x42, count: 70)),
        Frame(type: .pong, streamId: 0, payload: [9, 8, 7, 6, 5, 4, 3, 2]),
        .request(streamId: 0x7FFF_FFFF, header: [1], message: [2]),
        .request(streamId: 0xFFFF_FFFF, header: [], message: []),
        Frame(type: .goAway, streamId: 0, payload: []),
        Frame(type: .goAway, streamId: 0, payload: [0x08, 0x07]),
    ]

    /// Everything a server may send on one connection.
    static let serverStream: [Frame] = [
        Frame(type: .settings, streamId: 0, payload: []),
        Frame(type: .settings, streamId: 0, payload: [0x08, 0x01, 0x18, 0x80, 0x80, 0x80, 0x02]),
        .response(streamId: 1, header: [], message: []),
        Frame(type: .ping, streamId: 0, payload: [1, 1, 1, 1, 1, 1, 1, 1]),
        .response(streamId: 9, header: [0x08, 0x01], message: Array(repeating: 0xEE, count: 500)),
        // RESPONSE ids need not increase: calls finish in any order.
        .response(streamId: 3, header: [0x08, 0x0D], message: []),
        Frame(type: .pong, streamId: 0, payload: [0, 0, 0, 0, 0, 0, 0, 0]),
        Frame(type: .goAway, streamId: 0, payload: [0x08, 0x09]),
    ]

    /// The stream for `role` to decode.
    static func stream(for role: FrameDecoder.Role) -> [Frame] {
        switch role {
        case .server: return clientStream
        case .client: return serverStream
        }
    }

    /// The encoding of `frames`, back to back.
    static func bytes(of frames: [Frame]) -> [UInt8] {
        var bytes: [UInt8] = []
        for frame in frames { FrameEncoder.encode(frame, into: &bytes) }
        return bytes
    }

    /// A 12-byte frame header with arbitrary, possibly invalid, fields.
    static func header(length: UInt32, type: UInt8, flags: UInt8 = 0, reserved: UInt16 = 0, streamId: UInt32) -> [UInt8] {
        [
            UInt8(truncatingIfNeeded: length >> 24), UInt8(truncatingIfNeeded: length >> 16),
            UInt8(truncatingIfNeeded: length >> 8), UInt8(truncatingIfNeeded: length),
            type, flags,
            UInt8(truncatingIfNeeded: reserved >> 8), UInt8(truncatingIfNeeded: reserved),
            UInt8(truncatingIfNeeded: streamId >> 24), UInt8(truncatingIfNeeded: streamId >> 16),
            UInt8(truncatingIfNeeded: streamId >> 8), UInt8(truncatingIfNeeded: streamId),
        ]
    }
}
