/// Bytes that are not a valid encoding of the expected protobuf message.
///
/// Every case is bad input from the peer, never a bug on this side: a server
/// answers it with INVALID_ARGUMENT (see `rpcError`).
public enum WireError: Error, Sendable, Hashable, CustomStringConvertible {
    /// protobuf-c could not unpack the bytes (truncated varint, a length
    /// past the end, a wrong wire type for a known field, ...).
    /// `message` is the full proto name of the message being decoded, e.g.
    /// "synchealth.v1.RequestHeader".
    case malformed(message: String)
    /// A string field held bytes that are not valid UTF-8. `field` is the
    /// path of the field, e.g. "synchealth.v1.RequestHeader.metadata[2].key".
    case invalidUTF8(field: String)
    /// A string field held a NUL (0x00) byte. protobuf-c carries strings as
    /// NUL-terminated C strings, so such a value cannot be kept whole; it is
    /// rejected rather than cut short at the NUL. `field` is the path of the
    /// field, e.g. "synchealth.v1.Sync.notes[1]". `bytes` fields may hold NUL.
    case embeddedNUL(field: String)

    public var description: String {
        switch self {
        case .malformed(let message): return "malformed \(message)"
        case .invalidUTF8(let field): return "invalid UTF-8 in \(field)"
        case .embeddedNUL(let field): return "NUL (0x00) in string field \(field)"
        }
    }

    /// The error to answer a call with: INVALID_ARGUMENT and this description.
    public var rpcError: RPCError { RPCError(.invalidArgument, description) }

    /// The same error with `outer` (a message name or a field path) put in
    /// front of the field path, as the error travels up nested messages.
    func within(_ outer: String) -> WireError {
        switch self {
        case .malformed: return self
        case .invalidUTF8(let field): return .invalidUTF8(field: "\(outer).\(field)")
        case .embeddedNUL(let field): return .embeddedNUL(field: "\(outer).\(field)")
        }
    }
}
