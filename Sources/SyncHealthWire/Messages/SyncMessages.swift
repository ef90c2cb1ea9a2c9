// Swift value types for proto/synchealth/v1/sync.proto.
// Conversion to and from protobuf-c lives in ../ProtobufC/.

/// The domain's own sync status codes; the numbers are the codes support
/// teams and customers see.
public enum SyncStatusCode: Sendable, Hashable {
    case unspecified
    case inProgress
    /// In progress for over ten minutes.
    case inProgressLongRunning
    case successDataPushed
    case successNoDataPushed
    case configurationError
    case companyDeleted
    case companyDeauthorized
    case billingExpired
    case genericServerError
    case duplicationProtection
    case dataProcessingError
    case dataPushError
    /// A value this version does not know; kept so it round-trips.
    case unrecognized(Int32)

    /// Every value this version knows.
    public static let allKnown: [SyncStatusCode] = [.unspecified, .inProgress, .inProgressLongRunning, .successDataPushed, .successNoDataPushed, .configurationError, .companyDeleted, .companyDeauthorized, .billingExpired, .genericServerError, .duplicationProtection, .dataProcessingError, .dataPushError]

    /// Maps a wire number to its case; unknown numbers become `.unrecognized`.
    public init(rawValue: Int32) {
        switch rawValue {
        case 0: self = .unspecified
        case 1000: self = .inProgress
        case 1010: self = .inProgressLongRunning
        case 2000: self = .successDataPushed
        case 2040: self = .successNoDataPushed
        case 4000: self = .configurationError
        case 4040: self = .companyDeleted
        case 4220: self = .companyDeauthorized
        case 4260: self = .billingExpired
        case 5000: self = .genericServerError
        case 5080: self = .duplicationProtection
        case 5120: self = .dataProcessingError
        case 5130: self = .dataPushError
        default: self = .unrecognized(rawValue)
        }
    }

    /// The wire number.
    public var rawValue: Int32 {
        switch self {
        case .unspecified: return 0
        case .inProgress: return 1000
        case .inProgressLongRunning: return 1010
        case .successDataPushed: return 2000
        case .successNoDataPushed: return 2040
        case .configurationError: return 4000
        case .companyDeleted: return 4040
        case .companyDeauthorized: return 4220
        case .billingExpired: return 4260
        case .genericServerError: return 5000
        case .duplicationProtection: return 5080
        case .dataProcessingError: return 5120
        case .dataPushError: return 5130
        case .unrecognized(let value): return value
        }
    }
}

/// Coarse grouping of sync status codes: 1xxx in progress, 2xxx success,
/// 4xxx and 5xxx failed.
public enum StatusCategory: Sendable, Hashable {
    case unspecified
    case inProgress
    case success
    case failed
    /// A value this version does not know; kept so it round-trips.
    case unrecognized(Int32)

    /// Every value this version knows.
    public static let allKnown: [StatusCategory] = [.unspecified, .inProgress, .success, .failed]

    /// Maps a wire number to its case; unknown numbers become `.unrecognized`.
    public init(rawValue: Int32) {
        switch rawValue {
        case 0: self = .unspecified
        case 1: self = .inProgress
        case 2: self = .success
        case 3: self = .failed
        default: self = .unrecognized(rawValue)
        }
    }

    /// The wire number.
    public var rawValue: Int32 {
        switch self {
        case .unspecified: return 0
        case .inProgress: return 1
        case .success: return 2
        case .failed: return 3
        case .unrecognized(let value): return value
        }
    }
}

/// `synchealth.v1.Product`.
public enum Product: Sendable, Hashable {
    case unspecified
    case commerce
    case expenses
    /// A value this version does not know; kept so it round-trips.
    case unrecognized(Int32)

    /// Every value this version knows.
    public static let allKnown: [Product] = [.unspecified, .commerce, .expenses]

