// Swift value types for proto/synchealth/v1/history.proto.
// Conversion to and from protobuf-c lives in ../ProtobufC/.

/// `synchealth.v1.SyncSortField`.
public enum SyncSortField: Sendable, Hashable {
    /// Same as STARTED_AT.
    case unspecified
    case startedAt
    /// Syncs still in progress sort as if they end at the end of time.
    case finishedAt
    /// finished - started; in-progress syncs sort as the longest.
    case duration
    case statusCode
    case company
    /// A value this version does not know; kept so it round-trips.
    case unrecognized(Int32)

    /// Every value this version knows.
    public static let allKnown: [SyncSortField] = [.unspecified, .startedAt, .finishedAt, .duration, .statusCode, .company]

    /// Maps a wire number to its case; unknown numbers become `.unrecognized`.
    public init(rawValue: Int32) {
        switch rawValue {
        case 0: self = .unspecified
        case 1: self = .startedAt
        case 2: self = .finishedAt
        case 3: self = .duration
        case 4: self = .statusCode
        case 5: self = .company
        default: self = .unrecognized(rawValue)
        }
    }

    /// The wire number.
    public var rawValue: Int32 {
        switch self {
        case .unspecified: return 0
        case .startedAt: return 1
        case .finishedAt: return 2
        case .duration: return 3
        case .statusCode: return 4
        case .company: return 5
        case .unrecognized(let value): return value
        }
    }
}

/// `synchealth.v1.SortOrder`.
public enum SortOrder: Sendable, Hashable {
    /// Same as DESCENDING (newest first).
    case unspecified
    case ascending
    case descending
    /// A value this version does not know; kept so it round-trips.
    case unrecognized(Int32)

    /// Every value this version knows.
    public static let allKnown: [SortOrder] = [.unspecified, .ascending, .descending]

    /// Maps a wire number to its case; unknown numbers become `.unrecognized`.
    public init(rawValue: Int32) {
        switch rawValue {
        case 0: self = .unspecified
        case 1: self = .ascending
        case 2: self = .descending
        default: self = .unrecognized(rawValue)
        }
    }

    /// The wire number.
    public var rawValue: Int32 {
        switch self {
        case .unspecified: return 0
        case .ascending: return 1
        case .descending: return 2
        case .unrecognized(let value): return value
        }
    }
}

/// A count that is present only when it was asked for.
public struct Count: Sendable, Hashable {
    public var value: Int64

    /// Creates the message; every field defaults to its proto3 zero value.
    public init(
        value: Int64 = 0
    ) {
        self.value = value
    }
}

/// `synchealth.v1.ListSyncsRequest`.
public struct ListSyncsRequest: Sendable, Hashable {
    /// Matches a sync ID or a company ID, exactly or as a prefix.
    public var search: String
    public var companyId: String
    /// Start-time range: from inclusive, to exclusive; 0 = unbounded.
    public var startedFromMs: Int64
    public var startedToMs: Int64
    /// Any of these status codes (OR'ed with categories); empty = all.
    public var statusCodes: [SyncStatusCode]
    public var categories: [StatusCategory]
    public var product: Product
    public var sourcePlatform: String
    public var targetPlatform: String
    public var sortBy: SyncSortField
    public var order: SortOrder
    /// Default 50, at most 500.
    public var pageSize: Int32
    /// Opaque token from a previous response; the other fields must be the
    /// same as in the call that returned it.
    public var pageToken: String
    public var includeTotal: Bool
    /// Only syncs with an error standing in this group (ErrorGroup.group_id);
    /// empty = all.
    public var errorGroupId: String

