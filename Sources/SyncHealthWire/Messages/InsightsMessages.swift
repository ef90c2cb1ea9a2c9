// Swift value types for proto/synchealth/v1/history.proto: error groups
// (ListErrorGroups) and the configuration diff of GetSyncConfig.
// Conversion to and from protobuf-c lives in ../ProtobufC/.

/// `synchealth.v1.ConfigChangeKind`.
public enum ConfigChangeKind: Sendable, Hashable {
    case unspecified
    /// Present in this sync's configuration, absent from the baseline.
    case added
    /// Present in the baseline, absent from this sync's configuration.
    case removed
    case changed
    /// A value this version does not know; kept so it round-trips.
    case unrecognized(Int32)

    /// Every value this version knows.
    public static let allKnown: [ConfigChangeKind] = [.unspecified, .added, .removed, .changed]

    /// Maps a wire number to its case; unknown numbers become `.unrecognized`.
    public init(rawValue: Int32) {
        switch rawValue {
        case 0: self = .unspecified
        case 1: self = .added
        case 2: self = .removed
        case 3: self = .changed
        default: self = .unrecognized(rawValue)
        }
    }

    /// The wire number.
    public var rawValue: Int32 {
        switch self {
        case .unspecified: return 0
        case .added: return 1
        case .removed: return 2
        case .changed: return 3
        case .unrecognized(let value): return value
        }
    }
}

/// `synchealth.v1.ConfigDiffState`.
public enum ConfigDiffState: Sendable, Hashable {
    /// Not asked for.
    case unspecified
    /// Compared with the baseline; no changes means the same configuration.
    case compared
    /// The company has no earlier successful sync of the same product with a
    /// recorded configuration: there is nothing to compare with.
    case noBaseline
    /// A value this version does not know; kept so it round-trips.
    case unrecognized(Int32)

    /// Every value this version knows.
    public static let allKnown: [ConfigDiffState] = [.unspecified, .compared, .noBaseline]

    /// Maps a wire number to its case; unknown numbers become `.unrecognized`.
    public init(rawValue: Int32) {
        switch rawValue {
        case 0: self = .unspecified
        case 1: self = .compared
        case 2: self = .noBaseline
        default: self = .unrecognized(rawValue)
        }
    }

    /// The wire number.
    public var rawValue: Int32 {
        switch self {
        case .unspecified: return 0
        case .compared: return 1
        case .noBaseline: return 2
        case .unrecognized(let value): return value
        }
    }
}

/// One difference between the baseline configuration and this sync's.
public struct ConfigChange: Sendable, Hashable {
    /// JSONPath of the value: "$" is the whole document, "$.mappings.tax[2]"
    /// an element, `$["odd key"]` a key that is not an identifier.
    public var path: String
    public var kind: ConfigChangeKind
    /// The values as compact JSON text, or the documents' text when they were
    /// compared as text. Empty for the side that does not exist. Cut at 1024
    /// bytes, ending in "…" when cut.
    public var oldValue: String
    public var newValue: String

    /// Creates the message; every field defaults to its proto3 zero value.
    public init(
        path: String = "",
        kind: ConfigChangeKind = .unspecified,
        oldValue: String = "",
        newValue: String = ""
    ) {
        self.path = path
        self.kind = kind
        self.oldValue = oldValue
        self.newValue = newValue
    }
}

/// This sync's configuration against the baseline: the configuration of the
/// company's last successful sync (status category success) of the same
/// product that started before this one and has a configuration recorded.
public struct ConfigDiff: Sendable, Hashable {
    public var state: ConfigDiffState
    public var baselineSyncId: String
    public var baselineStartedAtMs: Int64
    /// SHA-256 (hex) of the baseline document; equal to this sync's hash
    /// exactly when there are no changes.
    public var baselineConfigHash: String
    /// Ordered by path (object keys in byte order, array elements by index).
    public var changes: [ConfigChange]
    /// True when the documents were not both JSON and were compared as text.
    public var comparedAsText: Bool
    /// True when there were more than 500 changes; `changes` holds the first 500.
    public var truncated: Bool

    /// Creates the message; every field defaults to its proto3 zero value.
    public init(
        state: ConfigDiffState = .unspecified,
        baselineSyncId: String = "",
        baselineStartedAtMs: Int64 = 0,
        baselineConfigHash: String = "",
        changes: [ConfigChange] = [],
        comparedAsText: Bool = false,
        truncated: Bool = false
    ) {
        self.state = state
        self.baselineSyncId = baselineSyncId
        self.baselineStartedAtMs = baselineStartedAtMs
        self.baselineConfigHash = baselineConfigHash
        self.changes = changes
        self.comparedAsText = comparedAsText
        self.truncated = truncated
    }
}

