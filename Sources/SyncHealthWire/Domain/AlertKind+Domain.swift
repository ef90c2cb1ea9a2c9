/// The names alert kinds and delivery states go by in webhook bodies, the
/// CLI and messages.
extension AlertKind {
    /// "sync_failed", "error_group_new", ...
    public var name: String {
        switch self {
        case .syncFailed: "sync_failed"
        case .errorGroupNew: "error_group_new"
        case .errorGroupThreshold: "error_group_threshold"
        case .platformFailureRate: "platform_failure_rate"
        case .retryJobPartiallyFailed: "retry_job_partially_failed"
        case .unspecified: "unspecified"
        case .unrecognized(let value): "kind_\(value)"
        }
    }

    /// The kind named `name`; nil for a name this version does not know.
    public init?(name: String) {
        guard let kind = Self.allKnown.first(where: { $0 != .unspecified && $0.name == name }) else { return nil }
        self = kind
    }
}

extension AlertDeliveryState {
    /// "pending", "delivered", "failed".
    public var name: String {
        switch self {
        case .pending: "pending"
        case .delivered: "delivered"
        case .failed: "failed"
        case .unspecified: "unspecified"
        case .unrecognized(let value): "state_\(value)"
        }
    }

    /// The state named `name`; nil for a name this version does not know.
    public init?(name: String) {
        guard let state = Self.allKnown.first(where: { $0 != .unspecified && $0.name == name }) else { return nil }
        self = state
    }
}
