import SyncHealthStorage
import SyncHealthWire

/// Writes webhook deliveries into the outbox, in the transaction of the
/// event that fires them: the central write functions call these hooks
/// (`SyncInsights.refresh` for syncs and error groups, `RetryJobRow.finishIfDone`
/// for jobs), so every path that changes a sync or ends a job is covered,
/// RPC, retry executor and CLI alike. With no rule of a kind, a hook costs
/// one indexed read of `alert_rules`.
enum AlertOutbox {
    /// After a sync's rollups were refreshed: sync_failed, error group and
    /// platform-rate rules.
    /// - Parameters:
    ///   - created: error groups this transaction saw for the first time.
    ///   - grown: groups whose occurrences in this sync went up.
    static func syncChanged(
        syncId: String, facts: SyncFacts, previous: SyncFacts?, created: [String: SyncErrorGroups.Seen],
        grown: [String], now: Int64, on connection: any SQLConnection
    ) throws {
        let statusChanged = previous?.statusCode != facts.statusCode
        guard statusChanged || !created.isEmpty || !grown.isEmpty else { return }
        let rules = try AlertRuleRow.rules(
            of: [.syncFailed, .errorGroupNew, .errorGroupThreshold, .platformFailureRate], on: connection)
        guard !rules.isEmpty else { return }
        let code = SyncStatusCode(rawValue: Int32(truncatingIfNeeded: facts.statusCode))
        let bucket = facts.bucket

        if statusChanged && code.category == .failed {
            let sync = AlertEvent.SyncFailure(
                syncId: syncId, companyId: bucket.companyId, statusCode: code, sourcePlatform: bucket.sourcePlatform,
                targetPlatform: bucket.targetPlatform, startedAtMs: facts.startedAt)
            try enqueue(.syncFailed(sync), rules: rules.filter { AlertMatching.fires($0.rule, sync: sync) }, now: now, on: connection)
        }
        for (groupId, seen) in created.sorted(by: { $0.key < $1.key }) {
            let group = AlertEvent.ErrorGroupFacts(groupId: groupId, fingerprint: seen.fingerprint.text, exampleMessage: seen.example)
            try enqueue(
                .errorGroupNew(group, syncId: syncId, companyId: bucket.companyId),
                rules: rules.filter { $0.rule.kind == .errorGroupNew }, now: now, on: connection)
        }
        for rule in rules where rule.rule.kind == .errorGroupThreshold {
            for groupId in grown.sorted() {
                let occurrences = try connection.scalar("""
                    SELECT coalesce(sum(sync_errors + item_errors), 0) FROM sync_error_groups
                    WHERE group_id = ? AND started_at >= ?
                    """, [.text(groupId), .integer(now - rule.rule.windowMs)])
                guard AlertMatching.exceeds(rule.rule, occurrences: occurrences),
                      let group = try connection.first(
                        "SELECT fingerprint, example_message FROM error_groups WHERE group_id = ?", [.text(groupId)], {
                            AlertEvent.ErrorGroupFacts(groupId: groupId, fingerprint: $0.text(0), exampleMessage: $0.text(1))
                        })
                else { continue }
                let window = AlertMatching.windowIndex(now: now, windowMs: rule.rule.windowMs)
                try enqueue(.errorGroupThreshold(group, occurrences: occurrences, windowIndex: window), rules: [rule], now: now, on: connection)
            }
        }
        if statusChanged && (code.category == .failed || code.category == .success) {
            for rule in rules where rule.rule.kind == .platformFailureRate && rule.rule.targetPlatform == bucket.targetPlatform {
                guard let counts = try connection.first("""
                    SELECT count(*), coalesce(sum(CASE WHEN category = 3 THEN 1 ELSE 0 END), 0) FROM syncs
                    WHERE target_platform = ? AND started_at >= ? AND category IN (2, 3)
                    """, [.text(bucket.targetPlatform), .integer(now - rule.rule.windowMs)], { ($0.int64(0), $0.int64(1)) }),
                      AlertMatching.exceeds(rule.rule, syncs: counts.0, failed: counts.1)
                else { continue }
                let window = AlertMatching.windowIndex(now: now, windowMs: rule.rule.windowMs)
                try enqueue(
                    .platformFailureRate(platform: bucket.targetPlatform, syncs: counts.0, failed: counts.1, windowIndex: window),
                    rules: [rule], now: now, on: connection)
            }
        }
    }

    /// After a retry job ended in `state`.
    static func jobEnded(_ jobRowID: Int64, state: RetryJobState, now: Int64, on connection: any SQLConnection) throws {
        guard state == .partiallyFailed else { return }
        let rules = try AlertRuleRow.rules(of: [.retryJobPartiallyFailed], on: connection)
        guard !rules.isEmpty, let job = try RetryJobRow.fetch(connection, rowID: jobRowID) else { return }
        try enqueue(.retryJobPartiallyFailed(job), rules: rules, now: now, on: connection)
    }

    /// One pending delivery of `event` per rule; a (rule, event key) that is
    /// already in the outbox is left as it is.
    static func enqueue(
        _ event: AlertEvent, rules: [(rule: AlertRule, secret: String)], now: Int64, on connection: any SQLConnection
    ) throws {
        for (rule, _) in rules {
            let deliveryId = AlertIdentifiers.deliveryId()
            try connection.run("""
                INSERT INTO alert_deliveries (
                    delivery_id, rule_id, event_key, kind, event, payload, state, created_at, next_attempt_at)
                VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?)
                ON CONFLICT (rule_id, event_key) DO NOTHING
                """, [
                    .text(deliveryId), .text(rule.ruleId), .text(event.key), .int32(event.kind.rawValue),
                    .text(event.summary), .text(event.payload(deliveryId: deliveryId, rule: rule, occurredAtMs: now)),
                    .integer(now), .integer(now),
                ])
        }
    }
}
