import SyncHealthStorage
import SyncHealthRelational
extension Schema {
    /// Dashboard rollups and error groups (migration 0004_insights).
    ///
    /// Three layers, all written in the transaction that changes a sync or
    /// its items (`SyncInsights.refresh`), so they always equal a full scan:
    ///
    /// - What each sync counts for now: `sync_rollup_keys` (its bucket and
    ///   status), `sync_item_counts` (its items by data type and status) and
    ///   `sync_error_groups` (its errors by group, with the sync's filter
    ///   columns copied so group look-ups need not touch `syncs`). A change is
    ///   applied to the rollups as "minus what it counted for, plus what it
    ///   counts for now", so nothing is counted twice or left behind.
    /// - Daily rollups per UTC day of the sync's start, company, product and
    ///   platforms: syncs by status code, items by data type and status,
    ///   error occurrences by group. A row that reaches zero is deleted, and
    ///   `CHECK (... >= 0)` turns any counting mistake into a failed write
    ///   rather than a wrong dashboard.
    /// - `error_groups`: every fingerprint seen, with the first message that
    ///   produced it.
    ///
    /// Rows are removed with their sync (ON DELETE CASCADE), but nothing
    /// deletes syncs today; a future purge must subtract from the rollups.
    static let insights = """
        CREATE TABLE error_groups (
            group_id TEXT PRIMARY KEY NOT NULL CHECK (length(group_id) = 16),
            fingerprint TEXT NOT NULL,
            example_message TEXT NOT NULL,
            created_at INTEGER NOT NULL
        ) WITHOUT ROWID;

        CREATE TABLE sync_rollup_keys (
            sync_ref INTEGER PRIMARY KEY REFERENCES syncs (id) ON DELETE CASCADE,
            day INTEGER NOT NULL,
            started_at INTEGER NOT NULL,
            company_id TEXT NOT NULL,
            product INTEGER NOT NULL,
            source_platform TEXT NOT NULL,
            target_platform TEXT NOT NULL,
            status_code INTEGER NOT NULL
        );

        CREATE TABLE sync_item_counts (
            sync_ref INTEGER NOT NULL REFERENCES syncs (id) ON DELETE CASCADE,
            data_type TEXT NOT NULL,
            status INTEGER NOT NULL,
            items INTEGER NOT NULL CHECK (items > 0),
            PRIMARY KEY (sync_ref, data_type, status)
        ) WITHOUT ROWID;

        CREATE TABLE sync_error_groups (
            sync_ref INTEGER NOT NULL REFERENCES syncs (id) ON DELETE CASCADE,
            group_id TEXT NOT NULL REFERENCES error_groups (group_id),
            sync_errors INTEGER NOT NULL CHECK (sync_errors >= 0),
            item_errors INTEGER NOT NULL CHECK (item_errors >= 0),
            sync_id TEXT NOT NULL,
            started_at INTEGER NOT NULL,
            company_id TEXT NOT NULL,
            product INTEGER NOT NULL,
            source_platform TEXT NOT NULL,
            target_platform TEXT NOT NULL,
            PRIMARY KEY (sync_ref, group_id)
        ) WITHOUT ROWID;
        -- ListSyncs by group, first/last seen and example syncs of a group.
        CREATE INDEX sync_error_groups_by_group ON sync_error_groups (group_id, started_at, sync_id);
        -- The partial days at the edges of a range.
        CREATE INDEX sync_error_groups_by_started ON sync_error_groups (started_at);

        \(RollupTable.syncs.createSQL(global: false))
        CREATE INDEX rollup_syncs_by_company ON rollup_syncs (company_id, day);

        \(RollupTable.items.createSQL(global: false))
        CREATE INDEX rollup_items_by_company ON rollup_items (company_id, day);

        \(RollupTable.errorGroups.createSQL(global: false))
        CREATE INDEX rollup_error_groups_by_company ON rollup_error_groups (company_id, day);
        -- One group's companies and target platforms over a range.
        CREATE INDEX rollup_error_groups_by_group ON rollup_error_groups (group_id, day);

        -- GetSyncConfig's baseline: a company's successful syncs of one
        -- product that have a configuration, newest first. Queries must
        -- repeat the WHERE terms literally for SQLite to use it.
        CREATE INDEX syncs_config_baselines ON syncs (company_id, product, started_at, sync_id)
            WHERE status_code BETWEEN 2000 AND 2999 AND config_hash IS NOT NULL;
        """
}
