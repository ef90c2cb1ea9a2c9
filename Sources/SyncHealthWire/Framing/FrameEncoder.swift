/// Encodes frames to bytes: header and payload in one array, so a frame goes
/// out in one write.
public enum FrameEncoder {
    /// The frame's 12-byte header followed by its payload.
    /// - Precondition: the payload fits in a UInt32 length.
    public static func encode(_ frame: Frame) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Frame.headerSize + frame.payload.count)
        encode(frame, into: &bytes)
        return bytes
    }

    /// Appends the frame's header and payload to `bytes`.
    public static func encode(_ frame: Frame, into bytes: inout [UInt8]) {
        precondition(frame.payload.count <= Int(UInt32.max), "frame payload over 4 GiB")
        appendBigEndian(UInt32(frame.payload.count), to: &bytes)
        bytes.append(frame.type.rawValue)
        bytes.append(frame.flags)
        appendBigEndian(UInt16(0), to: &bytes)
        appendBigEndian(frame.streamId, to: &bytes)
        bytes.append(contentsOf: frame.payload)
    }

    private static func appendBigEndian<T: FixedWidthInteger>(_ value: T, to bytes: inout [UInt8]) {
        var big = value.bigEndian
        withUnsafeBytes(of: &big) { bytes.append(contentsOf: $0) }
    }
}
