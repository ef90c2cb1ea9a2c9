package import SyncHealthWire

/// The filters the dashboard and error groups share, validated. The rollup
/// tables, `syncs` and `sync_error_groups` all name these columns alike.
package struct InsightsFilter: Sendable, Equatable {
    package var companyId: String?
    package var product: Int64?
    package var sourcePlatform: String?
    package var targetPlatform: String?

    /// Validates request fields; INVALID_ARGUMENT names the field, never the value.
    package init(companyId: String, product: Product, sourcePlatform: String, targetPlatform: String) throws(RPCError) {
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

    /// Adds the filters to a page-token fingerprint.
    package func add(to fingerprint: inout FilterFingerprint) {
        fingerprint.add(companyId.map { "s" + $0 } ?? "-")
        fingerprint.add(product ?? -1)
        fingerprint.add(sourcePlatform.map { "s" + $0 } ?? "-")
        fingerprint.add(targetPlatform.map { "s" + $0 } ?? "-")
    }
}

/// A start-time range split for the rollups: the whole UTC days inside it
/// come from the daily rollups; what is left at either end (less than a day
/// each) is read live from the rows, through their start-time indexes.
package struct InsightsRange: Sendable, Equatable {
    package var fromMs: Int64
    package var toMs: Int64
    /// Days (since the epoch) wholly inside the range; empty when none is.
    package var wholeDays: Range<Int64>
    /// Millisecond ranges (from inclusive, to exclusive) outside the whole
    /// days: at most two, each shorter than a day.
    package var edges: [Range<Int64>]

    /// Validates a required range the way GetDashboard always has: both
    /// ends set, `to` after `from`, at most `Limits.maxDashboardRangeDays`.
    package init(fromMs: Int64, toMs: Int64, fromField: String = "from_ms", toField: String = "to_ms") throws(RPCError) {
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
    package init(validFrom fromMs: Int64, to toMs: Int64) {
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
    package var dayStarts: [Int64] {
        let day = Limits.millisecondsPerDay
        return Array(stride(from: fromMs / day, through: (toMs - 1) / day, by: 1)).map { $0 * day }
    }
}
