public import SyncHealthWire

/// The SyncHealth API as typed async calls: what the CLI and internal Swift
/// services use. `SyncHealthClient` implements it over protocol v1; tests may
/// supply their own.
public protocol SyncHealthAPI: Sendable {
    func listSyncs(_ request: ListSyncsRequest) async throws -> ListSyncsResponse
    func getSync(_ request: GetSyncRequest) async throws -> GetSyncResponse
    func getSyncConfig(_ request: GetSyncConfigRequest) async throws -> GetSyncConfigResponse
    func listPushItems(_ request: ListPushItemsRequest) async throws -> ListPushItemsResponse
    func getDashboard(_ request: GetDashboardRequest) async throws -> GetDashboardResponse
    func listCompanySyncs(_ request: ListCompanySyncsRequest) async throws -> ListCompanySyncsResponse
    /// Error groups of the syncs started in a range, most occurrences first.
    func listErrorGroups(_ request: ListErrorGroupsRequest) async throws -> ListErrorGroupsResponse
    func recordSync(_ request: RecordSyncRequest) async throws -> RecordSyncResponse
    func recordPushItems(_ request: RecordPushItemsRequest) async throws -> RecordPushItemsResponse
    func healthCheck(_ request: HealthCheckRequest) async throws -> HealthCheckResponse
    /// Creates a retry job (or previews one with `dry_run`); idempotent by key.
    func retryFailedItems(_ request: RetryFailedItemsRequest) async throws -> RetryFailedItemsResponse
    /// One retry job with its counts.
    func getRetryJob(_ request: GetRetryJobRequest) async throws -> GetRetryJobResponse
    /// Retry jobs, newest first.
    func listRetryJobs(_ request: ListRetryJobsRequest) async throws -> ListRetryJobsResponse
    /// Cancels a queued or running retry job.
    func cancelRetryJob(_ request: CancelRetryJobRequest) async throws -> CancelRetryJobResponse
    /// Creates an alert rule; the response holds its signing secret, once.
    func createAlertRule(_ request: CreateAlertRuleRequest) async throws -> CreateAlertRuleResponse
    /// Every alert rule, by name.
    func listAlertRules(_ request: ListAlertRulesRequest) async throws -> ListAlertRulesResponse
    /// Deletes an alert rule and its undelivered deliveries.
    func deleteAlertRule(_ request: DeleteAlertRuleRequest) async throws -> DeleteAlertRuleResponse
    /// Webhook deliveries, newest first.
    func listAlertDeliveries(_ request: ListAlertDeliveriesRequest) async throws -> ListAlertDeliveriesResponse
}