    /// Creates the message; every field defaults to its proto3 zero value.
    public init(
        search: String = "",
        companyId: String = "",
        startedFromMs: Int64 = 0,
        startedToMs: Int64 = 0,
        statusCodes: [SyncStatusCode] = [],
        categories: [StatusCategory] = [],
        product: Product = .unspecified,
        sourcePlatform: String = "",
        targetPlatform: String = "",
        sortBy: SyncSortField = .unspecified,
        order: SortOrder = .unspecified,
        pageSize: Int32 = 0,
        pageToken: String = "",
        includeTotal: Bool = false,
        errorGroupId: String = ""
    ) {
        self.search = search
        self.companyId = companyId
        self.startedFromMs = startedFromMs
        self.startedToMs = startedToMs
        self.statusCodes = statusCodes
        self.categories = categories
        self.product = product
        self.sourcePlatform = sourcePlatform
        self.targetPlatform = targetPlatform
        self.sortBy = sortBy
        self.order = order
        self.pageSize = pageSize
        self.pageToken = pageToken
        self.includeTotal = includeTotal
        self.errorGroupId = errorGroupId
    }
}

/// `synchealth.v1.ListSyncsResponse`.
public struct ListSyncsResponse: Sendable, Hashable {
    public var syncs: [Sync]
    /// Empty on the last page.
    public var nextPageToken: String
    /// Present when include_total was set: all matches, over all pages.
    public var total: Count?

    /// Creates the message; every field defaults to its proto3 zero value.
    public init(
        syncs: [Sync] = [],
        nextPageToken: String = "",
        total: Count? = nil
    ) {
        self.syncs = syncs
        self.nextPageToken = nextPageToken
        self.total = total
    }
}

/// `synchealth.v1.GetSyncRequest`.
public struct GetSyncRequest: Sendable, Hashable {
    public var syncId: String

    /// Creates the message; every field defaults to its proto3 zero value.
    public init(
        syncId: String = ""
    ) {
        self.syncId = syncId
    }
}

/// `synchealth.v1.DataTypeCounts`.
public struct DataTypeCounts: Sendable, Hashable {
    public var dataType: String
    public var counts: ItemCounts?

    /// Creates the message; every field defaults to its proto3 zero value.
    public init(
        dataType: String = "",
        counts: ItemCounts? = nil
    ) {
        self.dataType = dataType
        self.counts = counts
    }
}

/// `synchealth.v1.RetrySummary`.
public struct RetrySummary: Sendable, Hashable {
    /// Retry jobs that touched this sync.
    public var jobs: Int64
    /// Retry attempts made on this sync's items.
    public var retriedAttempts: Int64
    /// Items that succeeded after a retry.
    public var recoveredItems: Int64
    public var lastRetryAtMs: Int64
    public var lastJobId: String

    /// Creates the message; every field defaults to its proto3 zero value.
    public init(
        jobs: Int64 = 0,
        retriedAttempts: Int64 = 0,
        recoveredItems: Int64 = 0,
        lastRetryAtMs: Int64 = 0,
        lastJobId: String = ""
    ) {
        self.jobs = jobs
        self.retriedAttempts = retriedAttempts
        self.recoveredItems = recoveredItems
        self.lastRetryAtMs = lastRetryAtMs
        self.lastJobId = lastJobId
    }
}

/// `synchealth.v1.GetSyncResponse`.
public struct GetSyncResponse: Sendable, Hashable {
    public var sync: Sync?
    /// Item counts per data type, ordered by data type.
    public var dataTypes: [DataTypeCounts]
    public var retries: RetrySummary?

    /// Creates the message; every field defaults to its proto3 zero value.
    public init(
        sync: Sync? = nil,
        dataTypes: [DataTypeCounts] = [],
        retries: RetrySummary? = nil
    ) {
        self.sync = sync
        self.dataTypes = dataTypes
        self.retries = retries
    }
}

/// `synchealth.v1.GetSyncConfigRequest`.
public struct GetSyncConfigRequest: Sendable, Hashable {
    public var syncId: String
    /// Also compare the configuration with the baseline: the one of the
    /// company's last successful sync before this one (see `ConfigDiff`).
    public var includeDiff: Bool

    /// Creates the message; every field defaults to its proto3 zero value.
    public init(
        syncId: String = "",
        includeDiff: Bool = false
    ) {
        self.syncId = syncId
        self.includeDiff = includeDiff
    }
}

