// Swift value types for proto/synchealth/v1/health.proto.
// Conversion to and from protobuf-c lives in ../ProtobufC/.

/// `synchealth.v1.HealthCheckRequest`.
public struct HealthCheckRequest: Sendable, Hashable {
    /// Empty for the server as a whole, or a service name such as
    /// "synchealth.v1.SyncHistory".
    public var service: String

    /// Creates the message; every field defaults to its proto3 zero value.
    public init(
        service: String = ""
    ) {
        self.service = service
    }
}

/// `synchealth.v1.ServingStatus`.
public enum ServingStatus: Sendable, Hashable {
    case unknown
    case serving
    case notServing
    case serviceUnknown
    /// A value this version does not know; kept so it round-trips.
    case unrecognized(Int32)

    /// Every value this version knows.
    public static let allKnown: [ServingStatus] = [.unknown, .serving, .notServing, .serviceUnknown]

    /// Maps a wire number to its case; unknown numbers become `.unrecognized`.
    public init(rawValue: Int32) {
        switch rawValue {
        case 0: self = .unknown
        case 1: self = .serving
        case 2: self = .notServing
        case 3: self = .serviceUnknown
        default: self = .unrecognized(rawValue)
        }
    }

    /// The wire number.
    public var rawValue: Int32 {
        switch self {
        case .unknown: return 0
        case .serving: return 1
        case .notServing: return 2
        case .serviceUnknown: return 3
        case .unrecognized(let value): return value
        }
    }
}

/// `synchealth.v1.HealthCheckResponse`.
public struct HealthCheckResponse: Sendable, Hashable {
    public var status: ServingStatus

    /// Creates the message; every field defaults to its proto3 zero value.
    public init(
        status: ServingStatus = .unknown
    ) {
        self.status = status
    }
}
