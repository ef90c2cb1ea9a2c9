// Swift value types for proto/synchealth/v1/connector.proto.
// Conversion to and from protobuf-c lives in ../ProtobufC/.

/// `synchealth.v1.PushRequest`.
public struct PushRequest: Sendable, Hashable {
    /// Stable for one attempt however often it is delivered: a connector that
    /// has seen the key must not push the record a second time.
    public var idempotencyKey: String
    public var syncId: String
    public var itemId: String
    public var coreId: String
    public var dataType: String
    public var companyId: String
    public var targetPlatform: String
    public var attemptNumber: Int32

    /// Creates the message; every field defaults to its proto3 zero value.
    public init(
        idempotencyKey: String = "",
        syncId: String = "",
        itemId: String = "",
        coreId: String = "",
        dataType: String = "",
        companyId: String = "",
        targetPlatform: String = "",
        attemptNumber: Int32 = 0
    ) {
        self.idempotencyKey = idempotencyKey
        self.syncId = syncId
        self.itemId = itemId
        self.coreId = coreId
        self.dataType = dataType
        self.companyId = companyId
        self.targetPlatform = targetPlatform
        self.attemptNumber = attemptNumber
    }
}

/// `synchealth.v1.PushOutcome`.
public enum PushOutcome: Sendable, Hashable {
    case unspecified
    case success
    case failed
    case timedOut
    /// A value this version does not know; kept so it round-trips.
    case unrecognized(Int32)

    /// Every value this version knows.
    public static let allKnown: [PushOutcome] = [.unspecified, .success, .failed, .timedOut]

    /// Maps a wire number to its case; unknown numbers become `.unrecognized`.
    public init(rawValue: Int32) {
        switch rawValue {
        case 0: self = .unspecified
        case 1: self = .success
        case 2: self = .failed
        case 3: self = .timedOut
        default: self = .unrecognized(rawValue)
        }
    }

    /// The wire number.
    public var rawValue: Int32 {
        switch self {
        case .unspecified: return 0
        case .success: return 1
        case .failed: return 2
        case .timedOut: return 3
        case .unrecognized(let value): return value
        }
    }
}

/// `synchealth.v1.PushResponse`.
public struct PushResponse: Sendable, Hashable {
    public var outcome: PushOutcome
    public var targetRecordId: String
    public var errorMessage: String
    /// False when retrying cannot help (validation error, closed period, ...).
    public var retryable: Bool
    /// True when the key was seen before and the earlier result is returned.
    public var duplicate: Bool

    /// Creates the message; every field defaults to its proto3 zero value.
    public init(
        outcome: PushOutcome = .unspecified,
        targetRecordId: String = "",
        errorMessage: String = "",
        retryable: Bool = false,
        duplicate: Bool = false
    ) {
        self.outcome = outcome
        self.targetRecordId = targetRecordId
        self.errorMessage = errorMessage
        self.retryable = retryable
        self.duplicate = duplicate
    }
}
