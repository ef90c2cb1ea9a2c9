import SyncHealthWire

/// Which permission each method needs. A method without a rule needs
/// `.adminOnly`, so a method registered later by other code is closed to
/// every role but admin until someone adds its rule here.
public struct AccessPolicy: Sendable {
    /// Method ("/synchealth.v1.Service/Method") -> permission.
    public let rules: [String: Permission]

    /// A policy with `rules`.
    public init(rules: [String: Permission]) {
        self.rules = rules
    }

    /// The permission `method` needs; `.adminOnly` when no rule names it.
    public func permission(for method: String) -> Permission {
        rules[method] ?? .adminOnly
    }

    /// "/synchealth.v1.SyncHistory/ListErrorGroups": being added to
    /// SyncHistory; named here so the rule is in place when it lands.
    public static let listErrorGroupsMethod = "/synchealth.v1.SyncHistory/ListErrorGroups"

    /// The service's policy: every method in proto/ has a rule.
    public static let standard = AccessPolicy(rules: [
        MethodNames.Health.check: .open,

        MethodNames.SyncHistory.listSyncs: .readHistory,
        MethodNames.SyncHistory.getSync: .readHistory,
        MethodNames.SyncHistory.getSyncConfig: .readHistory,
        MethodNames.SyncHistory.listPushItems: .readHistory,
        MethodNames.SyncHistory.getDashboard: .readHistory,
        listErrorGroupsMethod: .readHistory,
        MethodNames.SyncHistory.listCompanySyncs: .companyHistory,

        MethodNames.Retry.getRetryJob: .readRetries,
        MethodNames.Retry.listRetryJobs: .readRetries,
        MethodNames.Retry.retryFailedItems: .runRetries,
        MethodNames.Retry.cancelRetryJob: .runRetries,

        MethodNames.SyncIngest.recordSync: .ingest,
        MethodNames.SyncIngest.recordPushItems: .ingest,

        // Implemented by connectors, not by this server; should it ever be
        // served here it is an internal call.
        MethodNames.Connector.push: .adminOnly,
    ])
}