    /// Maps a wire number to its case; unknown numbers become `.unrecognized`.
    public init(rawValue: Int32) {
        switch rawValue {
        case 0: self = .unspecified
        case 1: self = .commerce
        case 2: self = .expenses
        default: self = .unrecognized(rawValue)
        }
    }

    /// The wire number.
    public var rawValue: Int32 {
        switch self {
        case .unspecified: return 0
        case .commerce: return 1
        case .expenses: return 2
        case .unrecognized(let value): return value
        }
    }
}

/// `synchealth.v1.PushItemStatus`.
public enum PushItemStatus: Sendable, Hashable {
    case unspecified
    case pending
    case success
    case failed
    /// The push did not answer in time; it may still have landed in the
    /// accounting platform, so a retry must carry an idempotency key.
    case timedOut
    /// A value this version does not know; kept so it round-trips.
    case unrecognized(Int32)

    /// Every value this version knows.
    public static let allKnown: [PushItemStatus] = [.unspecified, .pending, .success, .failed, .timedOut]

    /// Maps a wire number to its case; unknown numbers become `.unrecognized`.
    public init(rawValue: Int32) {
        switch rawValue {
        case 0: self = .unspecified
        case 1: self = .pending
        case 2: self = .success
        case 3: self = .failed
        case 4: self = .timedOut
        default: self = .unrecognized(rawValue)
        }
    }

    /// The wire number.
    public var rawValue: Int32 {
        switch self {
        case .unspecified: return 0
        case .pending: return 1
        case .success: return 2
        case .failed: return 3
        case .timedOut: return 4
        case .unrecognized(let value): return value
        }
    }
}

/// What caused a push attempt.
public enum AttemptTrigger: Sendable, Hashable {
    case unspecified
    /// The sync engine's own push.
    case initial
    /// A retry requested by a person (RetryFailedItems).
    case manualRetry
    /// A backoff retry the executor scheduled itself after a transient failure.
    case automaticRetry
    /// A value this version does not know; kept so it round-trips.
    case unrecognized(Int32)

    /// Every value this version knows.
    public static let allKnown: [AttemptTrigger] = [.unspecified, .initial, .manualRetry, .automaticRetry]

    /// Maps a wire number to its case; unknown numbers become `.unrecognized`.
    public init(rawValue: Int32) {
        switch rawValue {
        case 0: self = .unspecified
        case 1: self = .initial
        case 2: self = .manualRetry
        case 3: self = .automaticRetry
        default: self = .unrecognized(rawValue)
        }
    }

    /// The wire number.
    public var rawValue: Int32 {
        switch self {
        case .unspecified: return 0
        case .initial: return 1
        case .manualRetry: return 2
        case .automaticRetry: return 3
        case .unrecognized(let value): return value
        }
    }
}

/// Item counts of one sync (or one data type of one sync) by status.
public struct ItemCounts: Sendable, Hashable {
    public var total: Int64
    public var pending: Int64
    public var succeeded: Int64
    public var failed: Int64
    public var timedOut: Int64

    /// Creates the message; every field defaults to its proto3 zero value.
    public init(
        total: Int64 = 0,
        pending: Int64 = 0,
        succeeded: Int64 = 0,
        failed: Int64 = 0,
        timedOut: Int64 = 0
    ) {
        self.total = total
        self.pending = pending
        self.succeeded = succeeded
        self.failed = failed
        self.timedOut = timedOut
    }
}

