// Swift value types for proto/synchealth/v1/protocol.proto.
// Conversion to and from protobuf-c lives in ../ProtobufC/.

/// gRPC's status codes, 0-16, with the same numbers and meanings.
public enum StatusCode: Sendable, Hashable {
    case ok
    case cancelled
    case unknown
    case invalidArgument
    case deadlineExceeded
    case notFound
    case alreadyExists
    case permissionDenied
    case resourceExhausted
    case failedPrecondition
    case aborted
    case outOfRange
    case unimplemented
    case `internal`
    case unavailable
    case dataLoss
    case unauthenticated
    /// A value this version does not know; kept so it round-trips.
    case unrecognized(Int32)

    /// Every value this version knows.
    public static let allKnown: [StatusCode] = [.ok, .cancelled, .unknown, .invalidArgument, .deadlineExceeded, .notFound, .alreadyExists, .permissionDenied, .resourceExhausted, .failedPrecondition, .aborted, .outOfRange, .unimplemented, .`internal`, .unavailable, .dataLoss, .unauthenticated]

    /// Maps a wire number to its case; unknown numbers become `.unrecognized`.
    public init(rawValue: Int32) {
        switch rawValue {
        case 0: self = .ok
        case 1: self = .cancelled
        case 2: self = .unknown
        case 3: self = .invalidArgument
        case 4: self = .deadlineExceeded
        case 5: self = .notFound
        case 6: self = .alreadyExists
        case 7: self = .permissionDenied
        case 8: self = .resourceExhausted
        case 9: self = .failedPrecondition
        case 10: self = .aborted
        case 11: self = .outOfRange
        case 12: self = .unimplemented
        case 13: self = .`internal`
        case 14: self = .unavailable
        case 15: self = .dataLoss
        case 16: self = .unauthenticated
        default: self = .unrecognized(rawValue)
        }
    }

    /// The wire number.
    public var rawValue: Int32 {
        switch self {
        case .ok: return 0
        case .cancelled: return 1
        case .unknown: return 2
        case .invalidArgument: return 3
        case .deadlineExceeded: return 4
        case .notFound: return 5
        case .alreadyExists: return 6
        case .permissionDenied: return 7
        case .resourceExhausted: return 8
        case .failedPrecondition: return 9
        case .aborted: return 10
        case .outOfRange: return 11
        case .unimplemented: return 12
        case .`internal`: return 13
        case .unavailable: return 14
        case .dataLoss: return 15
        case .unauthenticated: return 16
        case .unrecognized(let value): return value
        }
    }
}

/// One key/value pair of call metadata (for example `authorization`).
/// Keys are lower-case ASCII.
public struct MetadataEntry: Sendable, Hashable {
    public var key: String
    public var value: String

    /// Creates the message; every field defaults to its proto3 zero value.
    public init(
        key: String = "",
        value: String = ""
    ) {
        self.key = key
        self.value = value
    }
}

/// Leads every REQUEST frame's payload.
public struct RequestHeader: Sendable, Hashable {
    /// Fully qualified method: "/synchealth.v1.Service/Method".
    public var method: String
    /// Deadline relative to the moment the server receives the frame, in
    /// milliseconds. 0 means no deadline.
    public var timeoutMs: UInt32
    public var metadata: [MetadataEntry]

    /// Creates the message; every field defaults to its proto3 zero value.
    public init(
        method: String = "",
        timeoutMs: UInt32 = 0,
        metadata: [MetadataEntry] = []
    ) {
        self.method = method
        self.timeoutMs = timeoutMs
        self.metadata = metadata
    }
}

/// Leads every RESPONSE frame's payload.
public struct ResponseHeader: Sendable, Hashable {
    public var statusCode: StatusCode
    public var statusMessage: String
    public var trailers: [MetadataEntry]

    /// Creates the message; every field defaults to its proto3 zero value.
    public init(
        statusCode: StatusCode = .ok,
        statusMessage: String = "",
        trailers: [MetadataEntry] = []
    ) {
        self.statusCode = statusCode
        self.statusMessage = statusMessage
        self.trailers = trailers
    }
}

/// The server's first frame on every connection.
public struct Settings: Sendable, Hashable {
    public var protocolMajor: UInt32
    public var protocolMinor: UInt32
    /// Largest payload, in bytes, the sender accepts in one frame.
    public var maxFrameSize: UInt32
    /// Most calls the server runs at once on one connection.
    public var maxConcurrentStreams: UInt32
    public var serverName: String
    public var serverVersion: String

    /// Creates the message; every field defaults to its proto3 zero value.
    public init(
        protocolMajor: UInt32 = 0,
        protocolMinor: UInt32 = 0,
        maxFrameSize: UInt32 = 0,
        maxConcurrentStreams: UInt32 = 0,
        serverName: String = "",
        serverVersion: String = ""
    ) {
        self.protocolMajor = protocolMajor
        self.protocolMinor = protocolMinor
        self.maxFrameSize = maxFrameSize
        self.maxConcurrentStreams = maxConcurrentStreams
        self.serverName = serverName
        self.serverVersion = serverVersion
    }
}

/// Sent before a connection closes. Calls with stream ids above
/// last_stream_id were not processed and may be retried elsewhere.
public struct GoAway: Sendable, Hashable {
    public var lastStreamId: UInt32
    public var statusCode: StatusCode
    public var message: String

    /// Creates the message; every field defaults to its proto3 zero value.
    public init(
        lastStreamId: UInt32 = 0,
        statusCode: StatusCode = .ok,
        message: String = ""
    ) {
        self.lastStreamId = lastStreamId
        self.statusCode = statusCode
        self.message = message
    }
}
