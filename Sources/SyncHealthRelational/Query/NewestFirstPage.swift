import SyncHealthStorage
import SyncHealthWire

/// One page of a newest-first listing keyed by `(created_at, <id>)`, with
/// keyset pagination: the shape the retry-job and alert-delivery listings
/// share. Pure: builds the SQL, and cuts the rows into a page and the token
/// of the next one.
struct NewestFirstPage {
    var pageSize: Int
    var kind: PageTokenKind
    var fingerprint: [UInt8]
    /// The page plus one row, to tell whether another page follows.
    var query: SQLQuery

    /// - Parameters:
    ///   - conditions: the request's filters, ANDed, with their `arguments`.
    ///   - fingerprint: the filters' fingerprint, so a token is refused by
    ///     a request with other filters.
    init(
        select columns: String, from table: String, id: String, conditions: [String], arguments: [SQLValue],
        pageSize: Int, pageToken: String, kind: PageTokenKind, fingerprint: [UInt8]
    ) throws(RPCError) {
        self.pageSize = pageSize
        self.kind = kind
        self.fingerprint = fingerprint
        var conditions = conditions
        var arguments = arguments
        if !pageToken.isEmpty {
            let cursor = try PageToken.decode(pageToken, kind: kind, fingerprint: fingerprint)
            guard case .integer(let createdAt) = cursor.key else { throw PageToken.invalid }
            conditions.append("(created_at, \(id)) < (?, ?)")
            arguments += [.integer(createdAt), .text(cursor.tiebreak)]
        }
        arguments.append(.integer(Int64(pageSize) + 1))
        query = SQLQuery("""
            SELECT \(columns) FROM \(table) \
            WHERE \(conditions.isEmpty ? "TRUE" : conditions.joined(separator: " AND ")) \
            ORDER BY created_at DESC, \(id) DESC LIMIT ?
            """, arguments)
    }

    /// `rows` (as `query` returned them) cut to the page, and the token of
    /// the next page ("" on the last one).
    func cut<Row>(_ rows: [Row], key: (Row) -> (createdAt: Int64, id: String)) -> (rows: [Row], nextPageToken: String) {
        guard rows.count > pageSize else { return (rows, "") }
        let page = Array(rows.prefix(pageSize))
        let token = page.last.map {
            let (createdAt, id) = key($0)
            return PageToken.encode(PageCursor(key: .integer(createdAt), tiebreak: id), kind: kind, fingerprint: fingerprint)
        } ?? ""
        return (page, token)
    }
}
