@testable import SyncHealthStorage
@testable import SyncHealthSQLite
@testable import SyncHealthRelational
import SyncHealthConcurrency
import SyncHealthWire
import Testing

/// Random syncs, items and retries for checking the rollups against a full scan.
enum InsightsFixtures {
    static let day = Limits.millisecondsPerDay
    static let hour: Int64 = 3_600_000
    /// Midnight UTC; syncs start from a day before to nine days after.
    static let day0 = (baseTime / day + 1) * day
    static let companies = ["c-1", "c-2", "c-3", "c-4", "c-5"]
    static let sources = ["shopify", "amazon", "expensify"]
    static let targets = ["xero", "quickbooks-online", "netsuite"]
    static let dataTypes = ["invoices", "creditNotes", "payments", "bills"]
    static let statuses = SyncStatusCode.allKnown.filter(\.isKnownStatus)

    static func syncError(_ generator: inout SplitMix64) -> String {
        let n = Int.random(in: 1...999, using: &generator)
        switch Int.random(in: 0..<4, using: &generator) {
        case 0: return "Xero API rate limit exceeded, retry after \(n) seconds"
        case 1: return "Company has been disconnected from the accounting platform"
        case 2: return "Account code '\(n)' is not a valid code for this document."
        default: return "Request failed with status code 429"
        }
    }

    static func itemError(_ generator: inout SplitMix64) -> String {
        let n = Int.random(in: 1...99_999, using: &generator)
        switch Int.random(in: 0..<6, using: &generator) {
        case 0: return "Invoice INV-\(n) total \(n % 97).\(n % 10)0 does not match"
        case 1: return "Contact with email user\(n)@acme.com already exists"
        case 2: return "The TaxType code 'OUTPUT\(n % 4)' does not exist"
        case 3: return "Request failed with status code 401"
        case 4: return "Payment of $\(n).00 could not be allocated"
        default: return ""
        }
    }

    static func randomSync(_ index: Int, using generator: inout SplitMix64) -> Sync {
        let status = statuses.randomElement(using: &generator) ?? .inProgress
        let startedAt = day0 - day + Int64.random(in: 0..<(10 * day), using: &generator)
        var errors: [String] = []
        if status.category == .failed || Int.random(in: 0..<6, using: &generator) == 0 {
            errors = (0..<Int.random(in: 1...2, using: &generator)).map { _ in syncError(&generator) }
        }
        return Sync(
            syncId: "s-\(index)",
            companyId: companies.randomElement(using: &generator) ?? "c-1",
            product: Bool.random(using: &generator) ? .commerce : .expenses,
            sourcePlatform: sources.randomElement(using: &generator) ?? "shopify",
            targetPlatform: targets.randomElement(using: &generator) ?? "xero",
            statusCode: status, startedAtMs: startedAt,
            finishedAtMs: status.isFinished ? startedAt + Int64.random(in: 0..<hour, using: &generator) : 0,
            errorMessages: errors)
    }

    static func randomItems(_ sync: Sync, using generator: inout SplitMix64) -> [PushItemReport] {
        (0..<Int.random(in: 0...8, using: &generator)).map { index in
            let status = [PushItemStatus.success, .success, .failed, .failed, .timedOut, .pending]
                .randomElement(using: &generator) ?? .success
            return PushItemReport(
                itemId: "\(sync.syncId)-i\(index)", coreId: "core-\(index)",
                dataType: dataTypes.randomElement(using: &generator) ?? "invoices", status: status,
                errorMessage: status.isFailure ? itemError(&generator) : "",
                attemptedAtMs: sync.startedAtMs + 1_000, retryable: true, idempotencyKey: "\(sync.syncId)-i\(index)-1")
        }
    }

    /// Records `count` random syncs with their items; returns the syncs and
    /// every item report.
    static func populate(_ store: any RelationalStore, count: Int, seed: UInt64) throws -> (syncs: [Sync], items: [PushItemReport]) {
        var generator = SplitMix64(seed: seed)
        var syncs: [Sync] = []
        var items: [PushItemReport] = []
        for index in 0..<count {
            let sync = randomSync(index, using: &generator)
            try store.record(sync, now: sync.startedAtMs)
            let reports = randomItems(sync, using: &generator)
            if !reports.isEmpty {
                try store.push(sync.syncId, reports, now: sync.startedAtMs + 2_000)
            }
            syncs.append(sync)
            items += reports
        }
        return (syncs, items)
    }

