import SyncHealthWire

/// What a sync listing sorts by: a stored column and the type of its key.
enum SyncSortColumn: Sendable, Equatable {
    case startedAt, finishedAt, duration, statusCode, company

    /// The indexed column (never NULL) that carries the sort key.
    var column: String {
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
    func key(of sync: Sync) -> PageCursor.Key {
        let inProgress = sync.finishedAtMs == 0
        switch self {
        case .startedAt: return .integer(sync.startedAtMs)
        case .finishedAt: return .integer(inProgress ? Schema.endOfTime : sync.finishedAtMs)
        case .duration: return .integer(inProgress ? Schema.endOfTime : sync.finishedAtMs - sync.startedAtMs)
        case .statusCode: return .integer(Int64(sync.statusCode.rawValue))
        case .company: return .text(sync.companyId)
        }
    }

    /// True when the key is text (the cursor must hold text, not an integer).
    var isText: Bool { self == .company }
}

/// The filters of a sync listing, validated. nil / empty means "no filter".
struct SyncFilter: Sendable, Equatable {
    var searchPrefix: String?
    var companyId: String?
    var startedFrom: Int64?
    var startedTo: Int64?
    var statusCodes: [Int64] = []
    var categories: [Int64] = []
    var product: Int64?
    var sourcePlatform: String?
    var targetPlatform: String?
    /// Only syncs with an occurrence in this error group (`sync_error_groups`).
    var errorGroupId: String?
}

/// A planned sync listing: the SQL for one page and for the total, plus what
/// is needed to make the next page token.
struct SyncListPlan: Sendable {
    var kind: PageTokenKind
    var sort: SyncSortColumn
    var ascending: Bool
    var pageSize: Int
    var fingerprint: [UInt8]
    /// Rows of this page, plus one extra to tell whether another page follows.
    var page: SQLQuery
    /// The count over all pages; nil unless the request asked for it.
    var count: SQLQuery?

    /// The token for the page after one that ended with `last`.
    func nextPageToken(after last: Sync) -> String {
        PageToken.encode(
            PageCursor(key: sort.key(of: last), tiebreak: last.syncId),
            kind: kind, fingerprint: fingerprint)
    }
}
