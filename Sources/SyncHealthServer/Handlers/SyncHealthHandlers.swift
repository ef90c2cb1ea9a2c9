import SyncHealthConcurrency
#if canImport(Glibc)
import Glibc
#endif
public import SyncHealthStorage
import SyncHealthWire

/// Registers the SyncHistory and SyncIngest methods on a router, each a thin
/// call into the store: validation and status codes live in the store, so
/// every engine answers the same way.
public enum SyncHealthHandlers {
    /// Registers every SyncHistory and SyncIngest method.
    /// - Parameters:
    ///   - store: where syncs live.
    ///   - now: the clock, ms since the epoch (injectable for tests).
    ///   - metrics: counts what ingest recorded; nil counts nothing.
    public static func register(
        on router: Router, store: any SyncStore, now: @escaping @Sendable () -> Int64 = currentTimeMs,
        metrics: ServerMetrics? = nil
    ) {
        registerHistory(on: router, store: store)
        registerIngest(on: router, store: store, now: now, metrics: metrics)
    }

    static func registerHistory(on router: Router, store: any SyncStore) {
        router.register(Methods.SyncHistory.listSyncs) { (request: ListSyncsRequest, context) in
            try context.checkCancellation()
            return try store.listSyncs(request)
        }
        router.register(Methods.SyncHistory.getSync) { (request: GetSyncRequest, context) in
            try context.checkCancellation()
            return try store.getSync(syncId: request.syncId)
        }
        router.register(Methods.SyncHistory.getSyncConfig) { (request: GetSyncConfigRequest, context) in
            try context.checkCancellation()
            return try store.getSyncConfig(request)
        }
        router.register(Methods.SyncHistory.listPushItems) { (request: ListPushItemsRequest, context) in
            try context.checkCancellation()
            return try store.listPushItems(request)
        }
        router.register(Methods.SyncHistory.getDashboard) { (request: GetDashboardRequest, context) in
            try context.checkCancellation()
            return try store.getDashboard(request)
        }
        router.register(Methods.SyncHistory.listCompanySyncs) { (request: ListCompanySyncsRequest, context) in
            try context.checkCancellation()
            return try store.listCompanySyncs(request)
        }
        router.register(Methods.SyncHistory.listErrorGroups) { (request: ListErrorGroupsRequest, context) in
            try context.checkCancellation()
            return try store.listErrorGroups(request)
        }
    }

    static func registerIngest(
        on router: Router, store: any SyncStore, now: @escaping @Sendable () -> Int64, metrics: ServerMetrics?
    ) {
        router.register(Methods.SyncIngest.recordSync) { (request: RecordSyncRequest, context) in
            try context.checkCancellation()
            let response = try store.recordSync(request, now: now())
            if let metrics, let sync = response.sync { metrics.syncRecorded(status: sync.statusCode) }
            return response
        }
        router.register(Methods.SyncIngest.recordPushItems) { (request: RecordPushItemsRequest, context) in
            try context.checkCancellation()
            let response = try store.recordPushItems(request, now: now())
            metrics?.itemsRecorded(request.items.map(\.status))
            return response
        }
    }
}

/// Milliseconds since the Unix epoch, from the system clock.
@Sendable
public func currentTimeMs() -> Int64 { WallClock.milliseconds() }
