public import SyncHealthWire

/// What a token may do. Roles are fixed sets of permissions (see
/// `grants(_:)`); the policy maps each method to the one permission it needs.
public enum Role: String, Sendable, Hashable, CaseIterable {
    /// Reads history and retry jobs.
    case viewer
    /// A viewer that may also start and cancel retries.
    case `operator`
    /// May only record syncs and push items (the sync engine).
    case ingest
    /// Bound to one company; may only list that company's own history.
    case customer
    /// May call every method, including ones no policy rule names.
    case admin

    /// Whether this role holds `permission`. For `.companyHistory` a customer
    /// is further limited to its own company by the `Authorizer`.
    public func grants(_ permission: Permission) -> Bool {
        switch (self, permission) {
        case (_, .open), (.admin, _):
            return true
        case (.viewer, .readHistory), (.viewer, .companyHistory), (.viewer, .readRetries), (.viewer, .readAlerts):
            return true
        case (.operator, .readHistory), (.operator, .companyHistory), (.operator, .readRetries), (.operator, .runRetries),
             (.operator, .readAlerts), (.operator, .manageAlerts):
            return true
        case (.ingest, .ingest):
            return true
        case (.customer, .companyHistory):
            return true
        default:
            return false
        }
    }
}
