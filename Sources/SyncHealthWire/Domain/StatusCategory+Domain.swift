// Pure domain rules for status categories.

extension StatusCategory {
    /// True for in progress, success and failed: the categories a caller may
    /// filter by.
    public var isKnownCategory: Bool {
        switch self {
        case .inProgress, .success, .failed: return true
        case .unspecified, .unrecognized: return false
        }
    }

    /// The three categories in display order.
    public static let displayOrder: [StatusCategory] = [.inProgress, .success, .failed]
}

extension Product {
    /// True for the products this version knows, except `.unspecified`.
    public var isKnownProduct: Bool {
        switch self {
        case .commerce, .expenses: return true
        case .unspecified, .unrecognized: return false
        }
    }
}

extension PushItemStatus {
    /// True for the statuses this version knows, except `.unspecified`.
    public var isKnownStatus: Bool {
        switch self {
        case .pending, .success, .failed, .timedOut: return true
        case .unspecified, .unrecognized: return false
        }
    }

    /// True for FAILED and TIMED_OUT: the statuses that make a finished sync
    /// failed and that a retry may act on.
    public var isFailure: Bool {
        switch self {
        case .failed, .timedOut: return true
        default: return false
        }
    }
}