/// `synchealth.v1.GetSyncConfigResponse`.
public struct GetSyncConfigResponse: Sendable, Hashable {
    public var config: SyncConfig?
    /// Present when include_diff was set.
    public var diff: ConfigDiff?

    /// Creates the message; every field defaults to its proto3 zero value.
    public init(
        config: SyncConfig? = nil,
        diff: ConfigDiff? = nil
    ) {
        self.config = config
        self.diff = diff
    }
}

/// `synchealth.v1.ListPushItemsRequest`.
public struct ListPushItemsRequest: Sendable, Hashable {
    public var syncId: String
    /// Matches a core ID exactly or as a prefix, or a data type exactly.
    public var search: String
    public var dataTypes: [String]
    /// Any of these statuses; empty = all.
    public var statuses: [PushItemStatus]
    /// Default 50, at most 500.
    public var pageSize: Int32
    public var pageToken: String
    public var includeAttempts: Bool
    public var includeTotal: Bool

    /// Creates the message; every field defaults to its proto3 zero value.
    public init(
        syncId: String = "",
        search: String = "",
        dataTypes: [String] = [],
        statuses: [PushItemStatus] = [],
        pageSize: Int32 = 0,
        pageToken: String = "",
        includeAttempts: Bool = false,
        includeTotal: Bool = false
    ) {
        self.syncId = syncId
        self.search = search
        self.dataTypes = dataTypes
        self.statuses = statuses
        self.pageSize = pageSize
        self.pageToken = pageToken
        self.includeAttempts = includeAttempts
        self.includeTotal = includeTotal
    }
}

/// `synchealth.v1.ListPushItemsResponse`.
public struct ListPushItemsResponse: Sendable, Hashable {
    public var items: [PushItem]
    public var nextPageToken: String
    public var total: Count?

    /// Creates the message; every field defaults to its proto3 zero value.
    public init(
        items: [PushItem] = [],
        nextPageToken: String = "",
        total: Count? = nil
    ) {
        self.items = items
        self.nextPageToken = nextPageToken
        self.total = total
    }
}

/// `synchealth.v1.GetDashboardRequest`.
public struct GetDashboardRequest: Sendable, Hashable {
    /// Start-time range: from inclusive, to exclusive. Required.
    public var fromMs: Int64
    public var toMs: Int64
    public var companyId: String
    public var product: Product
    public var sourcePlatform: String
    public var targetPlatform: String

    /// Creates the message; every field defaults to its proto3 zero value.
    public init(
        fromMs: Int64 = 0,
        toMs: Int64 = 0,
        companyId: String = "",
        product: Product = .unspecified,
        sourcePlatform: String = "",
        targetPlatform: String = ""
    ) {
        self.fromMs = fromMs
        self.toMs = toMs
        self.companyId = companyId
        self.product = product
        self.sourcePlatform = sourcePlatform
        self.targetPlatform = targetPlatform
    }
}

/// `synchealth.v1.CategoryCount`.
public struct CategoryCount: Sendable, Hashable {
    public var category: StatusCategory
    public var count: Int64

    /// Creates the message; every field defaults to its proto3 zero value.
    public init(
        category: StatusCategory = .unspecified,
        count: Int64 = 0
    ) {
        self.category = category
        self.count = count
    }
}

/// `synchealth.v1.StatusCodeCount`.
public struct StatusCodeCount: Sendable, Hashable {
    public var statusCode: SyncStatusCode
    public var count: Int64

    /// Creates the message; every field defaults to its proto3 zero value.
    public init(
        statusCode: SyncStatusCode = .unspecified,
        count: Int64 = 0
    ) {
        self.statusCode = statusCode
        self.count = count
    }
}

/// Syncs started on one UTC day, by category.
public struct DailyBucket: Sendable, Hashable {
    /// Midnight UTC of the day.
    public var dayStartMs: Int64
    public var inProgress: Int64
    public var succeeded: Int64
    public var failed: Int64

