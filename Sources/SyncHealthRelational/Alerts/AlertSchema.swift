/// The alert tables, declared once for both engines (SQLite migration
/// 0007_alerts, PostgreSQL 0002_alerts):
///
/// - `alert_rules`: one row per rule, unique by name; `status_codes` is a
///   comma-separated list of codes ("" = any failed code); `signing_secret`
///   is the HMAC key of its deliveries (needed in clear to sign; never
///   returned by a listing).
/// - `alert_deliveries`: the outbox. One row per (rule, event key), written
///   in the transaction of the event; its `delivery_id` is fixed then and
///   sent on every try. `state` 1 pending, 2 delivered, 3 failed. A
///   deliverer leases a row (`lease_owner`, `lease_expires_at`) for one try;
///   an expired lease is taken again by any deliverer.
package enum AlertSchema {
    /// The statements that create the tables and their indexes.
    package static func createSQL(dialect: SQLDialect) -> String {
        let text = dialect == .sqlite ? "TEXT" : "text COLLATE \"C\""
        let integer = dialect == .sqlite ? "INTEGER" : "bigint"
        return """
            CREATE TABLE alert_rules (
                rule_id \(text) PRIMARY KEY NOT NULL,
                name \(text) NOT NULL UNIQUE,
                kind \(integer) NOT NULL,
                webhook_url \(text) NOT NULL,
                signing_secret \(text) NOT NULL,
                company_id \(text) NOT NULL,
                status_codes \(text) NOT NULL,
                threshold \(integer) NOT NULL,
                window_ms \(integer) NOT NULL,
                target_platform \(text) NOT NULL,
                failure_rate_percent \(integer) NOT NULL,
                minimum_syncs \(integer) NOT NULL,
                created_at \(integer) NOT NULL,
                created_by \(text) NOT NULL
            );
            CREATE INDEX alert_rules_by_kind ON alert_rules (kind, name);

            CREATE TABLE alert_deliveries (
                delivery_id \(text) PRIMARY KEY NOT NULL,
                rule_id \(text) NOT NULL,
                event_key \(text) NOT NULL,
                kind \(integer) NOT NULL,
                event \(text) NOT NULL,
                payload \(text) NOT NULL,
                state \(integer) NOT NULL CHECK (state BETWEEN 1 AND 3),
                attempts \(integer) NOT NULL DEFAULT 0,
                last_http_status \(integer) NOT NULL DEFAULT 0,
                last_error \(text) NOT NULL DEFAULT '',
                created_at \(integer) NOT NULL,
                next_attempt_at \(integer) NOT NULL,
                delivered_at \(integer) NOT NULL DEFAULT 0,
                lease_owner \(text) NOT NULL DEFAULT '',
                lease_expires_at \(integer) NOT NULL DEFAULT 0,
                UNIQUE (rule_id, event_key)
            );
            CREATE INDEX alert_deliveries_due ON alert_deliveries (state, next_attempt_at);
            CREATE INDEX alert_deliveries_by_created ON alert_deliveries (created_at, delivery_id);
            CREATE INDEX alert_deliveries_by_rule ON alert_deliveries (rule_id, created_at, delivery_id);
            """
    }
}
