public import SyncHealthStorage
import SyncHealthWire

/// Loads a demo data set into a store through the same ingest calls the sync
/// engine makes, so the demo exercises the real validation and derivation.
public enum DemoLoader {
    /// Counts of what a load wrote.
    public struct Summary: Sendable, Hashable {
        public var syncs: Int
        public var itemReports: Int
    }

    /// Applies every operation of `dataSet` in order.
    /// - Throws: the store's `RPCError` if the data set breaks a rule (a bug
    ///   in the generator: the demo must load cleanly).
    @discardableResult
    public static func load(_ dataSet: DemoDataSet, into store: any SyncStore, now: Int64) throws -> Summary {
        var syncIds = Set<String>()
        var reports = 0
        for operation in dataSet.operations {
            switch operation {
            case .recordSync(let request):
                _ = try store.recordSync(request, now: now)
                if let id = request.sync?.syncId { syncIds.insert(id) }
            case .recordPushItems(let request):
                _ = try store.recordPushItems(request, now: now)
                reports += request.items.count
            }
        }
        return Summary(syncs: syncIds.count, itemReports: reports)
    }
}
