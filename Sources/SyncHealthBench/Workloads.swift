import SyncHealthConcurrency
public import SyncHealthClient
public import SyncHealthWire

/// The requests each benchmark row sends, shared by the RPC load and the SQL
/// floor so both ask the same questions.
public struct Workloads: Sendable {
    /// The data set the server holds.
    public let spec: DataSetSpec

    /// Workloads over `spec`.
    public init(spec: DataSetSpec) { self.spec = spec }

    /// The sync a call with this sequence number asks about (uniform over all syncs).
    public func syncIndex(_ sequence: Int) -> Int {
        var rng = SplitMix64(seed: UInt64(sequence) &* 0x5851_F42D_4C95_7F2D)
        return Int(rng.next() % UInt64(spec.syncs))
    }

    /// GetSync of a random sync.
    public func getSyncRequest(_ sequence: Int) -> GetSyncRequest {
        GetSyncRequest(syncId: spec.syncId(syncIndex(sequence)))
    }

    /// ListSyncs, 50 rows, one company (one of the 10 largest) and status
    /// category FAILED, newest first.
    public func companyFailedRequest(_ sequence: Int) -> ListSyncsRequest {
        ListSyncsRequest(
            companyId: spec.companyId(sequence % min(10, spec.companies)), categories: [.failed],
            sortBy: .startedAt, order: .descending, pageSize: 50)
    }

    /// ListSyncs of all failed syncs, 50 a page, newest first: the paging
    /// workload (page 1, then page N through the cursor).
    public static let failedPages = ListSyncsRequest(categories: [.failed], sortBy: .startedAt, order: .descending, pageSize: 50)

    /// GetDashboard over the last 30 days of the data, all companies.
    public static let dashboard30Days = GetDashboardRequest(
        fromMs: DataSetSpec.yearEndMs - 30 * DataSetSpec.dayMs, toMs: DataSetSpec.yearEndMs)

    /// Walks `pages - 1` pages of `request` through the cursor; returns the
    /// request for page `pages` (or the last page there is) and its number.
    public static func deepPage(_ request: ListSyncsRequest, pages: Int, client: SyncHealthClient) async throws -> (ListSyncsRequest, Int) {
        var current = request
        var page = 1
        while page < pages {
            let reply = try await client.listSyncs(current)
            guard !reply.nextPageToken.isEmpty else { break }
            current.pageToken = reply.nextPageToken
            page += 1
        }
        return (current, page)
    }

    // MARK: Calls for the load generator

    /// GetSync of a random sync.
    public var getSync: WorkloadCall {
        let me = self
        return { client, sequence in _ = try await client.getSync(me.getSyncRequest(sequence)); return 1 }
    }

    /// ListSyncs by company and FAILED.
    public var companyFailed: WorkloadCall {
        let me = self
        return { client, sequence in _ = try await client.listSyncs(me.companyFailedRequest(sequence)); return 1 }
    }

    /// One fixed ListSyncs request (a page reached through the cursor).
    public static func listSyncs(_ request: ListSyncsRequest) -> WorkloadCall {
        { client, _ in _ = try await client.listSyncs(request); return 1 }
    }

    /// GetDashboard, 30 days, all companies.
    public static var dashboard: WorkloadCall {
        { client, _ in _ = try await client.getDashboard(dashboard30Days); return 1 }
    }

    /// RecordPushItems, `batch` new items per call, each call to its own
    /// sync "`prefix`-<sequence>" (which `prepareWriteSyncs` created).
    public static func recordPushItems(prefix: String, batch: Int) -> WorkloadCall {
        { client, sequence in
            let syncId = "\(prefix)-\(sequence)"
            var items: [PushItemReport] = []
            items.reserveCapacity(batch)
            for n in 0..<batch { items.append(writeReport(syncId: syncId, n: n)) }
            let reply = try await client.recordPushItems(RecordPushItemsRequest(syncId: syncId, items: items))
            return Int(reply.accepted)
        }
    }

    static func writeReport(syncId: String, n: Int) -> PushItemReport {
        let failed = n % 10 == 0
        let attemptedAt: Int64 = DataSetSpec.yearEndMs - 1_000 + Int64(n)
        return PushItemReport(
            itemId: "it-\(n)", coreId: "core-\(n)", dataType: n % 2 == 0 ? "invoices" : "payments",
            status: failed ? .failed : .success,
            errorMessage: failed ? "Validation failed: account code is archived." : "",
            attemptedAtMs: attemptedAt, targetRecordId: failed ? "" : "rec-\(n)",
            retryable: failed, idempotencyKey: "\(syncId)-\(n)")
    }

    /// Creates syncs "`prefix`-0" ..< "`prefix`-`count`" (in progress) for
    /// the RecordPushItems workload; not timed.
    public static func prepareWriteSyncs(prefix: String, count: Int, client: SyncHealthClient) async throws {
        for n in 0..<count {
            let started = DataSetSpec.yearEndMs - 60_000
            _ = try await client.recordSync(RecordSyncRequest(sync: Sync(
                syncId: "\(prefix)-\(n)", companyId: "co-bench", product: .commerce,
                sourcePlatform: "shopify", targetPlatform: "xero", statusCode: .inProgress, startedAtMs: started)))
        }
    }
}