    /// Creates the message; every field defaults to its proto3 zero value.
    public init(
        dayStartMs: Int64 = 0,
        inProgress: Int64 = 0,
        succeeded: Int64 = 0,
        failed: Int64 = 0
    ) {
        self.dayStartMs = dayStartMs
        self.inProgress = inProgress
        self.succeeded = succeeded
        self.failed = failed
    }
}

/// `synchealth.v1.GetDashboardResponse`.
public struct GetDashboardResponse: Sendable, Hashable {
    public var totalSyncs: Int64
    public var byCategory: [CategoryCount]
    public var byStatusCode: [StatusCodeCount]
    /// Succeeded / (succeeded + failed); 0 when nothing finished.
    public var successRate: Double
    public var days: [DailyBucket]
    public var items: ItemCounts?
    public var itemsByDataType: [DataTypeCounts]
    /// The five error groups with the most occurrences in the range and
    /// filters, as ListErrorGroups would list them first.
    public var topErrorGroups: [ErrorGroup]

    /// Creates the message; every field defaults to its proto3 zero value.
    public init(
        totalSyncs: Int64 = 0,
        byCategory: [CategoryCount] = [],
        byStatusCode: [StatusCodeCount] = [],
        successRate: Double = 0,
        days: [DailyBucket] = [],
        items: ItemCounts? = nil,
        itemsByDataType: [DataTypeCounts] = [],
        topErrorGroups: [ErrorGroup] = []
    ) {
        self.totalSyncs = totalSyncs
        self.byCategory = byCategory
        self.byStatusCode = byStatusCode
        self.successRate = successRate
        self.days = days
        self.items = items
        self.itemsByDataType = itemsByDataType
        self.topErrorGroups = topErrorGroups
    }
}

/// `synchealth.v1.ListCompanySyncsRequest`.
public struct ListCompanySyncsRequest: Sendable, Hashable {
    public var companyId: String
    /// Start-time range: from inclusive, to exclusive; 0 = unbounded.
    public var startedFromMs: Int64
    public var startedToMs: Int64
    /// Default 50, at most 500.
    public var pageSize: Int32
    public var pageToken: String

    /// Creates the message; every field defaults to its proto3 zero value.
    public init(
        companyId: String = "",
        startedFromMs: Int64 = 0,
        startedToMs: Int64 = 0,
        pageSize: Int32 = 0,
        pageToken: String = ""
    ) {
        self.companyId = companyId
        self.startedFromMs = startedFromMs
        self.startedToMs = startedToMs
        self.pageSize = pageSize
        self.pageToken = pageToken
    }
}

/// A sync as the customer sees it: no internal error text, no configuration.
public struct CompanySync: Sendable, Hashable {
    public var syncId: String
    public var product: Product
    public var startedAtMs: Int64
    public var finishedAtMs: Int64
    public var dataFromMs: Int64
    public var dataToMs: Int64
    public var category: StatusCategory
    public var statusCode: SyncStatusCode
    /// Client-friendly words for the status.
    public var statusDescription: String

    /// Creates the message; every field defaults to its proto3 zero value.
    public init(
        syncId: String = "",
        product: Product = .unspecified,
        startedAtMs: Int64 = 0,
        finishedAtMs: Int64 = 0,
        dataFromMs: Int64 = 0,
        dataToMs: Int64 = 0,
        category: StatusCategory = .unspecified,
        statusCode: SyncStatusCode = .unspecified,
        statusDescription: String = ""
    ) {
        self.syncId = syncId
        self.product = product
        self.startedAtMs = startedAtMs
        self.finishedAtMs = finishedAtMs
        self.dataFromMs = dataFromMs
        self.dataToMs = dataToMs
        self.category = category
        self.statusCode = statusCode
        self.statusDescription = statusDescription
    }
}

/// `synchealth.v1.ListCompanySyncsResponse`.
public struct ListCompanySyncsResponse: Sendable, Hashable {
    public var syncs: [CompanySync]
    public var nextPageToken: String

    /// Creates the message; every field defaults to its proto3 zero value.
    public init(
        syncs: [CompanySync] = [],
        nextPageToken: String = ""
    ) {
        self.syncs = syncs
        self.nextPageToken = nextPageToken
    }
}
