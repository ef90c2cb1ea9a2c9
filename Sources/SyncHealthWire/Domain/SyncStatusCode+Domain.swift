// Pure domain rules for sync status codes, shared by storage, server and CLI.

extension SyncStatusCode {
    /// True for the codes this version knows, except `.unspecified`: the
    /// codes a sync may be recorded with or filtered by.
    public var isKnownStatus: Bool {
        switch self {
        case .unspecified, .unrecognized: return false
        default: return true
        }
    }

    /// The coarse category, derived from the number: 1xxx in progress,
    /// 2xxx success, 4xxx and 5xxx failed, anything else unspecified.
    public var category: StatusCategory {
        switch rawValue {
        case 1000...1999: return .inProgress
        case 2000...2999: return .success
        case 4000...5999: return .failed
        default: return .unspecified
        }
    }

    /// True when the sync has ended, successfully or not (2xxx, 4xxx, 5xxx).
    public var isFinished: Bool {
        switch category {
        case .success, .failed: return true
        case .inProgress, .unspecified, .unrecognized: return false
        }
    }

    /// False when the sync failed for a reason that retrying its items cannot
    /// fix: a configuration error, a deleted or de-authorized company, or an
    /// expired accounting-platform subscription. Those need the customer to act
    /// first. Every other code leaves retrying failed items allowed.
    public var isRetryableStatus: Bool {
        switch self {
        case .configurationError, .companyDeleted, .companyDeauthorized, .billingExpired:
            return false
        default:
            return true
        }
    }

    /// The status as support teams read it, e.g. "Success (data pushed)".
    public var text: String {
        switch self {
        case .unspecified: return "Unspecified"
        case .inProgress: return "In progress"
        case .inProgressLongRunning: return "In progress (long running)"
        case .successDataPushed: return "Success (data pushed)"
        case .successNoDataPushed: return "Success (no data pushed)"
        case .configurationError: return "Configuration error"
        case .companyDeleted: return "Company deleted"
        case .companyDeauthorized: return "Company de-authorized"
        case .billingExpired: return "Accounting platform billing expired"
        case .genericServerError: return "Generic server error"
        case .duplicationProtection: return "Duplication protection"
        case .dataProcessingError: return "Data processing error"
        case .dataPushError: return "Data push error"
        case .unrecognized(let value): return "Unknown status \(value)"
        }
    }

    /// Customer-friendly words for the status: no internal jargon, no error
    /// detail. Shown in the customer's own sync history.
    public var clientDescription: String {
        switch self {
        case .inProgress:
            return "Your sync is running."
        case .inProgressLongRunning:
            return "Your sync is taking longer than usual, but it is still running."
        case .successDataPushed:
            return "Your data was synced to your accounting software."
        case .successNoDataPushed:
            return "Your sync finished. There was no new data to send."
        case .configurationError:
            return "Your sync settings need attention. Please review your configuration."
        case .companyDeleted, .companyDeauthorized:
            return "The connection to your accounting software is no longer active. Please reconnect."
        case .billingExpired:
            return "Your accounting software subscription has expired. Please renew it and try again."
        case .duplicationProtection:
            return "This sync was skipped to avoid sending the same data twice."
        case .genericServerError, .dataProcessingError:
            return "Something went wrong on our side. We will try again."
        case .dataPushError:
            return "Some records could not be sent to your accounting software."
        case .unspecified, .unrecognized:
            return "Status unavailable."
        }
    }

    /// The product rule "a sync with any failed item is failed", and its
    /// converse for data push errors:
    ///
    /// - A sync reported as finished successfully (2xxx) that has any failed
    ///   or timed-out push items is a data push error (5130).
    /// - A sync reported as a data push error (5130) whose items have all been
    ///   pushed since (none failed or timed out, at least one succeeded, e.g.
    ///   after a retry) is a success with data pushed (2000). The earlier
    ///   failures stay in the items' attempt history.
    ///
    /// Every other code is kept: an in-progress sync keeps its status while
    /// items are still being pushed, and an already failed sync keeps its more
    /// specific code.
    ///
    /// - Parameters:
    ///   - reported: the code the sync engine reported.
    ///   - failedOrTimedOutItems: items whose current status is FAILED or TIMED_OUT.
    ///   - succeededItems: items whose current status is SUCCESS.
    public static func derived(reported: SyncStatusCode, failedOrTimedOutItems: Int64, succeededItems: Int64 = 0) -> SyncStatusCode {
        if reported.category == .success && failedOrTimedOutItems > 0 {
            return .dataPushError
        }
        if reported == .dataPushError && failedOrTimedOutItems == 0 && succeededItems > 0 {
            return .successDataPushed
        }
        return reported
    }
}