/// One sync: one scheduled push of a company's data into its accounting
/// platform.
public struct Sync: Sendable, Hashable {
    public var syncId: String
    public var companyId: String
    public var product: Product
    /// Source platform key, for example "shopify" or "amazon".
    public var sourcePlatform: String
    /// Target accounting platform key, for example "xero" or "quickbooks-online".
    public var targetPlatform: String
    public var statusCode: SyncStatusCode
    /// Human-readable text for status_code.
    public var statusText: String
    public var startedAtMs: Int64
    /// 0 while the sync is in progress.
    public var finishedAtMs: Int64
    /// The date range of the data pulled from the source platform for this
    /// sync: from inclusive, to exclusive. 0 when not known.
    public var dataFromMs: Int64
    public var dataToMs: Int64
    /// Client-friendly notes, e.g. "Please reconcile manually".
    public var notes: [String]
    /// Error messages, in the order they occurred.
    public var errorMessages: [String]
    /// Derived by SyncHealth from the sync's push items; ignored on input.
    public var itemCounts: ItemCounts?
    /// True when at least one item reached the accounting platform.
    public var dataPushed: Bool
    /// SHA-256 (hex) of the configuration document in force for this sync;
    /// empty when none was recorded. Derived; ignored on input.
    public var configHash: String
    /// Last change to this sync. Derived; ignored on input.
    public var updatedAtMs: Int64

    /// Creates the message; every field defaults to its proto3 zero value.
    public init(
        syncId: String = "",
        companyId: String = "",
        product: Product = .unspecified,
        sourcePlatform: String = "",
        targetPlatform: String = "",
        statusCode: SyncStatusCode = .unspecified,
        statusText: String = "",
        startedAtMs: Int64 = 0,
        finishedAtMs: Int64 = 0,
        dataFromMs: Int64 = 0,
        dataToMs: Int64 = 0,
        notes: [String] = [],
        errorMessages: [String] = [],
        itemCounts: ItemCounts? = nil,
        dataPushed: Bool = false,
        configHash: String = "",
        updatedAtMs: Int64 = 0
    ) {
        self.syncId = syncId
        self.companyId = companyId
        self.product = product
        self.sourcePlatform = sourcePlatform
        self.targetPlatform = targetPlatform
        self.statusCode = statusCode
        self.statusText = statusText
        self.startedAtMs = startedAtMs
        self.finishedAtMs = finishedAtMs
        self.dataFromMs = dataFromMs
        self.dataToMs = dataToMs
        self.notes = notes
        self.errorMessages = errorMessages
        self.itemCounts = itemCounts
        self.dataPushed = dataPushed
        self.configHash = configHash
        self.updatedAtMs = updatedAtMs
    }
}

/// The customer's sync configuration as it was for one sync.
public struct SyncConfig: Sendable, Hashable {
    public var syncId: String
    public var document: [UInt8]
    /// MIME type of document, e.g. "application/json".
    public var contentType: String
    /// SHA-256 of document, lower-case hex. Derived; ignored on input.
    public var hash: String
    /// The configuration's own version label, if the sync engine has one.
    public var version: String
    /// A suggested file name for downloading the document.
    public var fileName: String

    /// Creates the message; every field defaults to its proto3 zero value.
    public init(
        syncId: String = "",
        document: [UInt8] = [],
        contentType: String = "",
        hash: String = "",
        version: String = "",
        fileName: String = ""
    ) {
        self.syncId = syncId
        self.document = document
        self.contentType = contentType
        self.hash = hash
        self.version = version
        self.fileName = fileName
    }
}

/// One attempt in a push item's history.
public struct PushAttempt: Sendable, Hashable {
    /// 1 for the first attempt.
    public var number: Int32
    public var attemptedAtMs: Int64
    /// PENDING while an attempt is leased and not yet answered.
    public var outcome: PushItemStatus
    public var errorMessage: String
    public var trigger: AttemptTrigger
    /// Who caused the attempt: "sync-engine" for initial pushes, the
    /// requester's identity for retries.
    public var actor: String
    /// The key the connector used to deduplicate this attempt.
    public var idempotencyKey: String
    /// The retry job that made this attempt; empty for initial pushes.
    public var retryJobId: String
    /// The reason given for the retry, if any.
    public var reason: String

