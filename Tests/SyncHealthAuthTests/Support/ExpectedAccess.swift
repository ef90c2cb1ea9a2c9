import SyncHealthServer
import SyncHealthWire

/// Who may call what, written out from the issue independently of
/// `Role.grants` and `AccessPolicy`, so the tests check the code against
/// the spec rather than against itself.
enum ExpectedAccess {
    static let history: Set<String> = [
        MethodNames.SyncHistory.listSyncs, MethodNames.SyncHistory.getSync, MethodNames.SyncHistory.getSyncConfig,
        MethodNames.SyncHistory.listPushItems, MethodNames.SyncHistory.getDashboard,
        MethodNames.SyncHistory.listCompanySyncs, AccessPolicy.listErrorGroupsMethod,
    ]
    static let retryReads: Set<String> = [MethodNames.Retry.getRetryJob, MethodNames.Retry.listRetryJobs]
    static let retryWrites: Set<String> = [MethodNames.Retry.retryFailedItems, MethodNames.Retry.cancelRetryJob]
    static let ingest: Set<String> = [MethodNames.SyncIngest.recordSync, MethodNames.SyncIngest.recordPushItems]

    /// Methods anyone may call without a token.
    static let open: Set<String> = [MethodNames.Health.check]

    /// Whether `role` may call `method` (a customer: for its own company).
    static func allows(_ role: Role, _ method: String) -> Bool {
        if open.contains(method) { return true }
        switch role {
        case .viewer: return history.contains(method) || retryReads.contains(method)
        case .operator: return history.contains(method) || retryReads.contains(method) || retryWrites.contains(method)
        case .ingest: return ingest.contains(method)
        case .customer: return method == MethodNames.SyncHistory.listCompanySyncs
        case .admin: return true
        }
    }
}
