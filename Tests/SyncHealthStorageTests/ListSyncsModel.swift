import SyncHealthConcurrency
import SyncHealthStorage
import Testing
import SyncHealthWire

/// An independent in-memory model of ListSyncs: which syncs match a request
/// and in what order, written from the proto's field comments.
enum ListSyncsModel {
    static func matches(_ sync: Sync, _ request: ListSyncsRequest) -> Bool {
        if !request.search.isEmpty
            && !sync.syncId.utf8.starts(with: request.search.utf8)
            && !sync.companyId.utf8.starts(with: request.search.utf8) {
            return false
        }
        if !request.companyId.isEmpty && sync.companyId != request.companyId { return false }
        if request.startedFromMs != 0 && sync.startedAtMs < request.startedFromMs { return false }
        if request.startedToMs != 0 && sync.startedAtMs >= request.startedToMs { return false }
        if !request.statusCodes.isEmpty || !request.categories.isEmpty {
            let byCode = request.statusCodes.contains(sync.statusCode)
            let byCategory = request.categories.contains(sync.statusCode.category)
            if !byCode && !byCategory { return false }
        }
        if request.product != .unspecified && sync.product != request.product { return false }
        if !request.sourcePlatform.isEmpty && sync.sourcePlatform != request.sourcePlatform { return false }
        if !request.targetPlatform.isEmpty && sync.targetPlatform != request.targetPlatform { return false }
        return true
    }

    /// Byte-wise ordering, like SQLite's BINARY collation (Swift's String `<`
    /// orders by Unicode scalars and differs for some non-ASCII text).
    static func bytesBefore(_ a: String, _ b: String) -> Bool {
        a.utf8.lexicographicallyPrecedes(b.utf8)
    }

    static func sorted(_ syncs: [Sync], _ request: ListSyncsRequest) -> [Sync] {
        let descending = request.order != .ascending
        let endOfTime = Int64.max
        func integerKey(_ sync: Sync) -> Int64 {
            switch request.sortBy {
            case .finishedAt: return sync.finishedAtMs == 0 ? endOfTime : sync.finishedAtMs
            case .duration: return sync.finishedAtMs == 0 ? endOfTime : sync.finishedAtMs - sync.startedAtMs
            case .statusCode: return Int64(sync.statusCode.rawValue)
            default: return sync.startedAtMs
            }
        }
        func ascendingBefore(_ a: Sync, _ b: Sync) -> Bool {
            if request.sortBy == .company {
                if a.companyId != b.companyId { return bytesBefore(a.companyId, b.companyId) }
            } else {
                let (ka, kb) = (integerKey(a), integerKey(b))
                if ka != kb { return ka < kb }
            }
            return bytesBefore(a.syncId, b.syncId)
        }
        return syncs.filter { matches($0, request) }.sorted { descending ? ascendingBefore($1, $0) : ascendingBefore($0, $1) }
    }
}

/// Random but reproducible sync history with many ties, LIKE wildcards in
/// ids and non-ASCII text.
enum SyncFixtures {
    static let companies = ["acme", "acme-eu", "ac", "beta", "b%ta", "b_ta", "zeta", "ünï", "Acme"]
    static let idPrefixes = ["sa-", "sb-", "s%-", "s_-", "é-"]
    static let sources = ["shopify", "amazon", "square"]
    static let targets = ["xero", "quickbooks-online", "netsuite"]
    static let hour: Int64 = 3_600_000

    static func randomSync(_ index: Int, using generator: inout SplitMix64) -> Sync {
        let status = SyncStatusCode.allKnown.filter(\.isKnownStatus).randomElement(using: &generator) ?? .inProgress
        let startedAt = baseTime + Int64.random(in: 0..<40, using: &generator) * hour
        let finishedAt = status.isFinished ? startedAt + Int64.random(in: 0..<4, using: &generator) * 60_000 : 0
        return Sync(
            syncId: (idPrefixes.randomElement(using: &generator) ?? "s-") + String(index),
            companyId: companies.randomElement(using: &generator) ?? "acme",
            product: Bool.random(using: &generator) ? .commerce : .expenses,
            sourcePlatform: sources.randomElement(using: &generator) ?? "shopify",
            targetPlatform: targets.randomElement(using: &generator) ?? "xero",
            statusCode: status, startedAtMs: startedAt, finishedAtMs: finishedAt)
    }

    /// Records `count` random syncs; returns them as stored.
    static func populate(_ store: some SyncStore, count: Int, seed: UInt64, startIndex: Int = 0) throws -> [Sync] {
        var generator = SplitMix64(seed: seed)
        return try (startIndex..<startIndex + count).map { index in
            let response = try store.recordSync(RecordSyncRequest(sync: randomSync(index, using: &generator)), now: baseTime)
            guard let sync = response.sync else { throw StoreTestError.missingSync }
            return sync
        }
    }
}

enum StoreTestError: Error { case missingSync, tooManyPages }

/// Follows next_page_token until the last page; checks page sizes on the way.
func walkSyncPages(_ store: some SyncStore, _ request: ListSyncsRequest, pageSize: Int) throws -> [Sync] {
    var request = request
    var all: [Sync] = []
    var pages = 0
    repeat {
        let response = try store.listSyncs(request)
        #expect(response.syncs.count <= pageSize)
        if !response.nextPageToken.isEmpty {
            #expect(response.syncs.count == pageSize, "only the last page may be short")
        }
        all += response.syncs
        request.pageToken = response.nextPageToken
        pages += 1
        if pages > 10_000 { throw StoreTestError.tooManyPages }
    } while !request.pageToken.isEmpty
    return all
}
