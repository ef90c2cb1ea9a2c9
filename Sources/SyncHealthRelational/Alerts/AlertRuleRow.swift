import SyncHealthStorage
import SyncHealthWire

/// `alert_rules` rows as `AlertRule`s.
enum AlertRuleRow {
    /// The selected columns, in `decode`'s order (the secret last).
    static let columns = """
        rule_id, name, kind, webhook_url, company_id, status_codes, threshold, window_ms, target_platform,
        failure_rate_percent, minimum_syncs, created_at, created_by, signing_secret
        """

    static func decode(_ row: any SQLRow) -> (rule: AlertRule, secret: String) {
        (rule: AlertRule(
            ruleId: row.text(0), name: row.text(1), kind: AlertKind(rawValue: Int32(truncatingIfNeeded: row.int64(2))),
            webhookUrl: row.text(3), companyId: row.text(4), statusCodes: decodeCodes(row.text(5)),
            threshold: row.int64(6), windowMs: row.int64(7), targetPlatform: row.text(8),
            failureRatePercent: Int32(truncatingIfNeeded: row.int64(9)), minimumSyncs: row.int64(10),
            createdAtMs: row.int64(11), createdBy: row.text(12)),
         secret: row.text(13))
    }

    /// "4000,5130".
    static func encodeCodes(_ codes: [SyncStatusCode]) -> String {
        codes.map { String($0.rawValue) }.joined(separator: ",")
    }

    static func decodeCodes(_ text: String) -> [SyncStatusCode] {
        text.split(separator: ",").compactMap { Int32($0) }.map(SyncStatusCode.init(rawValue:))
    }

    /// The rules of `kinds`, with their secrets.
    static func rules(of kinds: [AlertKind], on connection: any SQLConnection) throws -> [(rule: AlertRule, secret: String)] {
        try connection.all(
            "SELECT \(columns) FROM alert_rules WHERE kind IN (\(SyncQueryPlanner.placeholders(kinds.count))) ORDER BY name",
            kinds.map { .int32($0.rawValue) }, decode)
    }
}
