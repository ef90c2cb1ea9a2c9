import SyncHealthStorage

extension InsightsFilter {
    /// " AND company_id = ? ..." for the filters that are set, and their
    /// arguments. `alias` prefixes the columns ("s." for a join).
    func sql(alias: String = "") -> (String, [SQLValue]) {
        var sql = ""
        var arguments: [SQLValue] = []
        if let companyId {
            sql += " AND \(alias)company_id = ?"
            arguments.append(.text(companyId))
        }
        if let product {
            sql += " AND \(alias)product = ?"
            arguments.append(.integer(product))
        }
        if let sourcePlatform {
            sql += " AND \(alias)source_platform = ?"
            arguments.append(.text(sourcePlatform))
        }
        if let targetPlatform {
            sql += " AND \(alias)target_platform = ?"
            arguments.append(.text(targetPlatform))
        }
        return (sql, arguments)
    }
}
