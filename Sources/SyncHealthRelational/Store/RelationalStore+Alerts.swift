public import SyncHealthStorage
public import SyncHealthWire

extension RelationalStore {
    /// See `AlertStore.createAlertRule`.
    public func createAlertRule(_ rule: AlertRule, createdBy: String, now: Int64) throws(RPCError) -> CreateAlertRuleResponse {
        var rule = try AlertRuleValidation.validated(rule)
        rule.ruleId = AlertIdentifiers.ruleId()
        rule.createdAtMs = now
        rule.createdBy = createdBy
        let secret = AlertIdentifiers.signingSecret()
        let stored = rule
        try guarded {
            try write { connection in
                guard try connection.first("SELECT 1 FROM alert_rules WHERE name = ?", [.text(stored.name)], { _ in true }) == nil else {
                    throw RPCError(.alreadyExists, "an alert rule named '\(stored.name)' already exists")
                }
                guard try connection.scalar("SELECT count(*) FROM alert_rules") < AlertRuleValidation.maxRules else {
                    throw RPCError.failedPrecondition("there are already \(AlertRuleValidation.maxRules) alert rules; delete one first")
                }
                try connection.run("""
                    INSERT INTO alert_rules (
                        rule_id, name, kind, webhook_url, company_id, status_codes, threshold, window_ms, target_platform,
                        failure_rate_percent, minimum_syncs, created_at, created_by, signing_secret)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, [
                        .text(stored.ruleId), .text(stored.name), .int32(stored.kind.rawValue), .text(stored.webhookUrl),
                        .text(stored.companyId), .text(AlertRuleRow.encodeCodes(stored.statusCodes)), .integer(stored.threshold),
                        .integer(stored.windowMs), .text(stored.targetPlatform), .int32(stored.failureRatePercent),
                        .integer(stored.minimumSyncs), .integer(now), .text(createdBy), .text(secret),
                    ])
            }
        }
        return CreateAlertRuleResponse(rule: rule, signingSecret: secret)
    }

    /// See `AlertStore.listAlertRules`.
    public func listAlertRules() throws(RPCError) -> [AlertRule] {
        try guarded {
            try read { connection in
                try connection.all("SELECT \(AlertRuleRow.columns) FROM alert_rules ORDER BY name") { AlertRuleRow.decode($0).rule }
            }
        }
    }

    /// See `AlertStore.deleteAlertRule`.
    public func deleteAlertRule(ruleId: String) throws(RPCError) -> Int64 {
        try FieldRules.identifier(ruleId, "rule_id")
        return try guarded {
            try write { connection in
                guard try connection.run("DELETE FROM alert_rules WHERE rule_id = ?", [.text(ruleId)]) > 0 else {
                    throw RPCError.notFound("no alert rule with that rule_id")
                }
                return Int64(try connection.run(
                    "DELETE FROM alert_deliveries WHERE rule_id = ? AND state = 1", [.text(ruleId)]))
            }
        }
    }

    /// See `AlertStore.listAlertDeliveries`. Newest first (created_at, then
    /// delivery_id, descending).
    public func listAlertDeliveries(_ request: ListAlertDeliveriesRequest) throws(RPCError) -> ListAlertDeliveriesResponse {
        let plan = try AlertDeliveryListPlan(request).page
        return try guarded {
            try read { connection in
                let page = plan.cut(try connection.all(plan.query, AlertDeliveryRow.decode)) { ($0.createdAtMs, $0.deliveryId) }
                return ListAlertDeliveriesResponse(deliveries: page.rows, nextPageToken: page.nextPageToken)
            }
        }
    }

    /// See `AlertStore.leaseAlertDeliveries`. Where writers run at once
    /// (PostgreSQL replicas), rows another deliverer is leasing are skipped,
    /// so two replicas never take the same try.
    public func leaseAlertDeliveries(owner: String, now: Int64, leaseDurationMs: Int64, limit: Int) throws(RPCError) -> [AlertDeliveryLease] {
        precondition(!owner.isEmpty, "a lease needs an owner")
        guard limit > 0 else { return [] }
        return try guarded {
            try write { connection in
                // Only the delivery rows are locked: deliveries of one rule
                // are leased by several deliverers at once.
                let skipLocked = connection.dialect == .postgresql ? " FOR UPDATE OF d SKIP LOCKED" : ""
                let leases = try connection.all("""
                    SELECT d.delivery_id, d.rule_id, r.webhook_url, r.signing_secret, d.payload, d.attempts
                    FROM alert_deliveries d JOIN alert_rules r ON r.rule_id = d.rule_id
                    WHERE d.state = 1 AND d.next_attempt_at <= ? AND d.lease_expires_at <= ?
                    ORDER BY d.next_attempt_at, d.delivery_id LIMIT ?\(skipLocked)
                    """, [.integer(now), .integer(now), .integer(Int64(limit))]) { row in
                    AlertDeliveryLease(
                        deliveryId: row.text(0), ruleId: row.text(1), webhookURL: row.text(2), signingSecret: row.text(3),
                        payload: row.text(4), attemptsMade: Int32(truncatingIfNeeded: row.int64(5)), leaseOwner: owner)
                }
                guard !leases.isEmpty else { return [] }
                try connection.run(
                    "UPDATE alert_deliveries SET lease_owner = ?, lease_expires_at = ? WHERE delivery_id IN (\(SyncQueryPlanner.placeholders(leases.count)))",
                    [.text(owner), .integer(now + leaseDurationMs)] + leases.map { .text($0.deliveryId) })
                return leases
            }
        }
    }

    /// See `AlertStore.completeAlertDelivery`.
    @discardableResult
    public func completeAlertDelivery(_ result: AlertDeliveryResult, now: Int64) throws(RPCError) -> Bool {
        let state: Int64 = result.delivered ? 2 : (result.retryAtMs == nil ? 3 : 1)
        return try guarded {
            try write { connection in
                try connection.run("""
                    UPDATE alert_deliveries SET
                        state = ?, attempts = attempts + 1, last_http_status = ?, last_error = ?,
                        next_attempt_at = ?, delivered_at = ?, lease_owner = '', lease_expires_at = 0
                    WHERE delivery_id = ? AND state = 1 AND lease_owner = ?
                    """, [
                        .integer(state), .int32(result.httpStatus), .text(String(result.error.utf8.prefix(1_000)) ?? ""),
                        .integer(result.retryAtMs ?? now), .integer(result.delivered ? now : 0),
                        .text(result.deliveryId), .text(result.leaseOwner),
                    ]) > 0
            }
        }
    }

    /// See `AlertStore.nextAlertDeliveryDue`: the earliest of the pending
    /// deliveries' next try and of their leases' expiry.
    public func nextAlertDeliveryDue() throws(RPCError) -> Int64? {
        try guarded {
            try read { connection in
                try connection.first("""
                    SELECT min(CASE WHEN lease_expires_at > next_attempt_at THEN lease_expires_at ELSE next_attempt_at END)
                    FROM alert_deliveries WHERE state = 1
                    """) { $0.isNull(0) ? nil : $0.int64(0) } ?? nil
            }
        }
    }
}

/// `alert_deliveries` rows as `AlertDelivery`s.
enum AlertDeliveryRow {
    static let columns = """
        delivery_id, rule_id, kind, event, state, attempts, last_http_status, last_error, created_at, next_attempt_at,
        delivered_at, payload
        """

    static func decode(_ row: any SQLRow) -> AlertDelivery {
        let state = AlertDeliveryState(rawValue: Int32(truncatingIfNeeded: row.int64(4)))
        return AlertDelivery(
            deliveryId: row.text(0), ruleId: row.text(1), kind: AlertKind(rawValue: Int32(truncatingIfNeeded: row.int64(2))),
            event: row.text(3), state: state, attempts: Int32(truncatingIfNeeded: row.int64(5)),
            lastHttpStatus: Int32(truncatingIfNeeded: row.int64(6)), lastError: row.text(7), createdAtMs: row.int64(8),
            nextAttemptAtMs: state == .pending ? row.int64(9) : 0, deliveredAtMs: row.int64(10), payloadJson: row.text(11))
    }
}

/// A validated ListAlertDeliveries request as SQL. Pure.
struct AlertDeliveryListPlan {
    var page: NewestFirstPage

    init(_ request: ListAlertDeliveriesRequest) throws(RPCError) {
        let pageSize = try FieldRules.pageSize(request.pageSize)
        try FieldRules.filterCount(request.states.count, "states")
        for state in request.states {
            switch state {
            case .pending, .delivered, .failed: break
            case .unspecified, .unrecognized:
                throw .invalidArgument("states must hold known delivery states (got \(state.rawValue))")
            }
        }
        let states = Set(request.states.map { Int64($0.rawValue) }).sorted()
        try FieldRules.identifier(request.ruleId, "rule_id", required: false)

        var print = FilterFingerprint(kind: .alertDeliveries)
        print.add(states)
        print.add(request.ruleId.isEmpty ? "-" : "r" + request.ruleId)

        var conditions: [String] = []
        var arguments: [SQLValue] = []
        if !request.ruleId.isEmpty {
            conditions.append("rule_id = ?")
            arguments.append(.text(request.ruleId))
        }
        if !states.isEmpty {
            conditions.append("state IN (\(SyncQueryPlanner.placeholders(states.count)))")
            arguments += states.map(SQLValue.integer)
        }
        page = try NewestFirstPage(
            select: AlertDeliveryRow.columns, from: "alert_deliveries", id: "delivery_id", conditions: conditions,
            arguments: arguments, pageSize: pageSize, pageToken: request.pageToken, kind: .alertDeliveries,
            fingerprint: print.bytes)
    }
}
