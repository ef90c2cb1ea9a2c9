import SyncHealthWire

/// The filters the dashboard and error groups share, validated. The rollup
/// tables, `syncs` and `sync_error_groups` all name these columns alike.
struct InsightsFilter: Sendable, Equatable {
    var companyId: String?
    var product: Int64?
    var sourcePlatform: String?
    var targetPlatform: String?

    /// Validates request fields; INVALID_ARGUMENT names the field, never the value.
    init(companyId: String, product: Product, sourcePlatform: String, targetPlatform: String) throws(RPCError) {
        if !companyId.isEmpty {
            try FieldRules.identifier(companyId, "company_id")
            self.companyId = companyId
        }
        switch product {
        case .unspecified: break
        case .commerce, .expenses: self.product = Int64(product.rawValue)
        case .unrecognized(let value): throw .invalidArgument("product \(value) is not known")
        }
        if !sourcePlatform.isEmpty {
            try FieldRules.key(sourcePlatform, "source_platform", maxBytes: Limits.maxPlatformKeyBytes)
            self.sourcePlatform = sourcePlatform
        }
        if !targetPlatform.isEmpty {
            try FieldRules.key(targetPlatform, "target_platform", maxBytes: Limits.maxPlatformKeyBytes)
            self.targetPlatform = targetPlatform
        }
    }

    /// " AND company_id = ? ..." for the filters that are set, and their
    /// arguments. `alias` prefixes the columns ("s." for a join).
    func sql(alias: String = "") -> (String, [SQLValue]) {
        var sql = ""
        var arguments: [SQLValue] = []
        if let companyId {
            sql += " AND \(alias)company_id = ?"
            arguments.append(.text(companyId))
        }
        if let product {
            sql += " AND \(alias)product = ?"
            arguments.append(.integer(product))
        }
        if let sourcePlatform {
            sql += " AND \(alias)source_platform = ?"
            arguments.append(.text(sourcePlatform))
        }
        if let targetPlatform {
            sql += " AND \(alias)target_platform = ?"
            arguments.append(.text(targetPlatform))
        }
        return (sql, arguments)
    }

    /// Adds the filters to a page-token fingerprint.
    func add(to fingerprint: inout FilterFingerprint) {
        fingerprint.add(companyId.map { "s" + $0 } ?? "-")
        fingerprint.add(product ?? -1)
        fingerprint.add(sourcePlatform.map { "s" + $0 } ?? "-")
        fingerprint.add(targetPlatform.map { "s" + $0 } ?? "-")
    }
}

/// A start-time range split for the rollups: the whole UTC days inside it
/// come from the daily rollups; what is left at either end (less than a day
/// each) is read live from the rows, through their start-time indexes.
struct InsightsRange: Sendable, Equatable {
    var fromMs: Int64
    var toMs: Int64
    /// Days (since the epoch) wholly inside the range; empty when none is.
    var wholeDays: Range<Int64>
    /// Millisecond ranges (from inclusive, to exclusive) outside the whole
    /// days: at most two, each shorter than a day.
    var edges: [Range<Int64>]

    /// Validates a required range the way GetDashboard always has: both
    /// ends set, `to` after `from`, at most `Limits.maxDashboardRangeDays`.
    init(fromMs: Int64, toMs: Int64, fromField: String = "from_ms", toField: String = "to_ms") throws(RPCError) {
        if fromMs <= 0 || toMs <= 0 {
            throw .invalidArgument("\(fromField) and \(toField) are required (greater than 0)")
        }
        if toMs <= fromMs {
            throw .invalidArgument("\(toField) must be after \(fromField)")
        }
        if toMs - fromMs > Limits.maxDashboardRangeDays * Limits.millisecondsPerDay {
            throw .invalidArgument("the range must be at most \(Limits.maxDashboardRangeDays) days")
        }
        self.init(validFrom: fromMs, to: toMs)
    }

    /// Splits a range already known to be valid (from < to, both positive).
    init(validFrom fromMs: Int64, to toMs: Int64) {
        let day = Limits.millisecondsPerDay
        self.fromMs = fromMs
        self.toMs = toMs
        let firstWhole = (fromMs + day - 1) / day
        let endWhole = toMs / day
        if firstWhole < endWhole {
            wholeDays = firstWhole..<endWhole
            edges = []
            if fromMs < firstWhole * day { edges.append(fromMs..<firstWhole * day) }
            if endWhole * day < toMs { edges.append(endWhole * day..<toMs) }
        } else {
            wholeDays = 0..<0
            edges = [fromMs..<toMs]
        }
    }

    /// Midnight UTC of every day the range touches, in order.
    var dayStarts: [Int64] {
        let day = Limits.millisecondsPerDay
        return Array(stride(from: fromMs / day, through: (toMs - 1) / day, by: 1)).map { $0 * day }
    }
}
