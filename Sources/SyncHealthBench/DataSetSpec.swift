import SyncHealthConcurrency
public import SyncHealthWire

/// The benchmark data set: `syncs` syncs over `companies` companies and one
/// year of start times, with `items` push items spread evenly over them.
/// Everything is a pure function of the index and `seed`, so the load
/// generator can name any sync without reading the database.
///
/// Company sizes are skewed (company index = companies x u^3): the first
/// companies own thousands of syncs (ListSyncs by company has full pages),
/// most own a few, as in production.
public struct DataSetSpec: Sendable, Hashable, Codable {
    /// Number of syncs.
    public var syncs: Int
    /// Number of push items (all syncs together).
    public var items: Int
    /// Number of companies.
    public var companies: Int
    /// Varies every id and value.
    public var seed: UInt64

    /// 2025-01-01T00:00:00Z: syncs start within the 365 days from here.
    public static let yearStartMs: Int64 = 1_735_689_600_000
    /// One day in ms.
    public static let dayMs: Int64 = 86_400_000
    /// The end of the year the data covers.
    public static let yearEndMs: Int64 = yearStartMs + 365 * dayMs

    /// The default: 1,000,000 syncs, 10,000,000 items, 100,000 companies.
    public static let full = DataSetSpec(syncs: 1_000_000, items: 10_000_000, companies: 100_000)

    /// Creates a spec.
    public init(syncs: Int, items: Int, companies: Int, seed: UInt64 = 1) {
        precondition(syncs > 0 && items >= 0 && companies > 0, "data set sizes must be positive")
        self.syncs = syncs
        self.items = items
        self.companies = companies
        self.seed = seed
    }

    /// A file-name-safe label, e.g. "s1000000-i10000000-c100000-seed1".
    public var label: String { "s\(syncs)-i\(items)-c\(companies)-seed\(seed)" }

    private func random(_ index: Int, _ salt: UInt64) -> SplitMix64 {
        SplitMix64(seed: SplitMix64.mix(UInt64(index) &+ (seed &* 0x1_0000_0001) ^ (salt << 56)))
    }

    /// The sync_id of sync `index`: UUID-shaped hex, unique per index.
    public func syncId(_ index: Int) -> String {
        let high = SplitMix64.mix(UInt64(index) ^ (seed << 40))
        let low = SplitMix64.mix(high ^ seed)
        return Self.uuid(high, low)
    }

    /// The company of sync `index` (skewed: low indexes are big companies).
    public func companyIndex(ofSync index: Int) -> Int {
        var rng = random(index, 1)
        let u = rng.unit()
        return min(companies - 1, Int(Double(companies) * u * u * u))
    }

    /// The company_id of company `index`.
    public func companyId(_ index: Int) -> String {
        let digits = String(index)
        return "co-" + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    }

    /// Push items of sync `index`: items / syncs, the remainder going to the first syncs.
    public func itemCount(ofSync index: Int) -> Int {
        items / syncs + (index < items % syncs ? 1 : 0)
    }

    static let sources = ["shopify", "amazon", "stripe", "woocommerce", "paypal", "expensify", "pleo"]
    static let targets = ["xero", "quickbooks-online", "netsuite", "sage-intacct"]
    static let dataTypes = ["invoices", "creditNotes", "payments", "journalEntries", "expenses", "bills"]

    /// Sync `index` as the sync engine reports it when finished (or still running).
    public func sync(_ index: Int) -> Sync {
        var rng = random(index, 2)
        let company = companyIndex(ofSync: index)
        let startedAt = Self.yearStartMs + Int64(rng.unit() * Double(365 * Self.dayMs - 3_600_000))
        let status = Self.status(rng.unit())
        let finishedAt = status.isFinishedForSpec ? startedAt + 15_000 + Int64(rng.next() % 465_000) : 0
        return Sync(
            syncId: syncId(index), companyId: companyId(company),
            product: company % 3 == 2 ? .expenses : .commerce,
            sourcePlatform: Self.sources[company % Self.sources.count],
            targetPlatform: Self.targets[company % Self.targets.count],
            statusCode: status, startedAtMs: startedAt, finishedAtMs: finishedAt,
            dataFromMs: startedAt - Self.dayMs, dataToMs: startedAt - startedAt % 3_600_000,
            errorMessages: status.rawValue >= 4000 ? ["The accounting platform rejected the request (HTTP 400)."] : [],
            dataPushed: status == .successDataPushed)
    }

    /// The push item reports of sync `index`, all in one batch.
    public func items(ofSync index: Int) -> [PushItemReport] {
        let count = itemCount(ofSync: index)
        guard count > 0 else { return [] }
        var rng = random(index, 3)
        let sync = sync(index)
        let startedAt = sync.startedAtMs
        let id = syncId(index)
        // Items follow the sync: a successful sync pushed everything, a failed
        // one lost about half its items, a running one has them pending.
        let code = sync.statusCode.rawValue
        return (0..<count).map { n in
            let u = rng.unit()
            let status: PushItemStatus =
                code < 2000 ? .pending : code < 4000 ? .success : u < 0.4 ? .failed : u < 0.5 ? .timedOut : .success
            let dataType = Self.dataTypes[n % Self.dataTypes.count]
            return PushItemReport(
                itemId: "\(id.prefix(13))-\(n)", coreId: "core-\(index)-\(n)", dataType: dataType, status: status,
                errorMessage: status == .failed ? "Validation failed: account code is archived." : "",
                attemptedAtMs: startedAt + Int64(n) * 100,
                targetRecordId: status == .success ? "rec-\(index)-\(n)" : "",
                retryable: status != .success, idempotencyKey: "\(id)-\(n)-1")
        }
    }

    /// Reported status mix: mostly success, about a quarter failed, 1% running.
    static func status(_ u: Double) -> SyncStatusCode {
        let table: [(Double, SyncStatusCode)] = [
            (0.66, .successDataPushed), (0.75, .successNoDataPushed), (0.79, .configurationError),
            (0.83, .genericServerError), (0.87, .dataPushError), (0.89, .companyDeauthorized),
            (0.91, .billingExpired), (0.94, .dataProcessingError), (0.97, .duplicationProtection),
            (0.99, .companyDeleted),
        ]
        return table.first { u < $0.0 }?.1 ?? .inProgress
    }

    static func uuid(_ high: UInt64, _ low: UInt64) -> String {
        let hex = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(36)
        for (n, word) in [high, low].enumerated() {
            for nibble in 0..<16 {
                let position = n * 16 + nibble
                if position == 8 || position == 12 || position == 16 || position == 20 { out.append(UInt8(ascii: "-")) }
                out.append(hex[Int((word >> UInt64(60 - nibble * 4)) & 0xF)])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

extension SyncStatusCode {
    var isFinishedForSpec: Bool { self != .inProgress && self != .inProgressLongRunning }
}
