// Swift value types for proto/synchealth/v1/alerts.proto (generated once by a
// throwaway script, then kept by hand like the others).
// Conversion to and from protobuf-c lives in ../ProtobufC/Alerts+ProtobufC.swift.

/// `synchealth.v1.AlertKind`.
public enum AlertKind: Sendable, Hashable {
    case unspecified
    /// A sync reaches a failed status (of a company, or any).
    case syncFailed
    /// An error group is seen for the first time.
    case errorGroupNew
    /// An error group passes a number of occurrences within a window.
    case errorGroupThreshold
    /// A platform's failure rate over a window passes a percentage.
    case platformFailureRate
    /// A retry job ends partially failed.
    case retryJobPartiallyFailed
    /// A value this version does not know; kept so it round-trips.
    case unrecognized(Int32)

    /// Every value this version knows.
    public static let allKnown: [AlertKind] = [.unspecified, .syncFailed, .errorGroupNew, .errorGroupThreshold, .platformFailureRate, .retryJobPartiallyFailed]

    /// Maps a wire number to its case; unknown numbers become `.unrecognized`.
    public init(rawValue: Int32) {
        switch rawValue {
        case 0: self = .unspecified
        case 1: self = .syncFailed
        case 2: self = .errorGroupNew
        case 3: self = .errorGroupThreshold
        case 4: self = .platformFailureRate
        case 5: self = .retryJobPartiallyFailed
        default: self = .unrecognized(rawValue)
        }
    }

    /// The wire number.
    public var rawValue: Int32 {
        switch self {
        case .unspecified: return 0
        case .syncFailed: return 1
        case .errorGroupNew: return 2
        case .errorGroupThreshold: return 3
        case .platformFailureRate: return 4
        case .retryJobPartiallyFailed: return 5
        case .unrecognized(let value): return value
        }
    }
}

/// `synchealth.v1.AlertDeliveryState`.
public enum AlertDeliveryState: Sendable, Hashable {
    case unspecified
    /// Waiting for its first try, or its next one after a failure.
    case pending
    /// The receiver answered 2xx.
    case delivered
    /// Every try failed; no more tries.
    case failed
    /// A value this version does not know; kept so it round-trips.
    case unrecognized(Int32)

    /// Every value this version knows.
    public static let allKnown: [AlertDeliveryState] = [.unspecified, .pending, .delivered, .failed]

    /// Maps a wire number to its case; unknown numbers become `.unrecognized`.
    public init(rawValue: Int32) {
        switch rawValue {
        case 0: self = .unspecified
        case 1: self = .pending
        case 2: self = .delivered
        case 3: self = .failed
        default: self = .unrecognized(rawValue)
        }
    }

    /// The wire number.
    public var rawValue: Int32 {
        switch self {
        case .unspecified: return 0
        case .pending: return 1
        case .delivered: return 2
        case .failed: return 3
        case .unrecognized(let value): return value
        }
    }
}

/// `synchealth.v1.AlertRule`.
public struct AlertRule: Sendable, Hashable {
    public var ruleId: String
    public var name: String
    public var kind: AlertKind
    public var webhookUrl: String
    public var companyId: String
    public var statusCodes: [SyncStatusCode]
    public var threshold: Int64
    public var windowMs: Int64
    public var targetPlatform: String
    public var failureRatePercent: Int32
    public var minimumSyncs: Int64
    public var createdAtMs: Int64
    public var createdBy: String

    /// Creates the message; every field defaults to its proto3 zero value.
    public init(
        ruleId: String = "",
        name: String = "",
        kind: AlertKind = .unspecified,
        webhookUrl: String = "",
        companyId: String = "",
        statusCodes: [SyncStatusCode] = [],
        threshold: Int64 = 0,
        windowMs: Int64 = 0,
        targetPlatform: String = "",
        failureRatePercent: Int32 = 0,
        minimumSyncs: Int64 = 0,
        createdAtMs: Int64 = 0,
        createdBy: String = ""
    ) {
        self.ruleId = ruleId
        self.name = name
        self.kind = kind
        self.webhookUrl = webhookUrl
        self.companyId = companyId
        self.statusCodes = statusCodes
        self.threshold = threshold
        self.windowMs = windowMs
        self.targetPlatform = targetPlatform
        self.failureRatePercent = failureRatePercent
        self.minimumSyncs = minimumSyncs
        self.createdAtMs = createdAtMs
        self.createdBy = createdBy
    }
}

