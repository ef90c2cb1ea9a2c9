import SyncHealthServer
import SyncHealthWire

/// Who may call what, written out from the issue independently of
/// `Role.grants` and `AccessPolicy`, so the tests check the code against
/// the spec rather than against itself.
enum ExpectedAccess {
    static let history: Set<String> = [
        Methods.SyncHistory.listSyncs.fullName, Methods.SyncHistory.getSync.fullName, Methods.SyncHistory.getSyncConfig.fullName,
        Methods.SyncHistory.listPushItems.fullName, Methods.SyncHistory.getDashboard.fullName,
        Methods.SyncHistory.listCompanySyncs.fullName, Methods.SyncHistory.listErrorGroups.fullName,
    ]
    static let retryReads: Set<String> = [Methods.Retry.getRetryJob.fullName, Methods.Retry.listRetryJobs.fullName]
    static let retryWrites: Set<String> = [Methods.Retry.retryFailedItems.fullName, Methods.Retry.cancelRetryJob.fullName]
    static let alertReads: Set<String> = [Methods.Alerts.listAlertRules.fullName, Methods.Alerts.listAlertDeliveries.fullName]
    static let alertWrites: Set<String> = [Methods.Alerts.createAlertRule.fullName, Methods.Alerts.deleteAlertRule.fullName]
    static let ingest: Set<String> = [Methods.SyncIngest.recordSync.fullName, Methods.SyncIngest.recordPushItems.fullName]

    /// Methods anyone may call without a token.
    static let open: Set<String> = [Methods.Health.check.fullName]

    /// Whether `role` may call `method` (a customer: for its own company).
    static func allows(_ role: Role, _ method: String) -> Bool {
        if open.contains(method) { return true }
        switch role {
        case .viewer: return history.contains(method) || retryReads.contains(method) || alertReads.contains(method)
        case .operator:
            return history.contains(method) || retryReads.contains(method) || retryWrites.contains(method)
                || alertReads.contains(method) || alertWrites.contains(method)
        case .ingest: return ingest.contains(method)
        case .customer: return method == Methods.SyncHistory.listCompanySyncs.fullName
        case .admin: return true
        }
    }
}
