/// What a method needs from its caller; `AccessPolicy` maps methods to these.
public enum Permission: String, Sendable, Hashable, CaseIterable {
    /// No token needed (Health/Check, probed by load balancers).
    case open
    /// Internal history: syncs, configurations, push items, dashboard, error groups.
    case readHistory
    /// ListCompanySyncs: any company for staff roles, only its own for a customer.
    case companyHistory
    /// Reading retry jobs.
    case readRetries
    /// Starting or cancelling retries.
    case runRetries
    /// Reading alert rules and their deliveries.
    case readAlerts
    /// Creating and deleting alert rules.
    case manageAlerts
    /// Recording syncs and push items.
    case ingest
    /// Only `admin`: methods with no rule of their own (default deny).
    case adminOnly
}
