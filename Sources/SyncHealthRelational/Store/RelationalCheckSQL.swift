/// The statements `synchealthd check` runs on either engine.
package enum RelationalCheckSQL {
    /// Syncs whose stored counts differ from their items (status 1-4:
    /// pending, success, failed, timed out).
    package static let itemCountMismatches = """
        SELECT s.sync_id, s.items_total, s.items_pending, s.items_succeeded, s.items_failed, s.items_timed_out,
               coalesce(c.total, 0), coalesce(c.pending, 0), coalesce(c.succeeded, 0), coalesce(c.failed, 0),
               coalesce(c.timed_out, 0)
        FROM syncs s
        LEFT JOIN (
            SELECT sync_ref, count(*) AS total, sum(CASE WHEN status = 1 THEN 1 ELSE 0 END) AS pending, sum(CASE WHEN status = 2 THEN 1 ELSE 0 END) AS succeeded,
                   sum(CASE WHEN status = 3 THEN 1 ELSE 0 END) AS failed, sum(CASE WHEN status = 4 THEN 1 ELSE 0 END) AS timed_out
            FROM push_items GROUP BY sync_ref
        ) c ON c.sync_ref = s.id
        WHERE s.items_total <> coalesce(c.total, 0) OR s.items_pending <> coalesce(c.pending, 0)
           OR s.items_succeeded <> coalesce(c.succeeded, 0) OR s.items_failed <> coalesce(c.failed, 0)
           OR s.items_timed_out <> coalesce(c.timed_out, 0)
        ORDER BY s.sync_id
        LIMIT 1000
        """

    /// The tables a rollup rebuild recomputes; compared row for row.
    package static let rebuiltTables = [
        "rollup_syncs", "rollup_items", "rollup_error_groups",
        "rollup_syncs_global", "rollup_items_global", "rollup_error_groups_global",
        "sync_rollup_keys", "sync_item_counts", "sync_error_groups",
    ]
}
