public import SyncHealthWire

/// The SyncHealth API over protocol v1: typed calls on one shared connection
/// (see `RPCClient`), each with the client's token and deadline.
///
/// ```swift
/// let client = try SyncHealthClient(target: "127.0.0.1:7410", token: "…")
/// let page = try await client.listSyncs(ListSyncsRequest(companyId: "c-1", categories: [.failed]))
/// ```
public final class SyncHealthClient: SyncHealthAPI {
    /// What carries the calls: `RPCClient` over TCP, or an in-process
    /// transport (the CLI's --database mode).
    public let transport: any RPCTransport
    /// Sent as `authorization: Bearer <token>` on every call.
    public let token: String?
    /// Deadline of each call.
    public let timeout: Duration

    /// Creates a client for "host:port"; nothing is dialled until the first call.
    /// - Throws: `RPCError` INVALID_ARGUMENT for a malformed address.
    public init(target: String, token: String? = nil, timeout: Duration = .seconds(30), configuration: ClientConfiguration = ClientConfiguration()) throws(RPCError) {
        transport = try RPCClient(target: target, configuration: configuration)
        self.token = token
        self.timeout = timeout
    }

    /// Creates a client over an existing transport.
    public init(transport: any RPCTransport, token: String? = nil, timeout: Duration = .seconds(30)) {
        self.transport = transport
        self.token = token
        self.timeout = timeout
    }

    /// Closes a TCP connection (later calls dial again); nothing for other
    /// transports.
    public func close() { (transport as? RPCClient)?.close() }

    private var metadata: [String: String] {
        guard let token, !token.isEmpty else { return [:] }
        return ["authorization": "Bearer \(token)"]
    }

    /// Calls the method `descriptor` declares; it is retried on UNAVAILABLE
    /// only when the descriptor says it is idempotent.
    private func call<Req: WireMessage, Res: WireMessage>(_ descriptor: MethodDescriptor<Req, Res>, _ request: Req) async throws -> Res {
        try await transport.call(descriptor, request, timeout: timeout, metadata: metadata)
    }

    public func listSyncs(_ request: ListSyncsRequest) async throws -> ListSyncsResponse {
        try await call(Methods.SyncHistory.listSyncs, request)
    }

    public func getSync(_ request: GetSyncRequest) async throws -> GetSyncResponse {
        try await call(Methods.SyncHistory.getSync, request)
    }

    public func getSyncConfig(_ request: GetSyncConfigRequest) async throws -> GetSyncConfigResponse {
        try await call(Methods.SyncHistory.getSyncConfig, request)
    }

    public func listPushItems(_ request: ListPushItemsRequest) async throws -> ListPushItemsResponse {
        try await call(Methods.SyncHistory.listPushItems, request)
    }

    public func getDashboard(_ request: GetDashboardRequest) async throws -> GetDashboardResponse {
        try await call(Methods.SyncHistory.getDashboard, request)
    }

    public func listCompanySyncs(_ request: ListCompanySyncsRequest) async throws -> ListCompanySyncsResponse {
        try await call(Methods.SyncHistory.listCompanySyncs, request)
    }

    /// Error groups (messages with the same fingerprint) of the syncs started
    /// in a range, most occurrences first; follow `next_page_token` for more.
    public func listErrorGroups(_ request: ListErrorGroupsRequest) async throws -> ListErrorGroupsResponse {
        try await call(Methods.SyncHistory.listErrorGroups, request)
    }

    public func recordSync(_ request: RecordSyncRequest) async throws -> RecordSyncResponse {
        try await call(Methods.SyncIngest.recordSync, request)
    }

    public func recordPushItems(_ request: RecordPushItemsRequest) async throws -> RecordPushItemsResponse {
        try await call(Methods.SyncIngest.recordPushItems, request)
    }

    public func healthCheck(_ request: HealthCheckRequest) async throws -> HealthCheckResponse {
        try await call(Methods.Health.check, request)
    }

    public func retryFailedItems(_ request: RetryFailedItemsRequest) async throws -> RetryFailedItemsResponse {
        try await call(Methods.Retry.retryFailedItems, request)
    }

    public func getRetryJob(_ request: GetRetryJobRequest) async throws -> GetRetryJobResponse {
        try await call(Methods.Retry.getRetryJob, request)
    }

    public func listRetryJobs(_ request: ListRetryJobsRequest) async throws -> ListRetryJobsResponse {
        try await call(Methods.Retry.listRetryJobs, request)
    }

    /// Not repeated on UNAVAILABLE: a cancel that did land would answer
    /// FAILED_PRECONDITION the second time.
    public func cancelRetryJob(_ request: CancelRetryJobRequest) async throws -> CancelRetryJobResponse {
        try await call(Methods.Retry.cancelRetryJob, request)
    }

    /// Not repeated on UNAVAILABLE: a create that did land would answer
    /// ALREADY_EXISTS the second time, and its secret would be lost.
    public func createAlertRule(_ request: CreateAlertRuleRequest) async throws -> CreateAlertRuleResponse {
        try await call(Methods.Alerts.createAlertRule, request)
    }

    public func listAlertRules(_ request: ListAlertRulesRequest) async throws -> ListAlertRulesResponse {
        try await call(Methods.Alerts.listAlertRules, request)
    }

    /// Not repeated on UNAVAILABLE: a delete that did land would answer
    /// NOT_FOUND the second time.
    public func deleteAlertRule(_ request: DeleteAlertRuleRequest) async throws -> DeleteAlertRuleResponse {
        try await call(Methods.Alerts.deleteAlertRule, request)
    }

    public func listAlertDeliveries(_ request: ListAlertDeliveriesRequest) async throws -> ListAlertDeliveriesResponse {
        try await call(Methods.Alerts.listAlertDeliveries, request)
    }
}
