public import SyncHealthWire

/// One ingest call of the demo, in the order the sync engine would make it.
public enum DemoOperation: Sendable, Hashable {
    case recordSync(RecordSyncRequest)
    case recordPushItems(RecordPushItemsRequest)
}

/// A company of the demo data set.
public struct DemoCompany: Sendable, Hashable {
    public var companyId: String
    public var name: String
    public var product: Product
    public var sourcePlatform: String
    public var targetPlatform: String
}

/// The demo data set: companies and the ingest calls that build their history.
public struct DemoDataSet: Sendable, Hashable {
    public var companies: [DemoCompany]
    public var operations: [DemoOperation]

    /// Number of distinct syncs the operations create.
    public var syncCount: Int {
        Set(operations.compactMap { op -> String? in
            if case .recordSync(let r) = op { return r.sync?.syncId }
            return nil
        }).count
    }

    /// Number of push-item reports the operations carry.
    public var itemReportCount: Int {
        operations.reduce(0) { total, op in
            if case .recordPushItems(let r) = op { return total + r.items.count }
            return total
        }
    }
}
