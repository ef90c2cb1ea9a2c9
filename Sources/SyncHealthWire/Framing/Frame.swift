/// One protocol v1 frame: a 12-byte header and its payload.
///
/// The header is, big-endian: payload length (4 bytes), type (1), flags (1),
/// reserved (2, zero), stream id (4). See docs/PROTOCOL.md.
public struct Frame: Sendable, Hashable {
    /// Size of the fixed frame header in bytes.
    public static let headerSize = 12
    /// Default and largest value of the max_frame_size setting: 4 MiB.
    public static let defaultMaxFrameSize: UInt32 = 4 * 1024 * 1024
    /// Length of a PING or PONG payload.
    public static let pingPayloadSize = 8

    public var type: FrameType
    /// Always 0 in v1; bit 0 is reserved for compression.
    public var flags: UInt8
    public var streamId: UInt32
    public var payload: [UInt8]

    /// Creates a frame; `flags` is 0 in protocol v1.
    public init(type: FrameType, flags: UInt8 = 0, streamId: UInt32, payload: [UInt8] = []) {
        self.type = type
        self.flags = flags
        self.streamId = streamId
        self.payload = payload
    }

    /// A REQUEST frame whose payload is the 2-byte header length, the encoded
    /// `RequestHeader` and the encoded request message.
    /// - Precondition: `header` is at most 65,535 bytes.
    public static func request(streamId: UInt32, header: [UInt8], message: [UInt8]) -> Frame {
        Frame(type: .request, streamId: streamId, payload: Self.joinHeaderAndMessage(header, message))
    }

    /// A RESPONSE frame: 2-byte header length, encoded `ResponseHeader`, then
    /// the response message (empty unless the status is OK).
    /// - Precondition: `header` is at most 65,535 bytes.
    public static func response(streamId: UInt32, header: [UInt8], message: [UInt8]) -> Frame {
        Frame(type: .response, streamId: streamId, payload: Self.joinHeaderAndMessage(header, message))
    }

    /// Splits a REQUEST or RESPONSE payload into the header protobuf bytes and
    /// the message bytes.
    /// - Throws: `FrameError.headerLengthPastEnd` when the 2-byte length claims
    ///   more bytes than the payload holds, or the payload is shorter than 2 bytes.
    public func splitHeaderAndMessage() throws(FrameError) -> (header: ArraySlice<UInt8>, message: ArraySlice<UInt8>) {
        guard payload.count >= 2 else {
            throw .headerLengthPastEnd(claimed: 0, available: payload.count)
        }
        let n = Int(payload[payload.startIndex]) << 8 | Int(payload[payload.startIndex + 1])
        let available = payload.count - 2
        guard n <= available else {
            throw .headerLengthPastEnd(claimed: n, available: available)
        }
        let headerStart = payload.startIndex + 2
        return (payload[headerStart..<headerStart + n], payload[(headerStart + n)...])
    }

    private static func joinHeaderAndMessage(_ header: [UInt8], _ message: [UInt8]) -> [UInt8] {
        precondition(header.count <= Int(UInt16.max), "call header over 65,535 bytes")
        var payload: [UInt8] = []
        payload.reserveCapacity(2 + header.count + message.count)
        payload.append(UInt8(truncatingIfNeeded: header.count >> 8))
        payload.append(UInt8(truncatingIfNeeded: header.count))
        payload.append(contentsOf: header)
        payload.append(contentsOf: message)
        return payload
    }
}
