import SyncHealthStorage
import SyncHealthWire

/// Turns ListSyncs and ListCompanySyncs requests into SQL. Pure: no
/// database, no clock; every input error is an INVALID_ARGUMENT `RPCError`.
enum SyncQueryPlanner {
    /// Validates `request` and plans its page and count queries.
    static func plan(_ request: ListSyncsRequest) throws(RPCError) -> SyncListPlan {
        let pageSize = try FieldRules.pageSize(request.pageSize)
        var filter = SyncFilter()
        if !request.search.isEmpty {
            try FieldRules.length(request.search, "search", maxBytes: Limits.maxSearchBytes)
            filter.searchPrefix = request.search
        }
        if !request.companyId.isEmpty {
            try FieldRules.identifier(request.companyId, "company_id")
            filter.companyId = request.companyId
        }
        try FieldRules.optionalRange(from: request.startedFromMs, to: request.startedToMs, "started")
        filter.startedFrom = request.startedFromMs == 0 ? nil : request.startedFromMs
        filter.startedTo = request.startedToMs == 0 ? nil : request.startedToMs
        try FieldRules.filterCount(request.statusCodes.count, "status_codes")
        for code in request.statusCodes where !code.isKnownStatus {
            throw .invalidArgument("status_codes must hold known status codes (got \(code.rawValue))")
        }
        filter.statusCodes = Set(request.statusCodes.map { Int64($0.rawValue) }).sorted()
        try FieldRules.filterCount(request.categories.count, "categories")
        for category in request.categories where !category.isKnownCategory {
            throw .invalidArgument("categories must hold known categories (got \(category.rawValue))")
        }
        filter.categories = Set(request.categories.map { Int64($0.rawValue) }).sorted()
        switch request.product {
        case .unspecified: break
        case .commerce, .expenses: filter.product = Int64(request.product.rawValue)
        case .unrecognized(let value): throw .invalidArgument("product \(value) is not known")
        }
        if !request.sourcePlatform.isEmpty {
            try FieldRules.key(request.sourcePlatform, "source_platform", maxBytes: Limits.maxPlatformKeyBytes)
            filter.sourcePlatform = request.sourcePlatform
        }
        if !request.targetPlatform.isEmpty {
            try FieldRules.key(request.targetPlatform, "target_platform", maxBytes: Limits.maxPlatformKeyBytes)
            filter.targetPlatform = request.targetPlatform
        }
        if !request.errorGroupId.isEmpty {
            guard ErrorFingerprint.isGroupId(request.errorGroupId) else {
                throw .invalidArgument("error_group_id must be \(ErrorFingerprint.groupIdLength) lower-case hex digits")
            }
            filter.errorGroupId = request.errorGroupId
        }
        let sort: SyncSortColumn
        switch request.sortBy {
        case .unspecified, .startedAt: sort = .startedAt
        case .finishedAt: sort = .finishedAt
        case .duration: sort = .duration
        case .statusCode: sort = .statusCode
        case .company: sort = .company
        case .unrecognized(let value): throw .invalidArgument("sort_by \(value) is not known")
        }
        let ascending: Bool
        switch request.order {
        case .unspecified, .descending: ascending = false
        case .ascending: ascending = true
        case .unrecognized(let value): throw .invalidArgument("order \(value) is not known")
        }
        return try plan(
            kind: .syncs, filter: filter, sort: sort, ascending: ascending, pageSize: pageSize,
            pageToken: request.pageToken, includeTotal: request.includeTotal)
    }

    /// Validates a customer's history request: one company, newest first.
    static func plan(_ request: ListCompanySyncsRequest) throws(RPCError) -> SyncListPlan {
        try FieldRules.identifier(request.companyId, "company_id")
        let pageSize = try FieldRules.pageSize(request.pageSize)
        try FieldRules.optionalRange(from: request.startedFromMs, to: request.startedToMs, "started")
        var filter = SyncFilter()
        filter.companyId = request.companyId
        filter.startedFrom = request.startedFromMs == 0 ? nil : request.startedFromMs
        filter.startedTo = request.startedToMs == 0 ? nil : request.startedToMs
        return try plan(
            kind: .companySyncs, filter: filter, sort: .startedAt, ascending: false,
            pageSize: pageSize, pageToken: request.pageToken, includeTotal: false)
    }