/// `synchealth.v1.ListErrorGroupsRequest`.
public struct ListErrorGroupsRequest: Sendable, Hashable {
    /// Start time of the syncs the errors belong to: from inclusive, to
    /// exclusive. Required; at most 400 days.
    public var startedFromMs: Int64
    public var startedToMs: Int64
    public var companyId: String
    public var targetPlatform: String
    public var product: Product
    public var sourcePlatform: String
    /// Default 50, at most 500.
    public var pageSize: Int32
    /// Opaque token from a previous response; the other fields must be the
    /// same as in the call that returned it.
    public var pageToken: String

    /// Creates the message; every field defaults to its proto3 zero value.
    public init(
        startedFromMs: Int64 = 0,
        startedToMs: Int64 = 0,
        companyId: String = "",
        targetPlatform: String = "",
        product: Product = .unspecified,
        sourcePlatform: String = "",
        pageSize: Int32 = 0,
        pageToken: String = ""
    ) {
        self.startedFromMs = startedFromMs
        self.startedToMs = startedToMs
        self.companyId = companyId
        self.targetPlatform = targetPlatform
        self.product = product
        self.sourcePlatform = sourcePlatform
        self.pageSize = pageSize
        self.pageToken = pageToken
    }
}

/// `synchealth.v1.PlatformCount`.
public struct PlatformCount: Sendable, Hashable {
    public var platform: String
    public var count: Int64

    /// Creates the message; every field defaults to its proto3 zero value.
    public init(
        platform: String = "",
        count: Int64 = 0
    ) {
        self.platform = platform
        self.count = count
    }
}

/// Errors that share a fingerprint: the same message once ids, numbers,
/// amounts, dates, e-mail addresses and quoted values are taken out. An
/// occurrence is one error message of a sync or one push item whose current
/// status is FAILED or TIMED_OUT; occurrences are dated by their sync's start.
public struct ErrorGroup: Sendable, Hashable {
    /// 16 hex digits: the start of the fingerprint's SHA-256. Stable.
    public var groupId: String
    /// The normalized message, e.g. "Invoice <id> total <num> does not match".
    public var fingerprint: String
    /// Occurrences in the range.
    public var count: Int64
    /// Start time of the earliest and the latest sync with an occurrence.
    public var firstSeenMs: Int64
    public var lastSeenMs: Int64
    public var companiesAffected: Int64
    /// The first message recorded with this fingerprint.
    public var exampleMessage: String
    /// The latest syncs with an occurrence, newest first; at most five.
    public var exampleSyncIds: [String]
    public var syncsAffected: Int64
    /// Occurrences that are push items (the rest are sync error messages).
    public var itemOccurrences: Int64
    /// Target platforms with the most occurrences, most first; at most three.
    public var topTargetPlatforms: [PlatformCount]

    /// Creates the message; every field defaults to its proto3 zero value.
    public init(
        groupId: String = "",
        fingerprint: String = "",
        count: Int64 = 0,
        firstSeenMs: Int64 = 0,
        lastSeenMs: Int64 = 0,
        companiesAffected: Int64 = 0,
        exampleMessage: String = "",
        exampleSyncIds: [String] = [],
        syncsAffected: Int64 = 0,
        itemOccurrences: Int64 = 0,
        topTargetPlatforms: [PlatformCount] = []
    ) {
        self.groupId = groupId
        self.fingerprint = fingerprint
        self.count = count
        self.firstSeenMs = firstSeenMs
        self.lastSeenMs = lastSeenMs
        self.companiesAffected = companiesAffected
        self.exampleMessage = exampleMessage
        self.exampleSyncIds = exampleSyncIds
        self.syncsAffected = syncsAffected
        self.itemOccurrences = itemOccurrences
        self.topTargetPlatforms = topTargetPlatforms
    }
}

/// `synchealth.v1.ListErrorGroupsResponse`.
public struct ListErrorGroupsResponse: Sendable, Hashable {
    /// Most occurrences first, then by group_id.
    public var groups: [ErrorGroup]
    /// Empty on the last page.
    public var nextPageToken: String

    /// Creates the message; every field defaults to its proto3 zero value.
    public init(
        groups: [ErrorGroup] = [],
        nextPageToken: String = ""
    ) {
        self.groups = groups
        self.nextPageToken = nextPageToken
    }
}
