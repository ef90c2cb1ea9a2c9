import SyncHealthStorage
import SyncHealthWire

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
