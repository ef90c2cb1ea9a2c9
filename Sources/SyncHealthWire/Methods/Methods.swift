/// Every method in proto/, one descriptor each (see `MethodDescriptor`).
///
/// Adding an RPC: the proto, the generated C, the message wrappers, one
/// descriptor here (and in `all`), one handler, the store. CONTRIBUTING.md
/// lists the files.
public enum Methods {
    /// `SyncHistory`: what support teams read.
    public enum SyncHistory {
        public static let service = "synchealth.v1.SyncHistory"
        public static let listSyncs = MethodDescriptor<ListSyncsRequest, ListSyncsResponse>(
            service: service, method: "ListSyncs", idempotent: true, permission: .readHistory)
        public static let getSync = MethodDescriptor<GetSyncRequest, GetSyncResponse>(
            service: service, method: "GetSync", idempotent: true, permission: .readHistory)
        public static let getSyncConfig = MethodDescriptor<GetSyncConfigRequest, GetSyncConfigResponse>(
            service: service, method: "GetSyncConfig", idempotent: true, permission: .readHistory)
        public static let listPushItems = MethodDescriptor<ListPushItemsRequest, ListPushItemsResponse>(
            service: service, method: "ListPushItems", idempotent: true, permission: .readHistory)
        public static let getDashboard = MethodDescriptor<GetDashboardRequest, GetDashboardResponse>(
            service: service, method: "GetDashboard", idempotent: true, permission: .readHistory)
        public static let listCompanySyncs = MethodDescriptor<ListCompanySyncsRequest, ListCompanySyncsResponse>(
            service: service, method: "ListCompanySyncs", idempotent: true, permission: .companyHistory)
        public static let listErrorGroups = MethodDescriptor<ListErrorGroupsRequest, ListErrorGroupsResponse>(
            service: service, method: "ListErrorGroups", idempotent: true, permission: .readHistory)

        static let all = [
            listSyncs.info, getSync.info, getSyncConfig.info, listPushItems.info, getDashboard.info,
            listCompanySyncs.info, listErrorGroups.info,
        ]
    }

    /// `SyncIngest`: what the sync engine writes. Both are safe to repeat:
    /// RecordSync by sync_id, RecordPushItems by (item, idempotency key).
    public enum SyncIngest {
        public static let service = "synchealth.v1.SyncIngest"
        public static let recordSync = MethodDescriptor<RecordSyncRequest, RecordSyncResponse>(
            service: service, method: "RecordSync", idempotent: true, permission: .ingest)
        public static let recordPushItems = MethodDescriptor<RecordPushItemsRequest, RecordPushItemsResponse>(
            service: service, method: "RecordPushItems", idempotent: true, permission: .ingest)

        static let all = [recordSync.info, recordPushItems.info]
    }

    /// `Retry`: durable retries of failed items. RetryFailedItems repeats
    /// safely by its idempotency key; CancelRetryJob does not (a second
    /// cancel of an ended job is FAILED_PRECONDITION).
    public enum Retry {
        public static let service = "synchealth.v1.Retry"
        public static let retryFailedItems = MethodDescriptor<RetryFailedItemsRequest, RetryFailedItemsResponse>(
            service: service, method: "RetryFailedItems", idempotent: true, permission: .runRetries)
        public static let getRetryJob = MethodDescriptor<GetRetryJobRequest, GetRetryJobResponse>(
            service: service, method: "GetRetryJob", idempotent: true, permission: .readRetries)
        public static let listRetryJobs = MethodDescriptor<ListRetryJobsRequest, ListRetryJobsResponse>(
            service: service, method: "ListRetryJobs", idempotent: true, permission: .readRetries)
        public static let cancelRetryJob = MethodDescriptor<CancelRetryJobRequest, CancelRetryJobResponse>(
            service: service, method: "CancelRetryJob", idempotent: false, permission: .runRetries)

        static let all = [retryFailedItems.info, getRetryJob.info, listRetryJobs.info, cancelRetryJob.info]
    }

    /// `Alerts`: rules that fire webhooks, and their deliveries. Creating a
    /// rule is not repeated by the client (a second create of the name is
    /// ALREADY_EXISTS, and the secret is returned only once); deleting is
    /// (a repeat finds nothing and is NOT_FOUND, which changes nothing).
    public enum Alerts {
        public static let service = "synchealth.v1.Alerts"
        public static let createAlertRule = MethodDescriptor<CreateAlertRuleRequest, CreateAlertRuleResponse>(
            service: service, method: "CreateAlertRule", idempotent: false, permission: .manageAlerts)
        public static let listAlertRules = MethodDescriptor<ListAlertRulesRequest, ListAlertRulesResponse>(
            service: service, method: "ListAlertRules", idempotent: true, permission: .readAlerts)
        public static let deleteAlertRule = MethodDescriptor<DeleteAlertRuleRequest, DeleteAlertRuleResponse>(
            service: service, method: "DeleteAlertRule", idempotent: false, permission: .manageAlerts)
        public static let listAlertDeliveries = MethodDescriptor<ListAlertDeliveriesRequest, ListAlertDeliveriesResponse>(
            service: service, method: "ListAlertDeliveries", idempotent: true, permission: .readAlerts)

        static let all = [createAlertRule.info, listAlertRules.info, deleteAlertRule.info, listAlertDeliveries.info]
    }

    /// `Connector`: implemented by connector services (and the sandbox), not
    /// by synchealthd; served here it would be an internal call. Repeats are
    /// safe: the platform deduplicates by the attempt's idempotency key.
    public enum Connector {
        public static let service = "synchealth.v1.Connector"
        public static let push = MethodDescriptor<PushRequest, PushResponse>(
            service: service, method: "Push", idempotent: true, permission: .adminOnly)

        static let all = [push.info]
    }

    /// `Health`: probed by load balancers without a token.
    public enum Health {
        public static let service = "synchealth.v1.Health"
        public static let check = MethodDescriptor<HealthCheckRequest, HealthCheckResponse>(
            service: service, method: "Check", idempotent: true, permission: .open)

        static let all = [check.info]
    }

    /// Every method, by service in proto order.
    public static let all: [MethodInfo] =
        SyncHistory.all + SyncIngest.all + Retry.all + Alerts.all + Connector.all + Health.all

    /// The method named `fullName`, if it is one of ours.
    public static func info(named fullName: String) -> MethodInfo? { byName[fullName] }

    private static let byName: [String: MethodInfo] = Dictionary(uniqueKeysWithValues: all.map { ($0.fullName, $0) })
}
