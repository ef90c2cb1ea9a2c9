// Swift value types for proto/synchealth/v1/retry.proto.
// Conversion to and from protobuf-c lives in ../ProtobufC/.

/// Why an item in a retry scope is not retried.
public enum SkipReason: Sendable, Hashable {
    case unspecified
    case notFailed
    case alreadySucceeded
    case notRetryable
    case syncInProgress
    case alreadyQueued
    /// The sync failed with a status retrying cannot fix (4000, 4040, 4220, 4260).
    case syncStatusNotRetryable
    /// A value this version does not know; kept so it round-trips.
    case unrecognized(Int32)

    /// Every value this version knows.
    public static let allKnown: [SkipReason] = [.unspecified, .notFailed, .alreadySucceeded, .notRetryable, .syncInProgress, .alreadyQueued, .syncStatusNotRetryable]

    /// Maps a wire number to its case; unknown numbers become `.unrecognized`.
    public init(rawValue: Int32) {
        switch rawValue {
        case 0: self = .unspecified
        case 1: self = .notFailed
        case 2: self = .alreadySucceeded
        case 3: self = .notRetryable
        case 4: self = .syncInProgress
        case 5: self = .alreadyQueued
        case 6: self = .syncStatusNotRetryable
        default: self = .unrecognized(rawValue)
        }
    }

    /// The wire number.
    public var rawValue: Int32 {
        switch self {
        case .unspecified: return 0
        case .notFailed: return 1
        case .alreadySucceeded: return 2
        case .notRetryable: return 3
        case .syncInProgress: return 4
        case .alreadyQueued: return 5
        case .syncStatusNotRetryable: return 6
        case .unrecognized(let value): return value
        }
    }
}

/// `synchealth.v1.RetryFailedItemsRequest`.
public struct RetryFailedItemsRequest: Sendable, Hashable {
    public var scope: RetryScope?
    /// Required: why the retry is asked for.
    public var reason: String
    /// Required: the same key returns the same job, never a second one.
    public var idempotencyKey: String
    /// Report what would be retried and skipped; change nothing.
    public var dryRun: Bool
    /// Retry items classified as non-retryable too.
    public var force: Bool

    /// Creates the message; every field defaults to its proto3 zero value.
    public init(
        scope: RetryScope? = nil,
        reason: String = "",
        idempotencyKey: String = "",
        dryRun: Bool = false,
        force: Bool = false
    ) {
        self.scope = scope
        self.reason = reason
        self.idempotencyKey = idempotencyKey
        self.dryRun = dryRun
        self.force = force
    }
}

/// `synchealth.v1.SkipCount`.
public struct SkipCount: Sendable, Hashable {
    public var reason: SkipReason
    public var count: Int64

    /// Creates the message; every field defaults to its proto3 zero value.
    public init(
        reason: SkipReason = .unspecified,
        count: Int64 = 0
    ) {
        self.reason = reason
        self.count = count
    }
}

/// `synchealth.v1.PreviewItem`.
public struct PreviewItem: Sendable, Hashable {
    public var syncId: String
    public var itemId: String
    public var coreId: String
    public var dataType: String
    public var willRetry: Bool
    public var skipReason: SkipReason

    /// Creates the message; every field defaults to its proto3 zero value.
    public init(
        syncId: String = "",
        itemId: String = "",
        coreId: String = "",
        dataType: String = "",
        willRetry: Bool = false,
        skipReason: SkipReason = .unspecified
    ) {
        self.syncId = syncId
        self.itemId = itemId
        self.coreId = coreId
        self.dataType = dataType
        self.willRetry = willRetry
        self.skipReason = skipReason
    }
}

/// `synchealth.v1.RetryPreview`.
public struct RetryPreview: Sendable, Hashable {
    public var wouldRetry: Int64
    public var wouldSkip: Int64
    /// Items that would be retried, per data type.
    public var byDataType: [DataTypeCounts]
    public var skipped: [SkipCount]
    /// The first items of the scope (at most 1,000), retried or skipped.
    public var items: [PreviewItem]

    /// Creates the message; every field defaults to its proto3 zero value.
    public init(
        wouldRetry: Int64 = 0,
        wouldSkip: Int64 = 0,
        byDataType: [DataTypeCounts] = [],
        skipped: [SkipCount] = [],
        items: [PreviewItem] = []
    ) {
        self.wouldRetry = wouldRetry
        self.wouldSkip = wouldSkip
        self.byDataType = byDataType
        self.skipped = skipped
        self.items = items
    }
}

/// `synchealth.v1.RetryFailedItemsResponse`.
public struct RetryFailedItemsResponse: Sendable, Hashable {
    /// The job, absent on a dry run.
    public var job: RetryJob?
    /// What the job covers (or would cover, on a dry run).
    public var preview: RetryPreview?
    /// True when idempotency_key matched an existing job.
    public var existing: Bool

    /// Creates the message; every field defaults to its proto3 zero value.
    public init(
        job: RetryJob? = nil,
        preview: RetryPreview? = nil,
        existing: Bool = false
    ) {
        self.job = job
        self.preview = preview
        self.existing = existing
    }
}

/// `synchealth.v1.GetRetryJobRequest`.
public struct GetRetryJobRequest: Sendable, Hashable {
    public var jobId: String

    /// Creates the message; every field defaults to its proto3 zero value.
    public init(
        jobId: String = ""
    ) {
        self.jobId = jobId
    }
}

/// `synchealth.v1.GetRetryJobResponse`.
public struct GetRetryJobResponse: Sendable, Hashable {
    public var job: RetryJob?

    /// Creates the message; every field defaults to its proto3 zero value.
    public init(
        job: RetryJob? = nil
    ) {
        self.job = job
    }
}

/// `synchealth.v1.ListRetryJobsRequest`.
public struct ListRetryJobsRequest: Sendable, Hashable {
    public var states: [RetryJobState]
    /// Only jobs that touch this sync.
    public var syncId: String
    /// Default 50, at most 500.
    public var pageSize: Int32
    public var pageToken: String

    /// Creates the message; every field defaults to its proto3 zero value.
    public init(
        states: [RetryJobState] = [],
        syncId: String = "",
        pageSize: Int32 = 0,
        pageToken: String = ""
    ) {
        self.states = states
        self.syncId = syncId
        self.pageSize = pageSize
        self.pageToken = pageToken
    }
}

/// `synchealth.v1.ListRetryJobsResponse`.
public struct ListRetryJobsResponse: Sendable, Hashable {
    public var jobs: [RetryJob]
    public var nextPageToken: String

    /// Creates the message; every field defaults to its proto3 zero value.
    public init(
        jobs: [RetryJob] = [],
        nextPageToken: String = ""
    ) {
        self.jobs = jobs
        self.nextPageToken = nextPageToken
    }
}

/// `synchealth.v1.CancelRetryJobRequest`.
public struct CancelRetryJobRequest: Sendable, Hashable {
    public var jobId: String
    public var reason: String

    /// Creates the message; every field defaults to its proto3 zero value.
    public init(
        jobId: String = "",
        reason: String = ""
    ) {
        self.jobId = jobId
        self.reason = reason
    }
}

/// `synchealth.v1.CancelRetryJobResponse`.
public struct CancelRetryJobResponse: Sendable, Hashable {
    public var job: RetryJob?

    /// Creates the message; every field defaults to its proto3 zero value.
    public init(
        job: RetryJob? = nil
    ) {
        self.job = job
    }
}
