/// A violation of the protocol v1 framing rules. Each one ends the connection
/// with a GOAWAY carrying INTERNAL.
public enum FrameError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The preface did not start with 0x89 'S' 'H' 'R'.
    case badPrefaceMagic
    /// The preface named a major version this side does not speak.
    case unsupportedVersion(major: UInt8, minor: UInt8)
    /// The preface's two trailing bytes were not zero.
    case badPrefaceReserved
    /// The length prefix is over the negotiated maximum; nothing was allocated.
    case frameTooLarge(length: UInt32, max: UInt32)
    /// The type byte is not a v1 frame type.
    case unknownFrameType(UInt8)
    /// Flag bits are set; v1 defines none.
    case flagsSet(UInt8)
    /// The two reserved header bytes are not zero.
    case reservedBitsSet(UInt16)
    /// A REQUEST, RESPONSE or CANCEL used stream id 0.
    case streamIdZero(FrameType)
    /// A SETTINGS, PING, PONG or GOAWAY used a non-zero stream id.
    case connectionFrameOnStream(FrameType, streamId: UInt32)
    /// A REQUEST's stream id was not above every earlier one.
    case streamIdNotIncreasing(previous: UInt32, received: UInt32)
    /// A PING or PONG payload was not exactly 8 bytes.
    case badPingLength(Int)
    /// A CANCEL carried a payload.
    case cancelWithPayload(Int)
    /// The 2-byte inner header length claimed more than the payload holds;
    /// `claimed` is 0 when the payload is too short (0 or 1 bytes) to hold
    /// the length itself.
    case headerLengthPastEnd(claimed: Int, available: Int)
    /// A frame arrived that this side never accepts (e.g. a REQUEST sent to a client).
    case unexpectedFrame(FrameType)

    public var description: String {
        switch self {
        case .badPrefaceMagic: return "bad preface magic"
        case let .unsupportedVersion(major, minor): return "unsupported protocol version \(major).\(minor)"
        case .badPrefaceReserved: return "preface reserved bytes are not zero"
        case let .frameTooLarge(length, max): return "frame length \(length) over maximum \(max)"
        case let .unknownFrameType(type): return "unknown frame type 0x\(String(type, radix: 16))"
        case let .flagsSet(flags): return "frame flags 0x\(String(flags, radix: 16)) set; v1 defines none"
        case let .reservedBitsSet(bits): return "reserved header bits 0x\(String(bits, radix: 16)) set"
        case let .streamIdZero(type): return "\(type) frame with stream id 0"
        case let .connectionFrameOnStream(type, id): return "\(type) frame on stream \(id); must be 0"
        case let .streamIdNotIncreasing(previous, received):
            return "stream id \(received) not above previous \(previous)"
        case let .badPingLength(n): return "ping/pong payload of \(n) bytes; must be 8"
        case let .cancelWithPayload(n): return "cancel frame with \(n) payload bytes"
        case let .headerLengthPastEnd(0, available):
            // Only a payload too short to hold the 2-byte length itself
            // reports claimed 0: no length can be past the end otherwise.
            return "REQUEST/RESPONSE payload of \(available) bytes, shorter than its 2-byte header length"
        case let .headerLengthPastEnd(claimed, available):
            return "inner header length \(claimed) past the end of the \(available) payload bytes"
        case let .unexpectedFrame(type): return "unexpected \(type) frame"
        }
    }
}
