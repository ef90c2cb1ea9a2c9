/// The 8 bytes a client sends first: 0x89 'S' 'H' 'R', major, minor, 0, 0.
public enum Preface {
    /// Length of the preface in bytes.
    public static let size = 8
    /// The protocol major version this implementation speaks.
    public static let major: UInt8 = 1
    /// The protocol minor version this implementation speaks.
    public static let minor: UInt8 = 0
    /// The client preface for v1.0.
    public static let bytes: [UInt8] = [0x89, 0x53, 0x48, 0x52, major, minor, 0, 0]

    /// Checks a received preface.
    /// - Returns: nil while fewer than 8 bytes are there (consumes nothing),
    ///   the (major, minor) version once accepted (consumes 8 bytes).
    /// - Throws: `FrameError` for a bad magic (checked as soon as the bytes
    ///   arrive), an unsupported major version or non-zero reserved bytes.
    public static func decode(_ buffer: inout FrameBuffer) throws(FrameError) -> (major: UInt8, minor: UInt8)? {
        let magic = bytes[0..<4]
        let seen = buffer.readableBytesView.prefix(4)
        guard seen.elementsEqual(magic.prefix(seen.count)) else { throw .badPrefaceMagic }
        guard buffer.readableBytes >= size else { return nil }
        let view = buffer.readableBytesView
        let start = view.startIndex
        let major = view[start + 4]
        let minor = view[start + 5]
        guard major == Self.major else { throw .unsupportedVersion(major: major, minor: minor) }
        guard view[start + 6] == 0, view[start + 7] == 0 else { throw .badPrefaceReserved }
        buffer.moveReaderIndex(forwardBy: size)
        return (major, minor)
    }
}