    static func plan(
        kind: PageTokenKind, filter: SyncFilter, sort: SyncSortColumn, ascending: Bool,
        pageSize: Int, pageToken: String, includeTotal: Bool
    ) throws(RPCError) -> SyncListPlan {
        let fingerprint = Self.fingerprint(kind: kind, filter: filter, sort: sort, ascending: ascending)
        var cursor: PageCursor?
        if !pageToken.isEmpty {
            let decoded = try PageToken.decode(pageToken, kind: kind, fingerprint: fingerprint)
            // The fingerprint covers the sort, so only a forged token gets here.
            guard sort.isText == (decoded.key.isText) else { throw PageToken.invalid }
            cursor = decoded
        }
        var (conditions, arguments) = Self.conditions(for: filter)
        let count = includeTotal ? SQLQuery(
            "SELECT count(*) FROM syncs WHERE \(conditions.isEmpty ? "TRUE" : conditions.joined(separator: " AND "))",
            arguments) : nil
        if let cursor {
            conditions.append("(\(sort.column), sync_id) \(ascending ? ">" : "<") (?, ?)")
            arguments += [cursor.key.sqlValue, .text(cursor.tiebreak)]
        }
        let direction = ascending ? "ASC" : "DESC"
        let sql = """
            SELECT \(SyncRow.columns) FROM syncs \
            WHERE \(conditions.isEmpty ? "TRUE" : conditions.joined(separator: " AND ")) \
            ORDER BY \(sort.column) \(direction), sync_id \(direction) LIMIT ?
            """
        arguments.append(.integer(Int64(pageSize) + 1))
        return SyncListPlan(
            kind: kind, sort: sort, ascending: ascending, pageSize: pageSize,
            fingerprint: fingerprint, page: SQLQuery(sql, arguments), count: count)
    }

    /// The WHERE conditions (AND'ed) and their arguments for `filter`.
    static func conditions(for filter: SyncFilter) -> ([String], [SQLValue]) {
        var conditions: [String] = []
        var arguments: [SQLValue] = []
        if let prefix = filter.searchPrefix {
            let (lower, upper) = PrefixRange.arguments(prefix)
            conditions.append("((sync_id >= ? AND sync_id < ?) OR (company_id >= ? AND company_id < ?))")
            arguments += [lower, upper, lower, upper]
        }
        if let company = filter.companyId {
            conditions.append("company_id = ?")
            arguments.append(.text(company))
        }
        if let from = filter.startedFrom {
            conditions.append("started_at >= ?")
            arguments.append(.integer(from))
        }
        if let to = filter.startedTo {
            conditions.append("started_at < ?")
            arguments.append(.integer(to))
        }
        var statusTerms: [String] = []
        if !filter.statusCodes.isEmpty {
            statusTerms.append("status_code IN (\(placeholders(filter.statusCodes.count)))")
            arguments += filter.statusCodes.map(SQLValue.integer)
        }
        if !filter.categories.isEmpty {
            statusTerms.append("category IN (\(placeholders(filter.categories.count)))")
            arguments += filter.categories.map(SQLValue.integer)
        }
        if !statusTerms.isEmpty {
            conditions.append("(" + statusTerms.joined(separator: " OR ") + ")")
        }
        if let product = filter.product {
            conditions.append("product = ?")
            arguments.append(.integer(product))
        }
        if let source = filter.sourcePlatform {
            conditions.append("source_platform = ?")
            arguments.append(.text(source))
        }
        if let target = filter.targetPlatform {
            conditions.append("target_platform = ?")
            arguments.append(.text(target))
        }
        if let group = filter.errorGroupId {
            conditions.append("id IN (SELECT sync_ref FROM sync_error_groups WHERE group_id = ?)")
            arguments.append(.text(group))
        }
        return (conditions, arguments)
    }

    static func fingerprint(
        kind: PageTokenKind, filter: SyncFilter, sort: SyncSortColumn, ascending: Bool
    ) -> [UInt8] {
        var fingerprint = FilterFingerprint(kind: kind)
        fingerprint.add(filter.searchPrefix.map { "s" + $0 } ?? "-")
        fingerprint.add(filter.companyId.map { "s" + $0 } ?? "-")
        fingerprint.add(filter.startedFrom ?? -1)
        fingerprint.add(filter.startedTo ?? -1)
        fingerprint.add(filter.statusCodes)
        fingerprint.add(filter.categories)
        fingerprint.add(filter.product ?? -1)
        fingerprint.add(filter.sourcePlatform.map { "s" + $0 } ?? "-")
        fingerprint.add(filter.targetPlatform.map { "s" + $0 } ?? "-")
        fingerprint.add(sort.column)
        fingerprint.add(ascending ? 1 : 0)
        // Added only when set, so tokens of listings without it stay valid.
        if let group = filter.errorGroupId { fingerprint.add("g" + group) }
        return fingerprint.bytes
    }

    /// "?, ?, ?" for `count` parameters.
    static func placeholders(_ count: Int) -> String {
        Array(repeating: "?", count: count).joined(separator: ", ")
    }
}

extension PageCursor.Key {
    var isText: Bool {
        if case .text = self { return true }
        return false
    }
}
