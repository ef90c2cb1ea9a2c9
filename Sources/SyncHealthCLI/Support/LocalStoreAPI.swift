import Dispatch
import Foundation
public import SyncHealthClient
public import SyncHealthStorage
import SyncHealthStores
public import SyncHealthWire

/// The SyncHealth API answered in process from a database file, for
/// maintenance while the server is down (`--database PATH`). The same store
/// code the server runs answers every call, so the answers are the same.
public final class LocalStoreAPI: SyncHealthAPI {
    /// The store, shared with an in-process retry executor.
    public let store: any ServiceStore
    /// Recorded as the requester of retries and cancels.
    public let actor: String

    /// Opens the database at `path` (it must exist: maintenance never creates one).
    public init(path: String, actor: String) throws {
        do {
            store = try DatabaseLocation(parsing: path).openStore(create: false)
        } catch let error as DatabaseLocationError {
            throw CLIInputError(error.message)
        }
        self.actor = actor
    }

    /// Runs a blocking store call on a Dispatch queue, not on a cooperative thread.
    private func blocking<T: Sendable>(_ body: @escaping @Sendable () throws(RPCError) -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                do { continuation.resume(returning: try body()) } catch { continuation.resume(throwing: error) }
            }
        }
    }

    private var now: Int64 { Int64(Date().timeIntervalSince1970 * 1000) }

    public func listSyncs(_ request: ListSyncsRequest) async throws -> ListSyncsResponse {
        try await blocking { [store] () throws(RPCError) in try store.listSyncs(request) }
    }
    public func getSync(_ request: GetSyncRequest) async throws -> GetSyncResponse {
        try await blocking { [store] () throws(RPCError) in try store.getSync(syncId: request.syncId) }
    }
    public func getSyncConfig(_ request: GetSyncConfigRequest) async throws -> GetSyncConfigResponse {
        try await blocking { [store] () throws(RPCError) in try store.getSyncConfig(request) }
    }
    public func listPushItems(_ request: ListPushItemsRequest) async throws -> ListPushItemsResponse {
        try await blocking { [store] () throws(RPCError) in try store.listPushItems(request) }
    }
    public func getDashboard(_ request: GetDashboardRequest) async throws -> GetDashboardResponse {
        try await blocking { [store] () throws(RPCError) in try store.getDashboard(request) }
    }
    public func listCompanySyncs(_ request: ListCompanySyncsRequest) async throws -> ListCompanySyncsResponse {
        try await blocking { [store] () throws(RPCError) in try store.listCompanySyncs(request) }
    }
    public func listErrorGroups(_ request: ListErrorGroupsRequest) async throws -> ListErrorGroupsResponse {
        try await blocking { [store] () throws(RPCError) in try store.listErrorGroups(request) }
    }
    public func recordSync(_ request: RecordSyncRequest) async throws -> RecordSyncResponse {
        let now = now
        return try await blocking { [store] () throws(RPCError) in try store.recordSync(request, now: now) }
    }
    public func recordPushItems(_ request: RecordPushItemsRequest) async throws -> RecordPushItemsResponse {
        let now = now
        return try await blocking { [store] () throws(RPCError) in try store.recordPushItems(request, now: now) }
    }
    public func healthCheck(_ request: HealthCheckRequest) async throws -> HealthCheckResponse {
        HealthCheckResponse(status: .serving)
    }
    public func retryFailedItems(_ request: RetryFailedItemsRequest) async throws -> RetryFailedItemsResponse {
        let (now, actor) = (now, actor)
        return try await blocking { [store] () throws(RPCError) in try store.retryFailedItems(request, requestedBy: actor, now: now) }
    }
    public func getRetryJob(_ request: GetRetryJobRequest) async throws -> GetRetryJobResponse {
        try await blocking { [store] () throws(RPCError) in GetRetryJobResponse(job: try store.getRetryJob(jobId: request.jobId)) }
    }
    public func listRetryJobs(_ request: ListRetryJobsRequest) async throws -> ListRetryJobsResponse {
        try await blocking { [store] () throws(RPCError) in try store.listRetryJobs(request) }
    }
    public func cancelRetryJob(_ request: CancelRetryJobRequest) async throws -> CancelRetryJobResponse {
        let (now, actor) = (now, actor)
        return try await blocking { [store] () throws(RPCError) in
            CancelRetryJobResponse(job: try store.cancelRetryJob(jobId: request.jobId, cancelledBy: actor, reason: request.reason, now: now))
        }
    }
}
