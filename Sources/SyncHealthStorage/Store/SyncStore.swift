public import SyncHealthWire

/// Storage of syncs, their configurations and push items, behind which a
/// database engine sits (module SyncHealthSQLite). Handlers depend on this
/// protocol, so another engine can be added without touching them.
///
/// Every engine keeps the same semantics, to the byte: identifiers and
/// search prefixes compare as UTF-8 bytes (never by locale or Unicode
/// equivalence), ties break by sync_id / item_id bytes, and page tokens
/// (`PageToken`) are engine-neutral.
///
/// Methods are synchronous and may block: call them from a Dispatch handler
/// queue, not from a cooperative-pool task. Every error is an `RPCError`
/// whose code is the one the RPC should answer with (INVALID_ARGUMENT,
/// NOT_FOUND, FAILED_PRECONDITION for bad input; UNAVAILABLE, INTERNAL,
/// DATA_LOSS, RESOURCE_EXHAUSTED for storage trouble). Messages never contain
/// SQL, arguments or page tokens.
public protocol SyncStore: Sendable {
    /// Creates or updates a sync, idempotent by sync_id. Derived fields of the
    /// input are ignored. A config, when present, replaces the recorded one;
    /// identical documents are stored once.
    /// - Parameter now: the current time (ms since the epoch), stamped as
    ///   `updated_at` when something changed.
    func recordSync(_ request: RecordSyncRequest, now: Int64) throws(RPCError) -> RecordSyncResponse

    /// Stores a batch of 1...`Limits.maxPushItemsPerBatch` push item reports
    /// in one transaction: upserts the items, appends to their attempt history
    /// (a re-sent report appends nothing), and updates the sync's item counts,
    /// data_pushed and derived status. A batch with any invalid report writes
    /// nothing.
    func recordPushItems(_ request: RecordPushItemsRequest, now: Int64) throws(RPCError) -> RecordPushItemsResponse

    /// Searches sync history with keyset pagination.
    func listSyncs(_ request: ListSyncsRequest) throws(RPCError) -> ListSyncsResponse

    /// One sync with its item counts per data type and its retry summary.
    func getSync(syncId: String) throws(RPCError) -> GetSyncResponse

    /// The configuration recorded for a sync and, when `include_diff` is
    /// set, what changed since the company's last successful sync of the same
    /// product (`ConfigDiff`; NO_BASELINE when there is none).
    func getSyncConfig(_ request: GetSyncConfigRequest) throws(RPCError) -> GetSyncConfigResponse

    /// One sync's push items with keyset pagination.
    func listPushItems(_ request: ListPushItemsRequest) throws(RPCError) -> ListPushItemsResponse

    /// Aggregates over the syncs started in a time range, with the top error
    /// groups; answered from rollups kept up to date at every write.
    func getDashboard(_ request: GetDashboardRequest) throws(RPCError) -> GetDashboardResponse

    /// Error groups (messages with the same fingerprint) of the syncs started
    /// in a time range, most occurrences first, with keyset pagination.
    func listErrorGroups(_ request: ListErrorGroupsRequest) throws(RPCError) -> ListErrorGroupsResponse

    /// One company's syncs as the customer sees them, newest first.
    func listCompanySyncs(_ request: ListCompanySyncsRequest) throws(RPCError) -> ListCompanySyncsResponse
}

extension SyncStore {
    /// The configuration recorded for a sync, without a diff.
    public func getSyncConfig(syncId: String) throws(RPCError) -> GetSyncConfigResponse {
        try getSyncConfig(GetSyncConfigRequest(syncId: syncId))
    }
}
