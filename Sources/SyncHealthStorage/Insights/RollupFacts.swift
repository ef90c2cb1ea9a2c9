import SyncHealthWire

/// The rollup cell a sync counts in: its UTC start day and the columns the
/// dashboard filters by.
package struct RollupBucket: Hashable, Sendable {
    package var day: Int64
    package var companyId: String
    package var product: Int64
    package var sourcePlatform: String
    package var targetPlatform: String

    /// Creates a bucket from its columns.
    package init(day: Int64, companyId: String, product: Int64, sourcePlatform: String, targetPlatform: String) {
        self.day = day
        self.companyId = companyId
        self.product = product
        self.sourcePlatform = sourcePlatform
        self.targetPlatform = targetPlatform
    }

    /// The UTC day (days since the epoch) of a start time; start times are
    /// positive (every engine checks it), so this is `started_at / 86400000`.
    package static func day(of startedAt: Int64) -> Int64 {
        startedAt / Limits.millisecondsPerDay
    }
}

/// What one sync counts for: its bucket, status and start time, as it is
/// now or as the rollups last counted it.
package struct SyncFacts: Equatable, Sendable {
    package var bucket: RollupBucket
    package var statusCode: Int64
    package var startedAt: Int64

    /// Creates the facts of one sync.
    package init(bucket: RollupBucket, statusCode: Int64, startedAt: Int64) {
        self.bucket = bucket
        self.statusCode = statusCode
        self.startedAt = startedAt
    }
}

/// Item counts of one sync are kept by (data type, status).
package struct ItemKey: Hashable, Sendable {
    package var dataType: String
    package var status: Int64

    /// Creates a key.
    package init(dataType: String, status: Int64) {
        self.dataType = dataType
        self.status = status
    }
}

/// One sync's occurrences in one error group.
package struct GroupOccurrences: Equatable, Sendable {
    /// Error messages of the sync itself with this fingerprint.
    package var syncErrors: Int64 = 0
    /// The sync's FAILED or TIMED_OUT items whose error has this fingerprint.
    package var itemErrors: Int64 = 0

    /// Creates occurrences (none by default).
    package init(syncErrors: Int64 = 0, itemErrors: Int64 = 0) {
        self.syncErrors = syncErrors
        self.itemErrors = itemErrors
    }

    /// Every occurrence, the sync's own and its items'.
    package var total: Int64 { syncErrors + itemErrors }
}