    /// Retries about half of the failed and timed-out items the way the retry
    /// executor records outcomes: `PushItemStatement.apply` then
    /// `refreshSync`, in one write transaction per sync. Most retries
    /// succeed; some fail again with another message.
    static func simulateRetries(_ store: any RelationalStore, items: [PushItemReport], seed: UInt64) throws {
        var generator = SplitMix64(seed: seed)
        var bySync: [String: [PushItemReport]] = [:]
        for item in items where item.status.isFailure && Bool.random(using: &generator) {
            var retry = item
            retry.attemptedAtMs = item.attemptedAtMs + 10 * hour
            retry.idempotencyKey = item.itemId + "-retry"
            if Int.random(in: 0..<4, using: &generator) == 0 {
                retry.errorMessage = itemError(&generator)
                retry.status = retry.errorMessage.isEmpty ? .timedOut : .failed
            } else {
                retry.status = .success
                retry.errorMessage = ""
                retry.targetRecordId = "rec-" + item.itemId
            }
            bySync[syncId(ofItem: item.itemId), default: []].append(retry)
        }
        for (syncId, reports) in bySync.sorted(by: { $0.key < $1.key }) {
            guard let first = reports.first else { continue }
            try store.write { connection in
                guard let sync = try SyncRecordStatement.fetch(connection, syncId: syncId) else { return }
                for report in reports {
                    _ = try PushItemStatement.apply(report, syncRowID: sync.rowID, now: report.attemptedAtMs, on: connection)
                }
                try PushItemStatement.refreshSync(sync, now: first.attemptedAtMs, on: connection)
            }
        }
    }

    /// "s-12" of item "s-12-i3".
    static func syncId(ofItem itemId: String) -> String {
        String(itemId[..<(itemId.range(of: "-i")?.lowerBound ?? itemId.endIndex)])
    }

    /// RecordSync updates: in-progress syncs finish, some syncs move to
    /// another day or target platform, some change their error messages.
    static func simulateUpdates(_ store: any RelationalStore, syncs: [Sync], seed: UInt64) throws {
        var generator = SplitMix64(seed: seed)
        for var sync in syncs where Int.random(in: 0..<3, using: &generator) == 0 {
            switch Int.random(in: 0..<3, using: &generator) {
            case 0 where !sync.statusCode.isFinished:
                sync.statusCode = Bool.random(using: &generator) ? .successDataPushed : .genericServerError
                sync.finishedAtMs = sync.startedAtMs + hour
                if sync.statusCode == .genericServerError { sync.errorMessages = [syncError(&generator)] }
            case 1:
                sync.startedAtMs += Int64.random(in: -2 * day...2 * day, using: &generator)
                sync.startedAtMs = max(sync.startedAtMs, 1)
                if sync.finishedAtMs != 0 { sync.finishedAtMs = sync.startedAtMs + hour }
                sync.targetPlatform = targets.randomElement(using: &generator) ?? "xero"
            default:
                sync.errorMessages = sync.errorMessages.isEmpty ? [syncError(&generator)] : []
            }
            try store.record(sync, now: sync.startedAtMs + 3 * hour)
        }
    }

    /// Ranges with whole and partial days, one inside a single day, and
    /// ranges past the data.
    static let ranges: [(Int64, Int64)] = [
        (day0, day0 + 7 * day),
        (day0 + 3 * hour, day0 + 5 * day + 7 * hour),
        (day0 + hour, day0 + 20 * hour),
        (day0 - 2 * day + 123, day0 + 10 * day),
        (day0 + 2 * day, day0 + 3 * day),
        (day0 + 2 * day - 1, day0 + 3 * day + 1),
    ]

    static let filters: [GetDashboardRequest] = [
        GetDashboardRequest(),
        GetDashboardRequest(companyId: "c-1"),
        GetDashboardRequest(product: .expenses),
        GetDashboardRequest(sourcePlatform: "amazon"),
        GetDashboardRequest(targetPlatform: "xero"),
        GetDashboardRequest(companyId: "c-2", targetPlatform: "netsuite"),
        GetDashboardRequest(companyId: "c-3", product: .commerce, sourcePlatform: "shopify"),
        GetDashboardRequest(companyId: "nobody"),
    ]

    /// Every range with every filter.
    static var dashboardRequests: [GetDashboardRequest] {
        ranges.flatMap { range in
            filters.map { filter in
                var request = filter
                request.fromMs = range.0
                request.toMs = range.1
                return request
            }
        }
    }
}
