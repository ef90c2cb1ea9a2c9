import SyncHealthWire

/// Builders for frames a client sends, and readers for what comes back.
enum Wire {
    static func request(_ streamId: UInt32, _ method: String, _ message: [UInt8] = [], timeoutMs: UInt32 = 0,
                        metadata: [MetadataEntry] = []) -> Frame {
        let header = RequestHeader(method: method, timeoutMs: timeoutMs, metadata: metadata)
        return .request(streamId: streamId, header: header.serializedBytes(), message: message)
    }

    static func cancel(_ streamId: UInt32) -> Frame { Frame(type: .cancel, streamId: streamId) }

    static func ping(_ bytes: [UInt8] = [1, 2, 3, 4, 5, 6, 7, 8]) -> Frame { Frame(type: .ping, streamId: 0, payload: bytes) }

    /// A raw 12-byte header with arbitrary fields, for framing violations.
    static func header(length: UInt32, type: UInt8, flags: UInt8 = 0, reserved: UInt16 = 0, streamId: UInt32) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes += withUnsafeBytes(of: length.bigEndian) { Array($0) }
        bytes += [type, flags]
        bytes += withUnsafeBytes(of: reserved.bigEndian) { Array($0) }
        bytes += withUnsafeBytes(of: streamId.bigEndian) { Array($0) }
        return bytes
    }

    /// Status code and message of a RESPONSE frame.
    static func status(_ frame: Frame) throws -> (code: StatusCode, message: String, body: [UInt8]) {
        let parts = try frame.splitHeaderAndMessage()
        let header = try ResponseHeader(serializedBytes: parts.header)
        return (header.statusCode, header.statusMessage, Array(parts.message))
    }

    static func goAway(_ frame: Frame) throws -> GoAway {
        try GoAway(serializedBytes: frame.payload)
    }
}