/// `synchealth.v1.CreateAlertRuleRequest`.
public struct CreateAlertRuleRequest: Sendable, Hashable {
    public var rule: AlertRule?

    /// Creates the message; every field defaults to its proto3 zero value.
    public init(
        rule: AlertRule? = nil
    ) {
        self.rule = rule
    }
}

/// `synchealth.v1.CreateAlertRuleResponse`.
public struct CreateAlertRuleResponse: Sendable, Hashable {
    public var rule: AlertRule?
    public var signingSecret: String

    /// Creates the message; every field defaults to its proto3 zero value.
    public init(
        rule: AlertRule? = nil,
        signingSecret: String = ""
    ) {
        self.rule = rule
        self.signingSecret = signingSecret
    }
}

/// `synchealth.v1.ListAlertRulesRequest`.
public struct ListAlertRulesRequest: Sendable, Hashable {
    /// Creates the message; every field defaults to its proto3 zero value.
    public init() {}
}

/// `synchealth.v1.ListAlertRulesResponse`.
public struct ListAlertRulesResponse: Sendable, Hashable {
    public var rules: [AlertRule]

    /// Creates the message; every field defaults to its proto3 zero value.
    public init(
        rules: [AlertRule] = []
    ) {
        self.rules = rules
    }
}

/// `synchealth.v1.DeleteAlertRuleRequest`.
public struct DeleteAlertRuleRequest: Sendable, Hashable {
    public var ruleId: String

    /// Creates the message; every field defaults to its proto3 zero value.
    public init(
        ruleId: String = ""
    ) {
        self.ruleId = ruleId
    }
}

/// `synchealth.v1.DeleteAlertRuleResponse`.
public struct DeleteAlertRuleResponse: Sendable, Hashable {
    public var deliveriesDropped: Int64

    /// Creates the message; every field defaults to its proto3 zero value.
    public init(
        deliveriesDropped: Int64 = 0
    ) {
        self.deliveriesDropped = deliveriesDropped
    }
}

/// `synchealth.v1.AlertDelivery`.
public struct AlertDelivery: Sendable, Hashable {
    public var deliveryId: String
    public var ruleId: String
    public var kind: AlertKind
    public var event: String
    public var state: AlertDeliveryState
    public var attempts: Int32
    public var lastHttpStatus: Int32
    public var lastError: String
    public var createdAtMs: Int64
    public var nextAttemptAtMs: Int64
    public var deliveredAtMs: Int64
    public var payloadJson: String

    /// Creates the message; every field defaults to its proto3 zero value.
    public init(
        deliveryId: String = "",
        ruleId: String = "",
        kind: AlertKind = .unspecified,
        event: String = "",
        state: AlertDeliveryState = .unspecified,
        attempts: Int32 = 0,
        lastHttpStatus: Int32 = 0,
        lastError: String = "",
        createdAtMs: Int64 = 0,
        nextAttemptAtMs: Int64 = 0,
        deliveredAtMs: Int64 = 0,
        payloadJson: String = ""
    ) {
        self.deliveryId = deliveryId
        self.ruleId = ruleId
        self.kind = kind
        self.event = event
        self.state = state
        self.attempts = attempts
        self.lastHttpStatus = lastHttpStatus
        self.lastError = lastError
        self.createdAtMs = createdAtMs
        self.nextAttemptAtMs = nextAttemptAtMs
        self.deliveredAtMs = deliveredAtMs
        self.payloadJson = payloadJson
    }
}

/// `synchealth.v1.ListAlertDeliveriesRequest`.
public struct ListAlertDeliveriesRequest: Sendable, Hashable {
    public var ruleId: String
    public var states: [AlertDeliveryState]
    public var pageSize: Int32
    public var pageToken: String

    /// Creates the message; every field defaults to its proto3 zero value.
    public init(
        ruleId: String = "",
        states: [AlertDeliveryState] = [],
        pageSize: Int32 = 0,
        pageToken: String = ""
    ) {
        self.ruleId = ruleId
        self.states = states
        self.pageSize = pageSize
        self.pageToken = pageToken
    }
}

/// `synchealth.v1.ListAlertDeliveriesResponse`.
public struct ListAlertDeliveriesResponse: Sendable, Hashable {
    public var deliveries: [AlertDelivery]
    public var nextPageToken: String

    /// Creates the message; every field defaults to its proto3 zero value.
    public init(
        deliveries: [AlertDelivery] = [],
        nextPageToken: String = ""
    ) {
        self.deliveries = deliveries
        self.nextPageToken = nextPageToken
    }
}
