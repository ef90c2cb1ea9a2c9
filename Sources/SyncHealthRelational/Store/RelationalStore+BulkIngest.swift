import SyncHealthStorage
public import SyncHealthWire

extension RelationalStore {
    /// Records many syncs, then many push item batches, in ONE write
    /// transaction: the same validation and statements as `recordSync` and
    /// `recordPushItems`, but one commit (one WAL sync) instead of one per
    /// call. For loading large data sets (benchmarks, migrations from another
    /// system); the RPCs stay the way the sync engine writes.
    ///
    /// All or nothing: any invalid request throws and nothing is written.
    /// - Returns: the number of push item reports accepted.
    @discardableResult
    public func bulkIngest(
        syncs: [RecordSyncRequest], pushItems: [RecordPushItemsRequest], now: Int64
    ) throws(RPCError) -> Int {
        var inputs: [RecordSyncInput] = []
        inputs.reserveCapacity(syncs.count)
        for request in syncs { inputs.append(try RecordSyncValidation.validate(request)) }
        for request in pushItems { try PushItemsValidation.validate(request) }
        return try guarded {
            try write { connection in
                for input in inputs { _ = try Self.record(input, now: now, on: connection) }
                var accepted = 0
                for request in pushItems {
                    accepted += Int(try Self.record(request, now: now, on: connection).accepted)
                }
                return accepted
            }
        }
    }
}
