import SyncHealthStorage
import SyncHealthWire

/// A planned push item listing (one sync's items, by data type then item id).
struct PushItemListPlan: Sendable {
    var syncId: String
    var pageSize: Int
    var includeAttempts: Bool
    var fingerprint: [UInt8]
    /// Rows of this page plus one, to tell whether another page follows.
    var page: SQLQuery
    /// The count over all pages; nil unless asked for.
    var count: SQLQuery?

    /// The token for the page after one that ended with `last`.
    func nextPageToken(after last: PushItem) -> String {
        PageToken.encode(
            PageCursor(key: .text(last.dataType), tiebreak: last.itemId),
            kind: .pushItems, fingerprint: fingerprint)
    }
}

/// Turns ListPushItems requests into SQL. Pure, like `SyncQueryPlanner`.
///
/// The sync is matched by a scalar subquery on its unique sync_id, so the
/// plan depends on the request alone; the store checks the sync exists first
/// to answer NOT_FOUND.
enum PushItemQueryPlanner {
    static func plan(_ request: ListPushItemsRequest) throws(RPCError) -> PushItemListPlan {
        try FieldRules.identifier(request.syncId, "sync_id")
        let pageSize = try FieldRules.pageSize(request.pageSize)
        try FieldRules.length(request.search, "search", maxBytes: Limits.maxSearchBytes)
        try FieldRules.filterCount(request.dataTypes.count, "data_types")
        for dataType in request.dataTypes {
            if dataType.isEmpty { throw .invalidArgument("data_types must not hold empty values") }
            try FieldRules.key(dataType, "data_types", maxBytes: Limits.maxDataTypeBytes)
        }
        try FieldRules.filterCount(request.statuses.count, "statuses")
        for status in request.statuses where !status.isKnownStatus {
            throw .invalidArgument("statuses must hold known push item statuses (got \(status.rawValue))")
        }
        let dataTypes = Set(request.dataTypes).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        let statuses = Set(request.statuses.map { Int64($0.rawValue) }).sorted()

        var fingerprintBuilder = FilterFingerprint(kind: .pushItems)
        fingerprintBuilder.add(request.syncId)
        fingerprintBuilder.add(request.search)
        fingerprintBuilder.add(dataTypes)
        fingerprintBuilder.add(statuses)
        let fingerprint = fingerprintBuilder.bytes

        var conditions = ["sync_ref = (SELECT id FROM syncs WHERE sync_id = ?)"]
        var arguments: [SQLValue] = [.text(request.syncId)]
        if !request.search.isEmpty {
            let (lower, upper) = PrefixRange.arguments(request.search)
            conditions.append("((core_id >= ? AND core_id < ?) OR data_type = ?)")
            arguments += [lower, upper, .text(request.search)]
        }
        if !dataTypes.isEmpty {
            conditions.append("data_type IN (\(SyncQueryPlanner.placeholders(dataTypes.count)))")
            arguments += dataTypes.map(SQLValue.text)
        }
        if !statuses.isEmpty {
            conditions.append("status IN (\(SyncQueryPlanner.placeholders(statuses.count)))")
            arguments += statuses.map(SQLValue.integer)
        }
        let count = request.includeTotal ? SQLQuery(
            "SELECT count(*) FROM push_items WHERE \(conditions.joined(separator: " AND "))", arguments) : nil

        if !request.pageToken.isEmpty {
            let cursor = try PageToken.decode(request.pageToken, kind: .pushItems, fingerprint: fingerprint)
            guard case .text(let dataType) = cursor.key else { throw PageToken.invalid }
            conditions.append("(data_type, item_id) > (?, ?)")
            arguments += [.text(dataType), .text(cursor.tiebreak)]
        }
        arguments.append(.integer(Int64(pageSize) + 1))
        let sql = """
            SELECT \(PushItemRow.columns) FROM push_items \
            WHERE \(conditions.joined(separator: " AND ")) \
            ORDER BY data_type ASC, item_id ASC LIMIT ?
            """
        return PushItemListPlan(
            syncId: request.syncId, pageSize: pageSize, includeAttempts: request.includeAttempts,
            fingerprint: fingerprint, page: SQLQuery(sql, arguments), count: count)
    }
}
