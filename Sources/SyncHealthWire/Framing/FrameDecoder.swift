/// Decodes protocol v1 frames from a `FrameBuffer`, checking every framing rule.
///
/// Pure: no I/O. `decode(_:)` consumes nothing until a whole frame is
/// there, and rejects a length over the maximum from the header alone,
/// before allocating anything for the payload.
public struct FrameDecoder: Sendable {
    /// Which end of the connection this decoder reads for.
    public enum Role: Sendable {
        /// Reads what a client sends: REQUEST, CANCEL, PING, PONG, GOAWAY.
        case server
        /// Reads what a server sends: RESPONSE, SETTINGS, PING, PONG, GOAWAY.
        case client
    }

    /// Largest payload accepted, in bytes.
    public let maxFrameSize: UInt32
    public let role: Role
    /// The highest REQUEST stream id seen (server role); 0 before the first.
    public private(set) var lastRequestStreamId: UInt32 = 0

    /// Creates a decoder for `role` accepting payloads up to `maxFrameSize` bytes.
    public init(role: Role, maxFrameSize: UInt32 = Frame.defaultMaxFrameSize) {
        self.role = role
        self.maxFrameSize = maxFrameSize
    }

    /// Decodes the next frame.
    /// - Returns: the frame, consuming its bytes; nil when the buffer does not
    ///   yet hold a whole frame, consuming nothing.
    /// - Throws: `FrameError` on any framing violation. The header is checked
    ///   as soon as its 12 bytes are there, so an oversized length fails
    ///   before its payload arrives.
    public mutating func decode(_ buffer: inout FrameBuffer) throws(FrameError) -> Frame? {
        guard buffer.readableBytes >= Frame.headerSize else { return nil }
        let length = buffer.peekInteger(at: 0, as: UInt32.self)
        let typeByte = buffer.peekInteger(at: 4, as: UInt8.self)
        let flags = buffer.peekInteger(at: 5, as: UInt8.self)
        let reserved = buffer.peekInteger(at: 6, as: UInt16.self)
        let streamId = buffer.peekInteger(at: 8, as: UInt32.self)

        guard length <= maxFrameSize else { throw .frameTooLarge(length: length, max: maxFrameSize) }
        guard let type = FrameType(rawValue: typeByte) else { throw .unknownFrameType(typeByte) }
        guard flags == 0 else { throw .flagsSet(flags) }
        guard reserved == 0 else { throw .reservedBitsSet(reserved) }
        try checkDirection(type)
        try checkStreamId(type, streamId)
        try checkLength(type, Int(length))

        guard buffer.readableBytes >= Frame.headerSize + Int(length) else { return nil }
        if type == .request { lastRequestStreamId = streamId }
        buffer.moveReaderIndex(forwardBy: Frame.headerSize)
        let payload = buffer.readBytes(Int(length))
        return Frame(type: type, flags: flags, streamId: streamId, payload: payload)
    }

    private func checkDirection(_ type: FrameType) throws(FrameError) {
        switch (role, type) {
        case (.server, .response), (.server, .settings), (.client, .request), (.client, .cancel):
            throw .unexpectedFrame(type)
        default:
            return
        }
    }

    private func checkStreamId(_ type: FrameType, _ streamId: UInt32) throws(FrameError) {
        if type.isStreamFrame {
            guard streamId != 0 else { throw .streamIdZero(type) }
            if type == .request && streamId <= lastRequestStreamId {
                throw .streamIdNotIncreasing(previous: lastRequestStreamId, received: streamId)
            }
        } else if streamId != 0 {
            throw .connectionFrameOnStream(type, streamId: streamId)
        }
    }

    private func checkLength(_ type: FrameType, _ length: Int) throws(FrameError) {
        switch type {
        case .ping, .pong:
            guard length == Frame.pingPayloadSize else { throw .badPingLength(length) }
        case .cancel:
            guard length == 0 else { throw .cancelWithPayload(length) }
        case .request, .response:
            guard length >= 2 else { throw .headerLengthPastEnd(claimed: 0, available: length) }
        case .settings, .goAway:
            return
        }
    }
}