    /// Creates the message; every field defaults to its proto3 zero value.
    public init(
        number: Int32 = 0,
        attemptedAtMs: Int64 = 0,
        outcome: PushItemStatus = .unspecified,
        errorMessage: String = "",
        trigger: AttemptTrigger = .unspecified,
        actor: String = "",
        idempotencyKey: String = "",
        retryJobId: String = "",
        reason: String = ""
    ) {
        self.number = number
        self.attemptedAtMs = attemptedAtMs
        self.outcome = outcome
        self.errorMessage = errorMessage
        self.trigger = trigger
        self.actor = actor
        self.idempotencyKey = idempotencyKey
        self.retryJobId = retryJobId
        self.reason = reason
    }
}

/// One accounting record a sync pushes (an invoice, a credit note, ...).
public struct PushItem: Sendable, Hashable {
    public var itemId: String
    public var syncId: String
    /// The record's id in SyncHealth's core data (e.g. the order id).
    public var coreId: String
    /// Data type key: invoices, creditNotes, payments, journalEntries,
    /// expenses, bills, ...
    public var dataType: String
    public var status: PushItemStatus
    /// The latest error, empty unless status is FAILED or TIMED_OUT.
    public var errorMessage: String
    public var attemptCount: Int32
    public var lastAttemptAtMs: Int64
    /// The record's id in the accounting platform once pushed.
    public var targetRecordId: String
    /// False when the connector said retrying cannot help.
    public var retryable: Bool
    /// The attempt history, oldest first; only filled when asked for.
    public var attempts: [PushAttempt]

    /// Creates the message; every field defaults to its proto3 zero value.
    public init(
        itemId: String = "",
        syncId: String = "",
        coreId: String = "",
        dataType: String = "",
        status: PushItemStatus = .unspecified,
        errorMessage: String = "",
        attemptCount: Int32 = 0,
        lastAttemptAtMs: Int64 = 0,
        targetRecordId: String = "",
        retryable: Bool = false,
        attempts: [PushAttempt] = []
    ) {
        self.itemId = itemId
        self.syncId = syncId
        self.coreId = coreId
        self.dataType = dataType
        self.status = status
        self.errorMessage = errorMessage
        self.attemptCount = attemptCount
        self.lastAttemptAtMs = lastAttemptAtMs
        self.targetRecordId = targetRecordId
        self.retryable = retryable
        self.attempts = attempts
    }
}

/// `synchealth.v1.RetryJobState`.
public enum RetryJobState: Sendable, Hashable {
    case unspecified
    case queued
    case running
    case succeeded
    case partiallyFailed
    case failed
    case cancelled
    /// A value this version does not know; kept so it round-trips.
    case unrecognized(Int32)

    /// Every value this version knows.
    public static let allKnown: [RetryJobState] = [.unspecified, .queued, .running, .succeeded, .partiallyFailed, .failed, .cancelled]

    /// Maps a wire number to its case; unknown numbers become `.unrecognized`.
    public init(rawValue: Int32) {
        switch rawValue {
        case 0: self = .unspecified
        case 1: self = .queued
        case 2: self = .running
        case 3: self = .succeeded
        case 4: self = .partiallyFailed
        case 5: self = .failed
        case 6: self = .cancelled
        default: self = .unrecognized(rawValue)
        }
    }

    /// The wire number.
    public var rawValue: Int32 {
        switch self {
        case .unspecified: return 0
        case .queued: return 1
        case .running: return 2
        case .succeeded: return 3
        case .partiallyFailed: return 4
        case .failed: return 5
        case .cancelled: return 6
        case .unrecognized(let value): return value
        }
    }
}

/// Retry one sync's failed items, optionally narrowed.
public struct SyncRetryScope: Sendable, Hashable {
    public var syncId: String
    /// Only these items; empty means every failed item of the sync.
    public var itemIds: [String]
    /// Only items of these data types; empty means all.
    public var dataTypes: [String]

    /// Creates the message; every field defaults to its proto3 zero value.
    public init(
        syncId: String = "",
        itemIds: [String] = [],
        dataTypes: [String] = []
    ) {
        self.syncId = syncId
        self.itemIds = itemIds
        self.dataTypes = dataTypes
    }
}

