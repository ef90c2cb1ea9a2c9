import SyncHealthStorage
import SyncHealthRelational
extension Schema {
    /// Company-less dashboard rollups (migration 0006_global_rollups).
    ///
    /// The rollups of 0004_insights are kept per company, so a dashboard for
    /// all companies summed almost as many rows as there are syncs. These
    /// tables hold the same cells with the company summed out; they are
    /// written by the same central function (`RollupStatements`, called from
    /// `SyncInsights.refresh`) in the same transaction as the per-company
    /// cells, with the same "minus old, plus new" deltas, so each equals the
    /// per-company table summed over companies (and so a full scan). Reads
    /// use them when the request has no company filter.
    ///
    /// The backfill sums the existing per-company rollups.
    static let globalRollups = """
        \(RollupTable.syncs.createSQL(global: true))

        \(RollupTable.items.createSQL(global: true))

        \(RollupTable.errorGroups.createSQL(global: true))
        -- One group's target platforms over a range.
        CREATE INDEX rollup_error_groups_global_by_group ON rollup_error_groups_global (group_id, day);

        INSERT INTO rollup_syncs_global (day, product, source_platform, target_platform, status_code, syncs)
            SELECT day, product, source_platform, target_platform, status_code, sum(syncs) FROM rollup_syncs
            GROUP BY day, product, source_platform, target_platform, status_code;
        INSERT INTO rollup_items_global (day, product, source_platform, target_platform, data_type, status, items)
            SELECT day, product, source_platform, target_platform, data_type, status, sum(items) FROM rollup_items
            GROUP BY day, product, source_platform, target_platform, data_type, status;
        INSERT INTO rollup_error_groups_global (
                day, group_id, product, source_platform, target_platform, occurrences, item_occurrences, syncs)
            SELECT day, group_id, product, source_platform, target_platform,
                   sum(occurrences), sum(item_occurrences), sum(syncs) FROM rollup_error_groups
            GROUP BY day, group_id, product, source_platform, target_platform;
        """
}
