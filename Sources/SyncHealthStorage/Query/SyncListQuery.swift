package import SyncHealthWire

/// What a sync listing sorts by: a stored column and the type of its key.
package enum SyncSortColumn: Sendable, Equatable {
    case startedAt, finishedAt, duration, statusCode, company

    /// The sort key of an in-progress sync's finish time and duration: the
    /// end of time, so in-progress syncs sort after every finished one.
    /// Engines store the same value in their sort columns.
    package static let endOfTime = Int64.max

    /// The indexed column (never NULL) that carries the sort key.
    package var column: String {
        switch self {
        case .startedAt: return "started_at"
        case .finishedAt: return "sort_finished_at"
        case .duration: return "sort_duration"
        case .statusCode: return "status_code"
        case .company: return "company_id"
        }
    }

    /// The key of `sync` in this sort, as the cursor records it. Mirrors the
    /// generated columns: in-progress syncs end at the end of time.
    package func key(of sync: Sync) -> PageCursor.Key {
        let inProgress = sync.finishedAtMs == 0
        switch self {
        case .startedAt: return .integer(sync.startedAtMs)
        case .finishedAt: return .integer(inProgress ? SyncSortColumn.endOfTime : sync.finishedAtMs)
        case .duration: return .integer(inProgress ? SyncSortColumn.endOfTime : sync.finishedAtMs - sync.startedAtMs)
        case .statusCode: return .integer(Int64(sync.statusCode.rawValue))
        case .company: return .text(sync.companyId)
        }
    }

    /// True when the key is text (the cursor must hold text, not an integer).
    package var isText: Bool { self == .company }
}

/// The filters of a sync listing, validated. nil / empty means "no filter".
package struct SyncFilter: Sendable, Equatable {
    package var searchPrefix: String?
    package var companyId: String?
    package var startedFrom: Int64?
    package var startedTo: Int64?
    package var statusCodes: [Int64] = []
    package var categories: [Int64] = []
    package var product: Int64?
    package var sourcePlatform: String?
    package var targetPlatform: String?
    /// Only syncs with an occurrence in this error group (`sync_error_groups`).
    package var errorGroupId: String?

    /// Creates a value from its fields.
    package init(searchPrefix: String? = nil, companyId: String? = nil, startedFrom: Int64? = nil, startedTo: Int64? = nil, statusCodes: [Int64] = [], categories: [Int64] = [], product: Int64? = nil, sourcePlatform: String? = nil, targetPlatform: String? = nil, errorGroupId: String? = nil) {
        self.searchPrefix = searchPrefix
        self.companyId = companyId
        self.startedFrom = startedFrom
        self.startedTo = startedTo
        self.statusCodes = statusCodes
        self.categories = categories
        self.product = product
        self.sourcePlatform = sourcePlatform
        self.targetPlatform = targetPlatform
        self.errorGroupId = errorGroupId
    }
}