/// Retry the failed items of every sync matching a filter.
public struct FilterRetryScope: Sendable, Hashable {
    public var statusCodes: [SyncStatusCode]
    public var targetPlatform: String
    public var companyId: String
    /// Sync start time range: from inclusive, to exclusive; 0 = unbounded.
    public var startedFromMs: Int64
    public var startedToMs: Int64
    public var dataTypes: [String]
    public var sourcePlatform: String
    public var product: Product

    /// Creates the message; every field defaults to its proto3 zero value.
    public init(
        statusCodes: [SyncStatusCode] = [],
        targetPlatform: String = "",
        companyId: String = "",
        startedFromMs: Int64 = 0,
        startedToMs: Int64 = 0,
        dataTypes: [String] = [],
        sourcePlatform: String = "",
        product: Product = .unspecified
    ) {
        self.statusCodes = statusCodes
        self.targetPlatform = targetPlatform
        self.companyId = companyId
        self.startedFromMs = startedFromMs
        self.startedToMs = startedToMs
        self.dataTypes = dataTypes
        self.sourcePlatform = sourcePlatform
        self.product = product
    }
}

/// `synchealth.v1.RetryScope`.
public struct RetryScope: Sendable, Hashable {
    /// The `scope` oneof.
    public enum Scope: Sendable, Hashable {
        case sync(SyncRetryScope)
        case filter(FilterRetryScope)
    }
    public var scope: Scope?

    /// Creates the message; every field defaults to its proto3 zero value.
    public init(
        scope: Scope? = nil
    ) {
        self.scope = scope
    }
}

/// `synchealth.v1.RetryCounts`.
public struct RetryCounts: Sendable, Hashable {
    public var total: Int64
    public var succeeded: Int64
    public var failed: Int64
    public var pending: Int64
    public var skipped: Int64

    /// Creates the message; every field defaults to its proto3 zero value.
    public init(
        total: Int64 = 0,
        succeeded: Int64 = 0,
        failed: Int64 = 0,
        pending: Int64 = 0,
        skipped: Int64 = 0
    ) {
        self.total = total
        self.succeeded = succeeded
        self.failed = failed
        self.pending = pending
        self.skipped = skipped
    }
}

/// A request to retry a set of failed push items, run by the retry executor.
public struct RetryJob: Sendable, Hashable {
    public var jobId: String
    public var state: RetryJobState
    public var scope: RetryScope?
    public var counts: RetryCounts?
    /// Identity of the caller that asked for the retry.
    public var requestedBy: String
    public var reason: String
    public var createdAtMs: Int64
    /// 0 until a worker starts the job.
    public var startedAtMs: Int64
    /// 0 until the job ends.
    public var finishedAtMs: Int64
    public var idempotencyKey: String
    /// Non-retryable items were retried on request.
    public var force: Bool
    public var cancelledBy: String

    /// Creates the message; every field defaults to its proto3 zero value.
    public init(
        jobId: String = "",
        state: RetryJobState = .unspecified,
        scope: RetryScope? = nil,
        counts: RetryCounts? = nil,
        requestedBy: String = "",
        reason: String = "",
        createdAtMs: Int64 = 0,
        startedAtMs: Int64 = 0,
        finishedAtMs: Int64 = 0,
        idempotencyKey: String = "",
        force: Bool = false,
        cancelledBy: String = ""
    ) {
        self.jobId = jobId
        self.state = state
        self.scope = scope
        self.counts = counts
        self.requestedBy = requestedBy
        self.reason = reason
        self.createdAtMs = createdAtMs
        self.startedAtMs = startedAtMs
        self.finishedAtMs = finishedAtMs
        self.idempotencyKey = idempotencyKey
        self.force = force
        self.cancelledBy = cancelledBy
    }
}
