import SyncHealthStorage
import SyncHealthRelational
/// The schema, as ordered migrations. Never edit a released migration; add a
/// new one.
enum Schema {
    static let migrations: [Migration] = [
        Migration(identifier: "0001_syncs_and_configs", sql: syncsAndConfigs),
        Migration(identifier: "0002_push_items", sql: pushItems),
        Migration(identifier: "0003_retry", sql: retry),
        Migration(identifier: "0004_insights", sql: insights, backfill: SyncInsights.rebuildPerCompany),
        Migration(identifier: "0005_syncs_by_company_category", sql: syncsByCompanyCategory),
        Migration(identifier: "0006_global_rollups", sql: globalRollups),
        Migration(identifier: "0007_alerts", sql: AlertSchema.createSQL(dialect: .sqlite)),
    ]

    /// Largest INTEGER: where in-progress syncs sort for finished-at and
    /// duration ("as if they end at the end of time").
    static let endOfTime = SyncSortColumn.endOfTime

    /// Syncs and their configurations.
    ///
    /// - `configs` holds each distinct document once, keyed by its SHA-256:
    ///   thousands of syncs share a handful of configurations.
    /// - `syncs.status_code` is the effective (derived) code; the engine's
    ///   own report is kept in `reported_status_code` so the derivation can be
    ///   recomputed when item statuses change.
    /// - `category`, `sort_finished_at` and `sort_duration` are stored
    ///   generated columns, never NULL, so keyset pagination compares plain
    ///   integers and indexes serve every sort. In-progress syncs
    ///   (`finished_at = 0`) sort as finishing at the end of time and as the
    ///   longest.
    static let syncsAndConfigs = """
        CREATE TABLE configs (
            hash TEXT PRIMARY KEY NOT NULL CHECK (length(hash) = 64),
            document BLOB NOT NULL,
            size_bytes INTEGER NOT NULL,
            created_at INTEGER NOT NULL
        );

        CREATE TABLE syncs (
            id INTEGER PRIMARY KEY,
            sync_id TEXT NOT NULL UNIQUE,
            company_id TEXT NOT NULL,
            product INTEGER NOT NULL,
            source_platform TEXT NOT NULL,
            target_platform TEXT NOT NULL,
            reported_status_code INTEGER NOT NULL,
            status_code INTEGER NOT NULL,
            started_at INTEGER NOT NULL CHECK (started_at > 0),
            finished_at INTEGER NOT NULL CHECK (finished_at = 0 OR finished_at >= started_at),
            data_from INTEGER NOT NULL,
            data_to INTEGER NOT NULL,
            notes BLOB NOT NULL,
            error_messages BLOB NOT NULL,
            items_total INTEGER NOT NULL DEFAULT 0,
            items_pending INTEGER NOT NULL DEFAULT 0,
            items_succeeded INTEGER NOT NULL DEFAULT 0,
            items_failed INTEGER NOT NULL DEFAULT 0,
            items_timed_out INTEGER NOT NULL DEFAULT 0,
            reported_data_pushed INTEGER NOT NULL DEFAULT 0,
            data_pushed INTEGER NOT NULL DEFAULT 0,
            config_hash TEXT REFERENCES configs (hash),
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            category INTEGER NOT NULL GENERATED ALWAYS AS (
                CASE
                    WHEN status_code BETWEEN 1000 AND 1999 THEN 1
                    WHEN status_code BETWEEN 2000 AND 2999 THEN 2
                    WHEN status_code BETWEEN 4000 AND 5999 THEN 3
                    ELSE 0
                END) STORED,
            sort_finished_at INTEGER NOT NULL GENERATED ALWAYS AS (
                CASE WHEN finished_at = 0 THEN 9223372036854775807 ELSE finished_at END) STORED,
            sort_duration INTEGER NOT NULL GENERATED ALWAYS AS (
                CASE WHEN finished_at = 0 THEN 9223372036854775807 ELSE finished_at - started_at END) STORED
        );

        -- One index per sort, each ending in the sync_id tiebreak, so a page
        -- is an index range walk whatever the filters.
        CREATE INDEX syncs_by_started ON syncs (started_at, sync_id);
        CREATE INDEX syncs_by_finished ON syncs (sort_finished_at, sync_id);
        CREATE INDEX syncs_by_duration ON syncs (sort_duration, sync_id);
        CREATE INDEX syncs_by_status ON syncs (status_code, sync_id);
        CREATE INDEX syncs_by_company ON syncs (company_id, sync_id);
        -- Filters: one company's history (newest first), platforms, product,
        -- categories; each with started_at for the dashboard's range.
        CREATE INDEX syncs_by_company_started ON syncs (company_id, started_at, sync_id);
        CREATE INDEX syncs_by_product_started ON syncs (product, started_at, sync_id);
        CREATE INDEX syncs_by_target_started ON syncs (target_platform, started_at, sync_id);
        CREATE INDEX syncs_by_source_started ON syncs (source_platform, started_at, sync_id);
        CREATE INDEX syncs_by_category_started ON syncs (category, started_at, sync_id);
        -- Finding syncs that still use a configuration before dropping it.
        CREATE INDEX syncs_by_config ON syncs (config_hash) WHERE config_hash IS NOT NULL;

        -- Per-sync metadata of the configuration in syncs.config_hash; a row
        -- exists exactly when config_hash is set.
        CREATE TABLE sync_configs (
            sync_ref INTEGER PRIMARY KEY REFERENCES syncs (id) ON DELETE CASCADE,
            content_type TEXT NOT NULL,
            version TEXT NOT NULL,
            file_name TEXT NOT NULL,
            recorded_at INTEGER NOT NULL
        );
        """

    /// Push items and their attempt history.
    ///
    /// Attempts are deduplicated by idempotency key when there is one, else
    /// by attempt time and outcome; the partial indexes serve both look-ups.
    static let pushItems = """
        CREATE TABLE push_items (
            id INTEGER PRIMARY KEY,
            sync_ref INTEGER NOT NULL REFERENCES syncs (id) ON DELETE CASCADE,
            item_id TEXT NOT NULL,
            core_id TEXT NOT NULL,
            data_type TEXT NOT NULL,
            status INTEGER NOT NULL,
            error_message TEXT NOT NULL,
            attempt_count INTEGER NOT NULL,
            last_attempt_at INTEGER NOT NULL,
            target_record_id TEXT NOT NULL,
            retryable INTEGER NOT NULL,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            UNIQUE (sync_ref, item_id)
        );
        CREATE INDEX push_items_by_type ON push_items (sync_ref, data_type, item_id);
        CREATE INDEX push_items_by_core ON push_items (sync_ref, core_id);
        CREATE INDEX push_items_by_status ON push_items (sync_ref, status, data_type, item_id);

        CREATE TABLE push_attempts (
            id INTEGER PRIMARY KEY,
            item_ref INTEGER NOT NULL REFERENCES push_items (id) ON DELETE CASCADE,
            number INTEGER NOT NULL,
            attempted_at INTEGER NOT NULL,
            outcome INTEGER NOT NULL,
            error_message TEXT NOT NULL,
            attempt_trigger INTEGER NOT NULL,
            actor TEXT NOT NULL,
            idempotency_key TEXT NOT NULL,
            retry_job_id TEXT NOT NULL,
            reason TEXT NOT NULL,
            UNIQUE (item_ref, number)
        );
        CREATE UNIQUE INDEX push_attempts_by_key
            ON push_attempts (item_ref, idempotency_key) WHERE idempotency_key <> '';
        CREATE INDEX push_attempts_by_time
            ON push_attempts (item_ref, attempted_at, outcome) WHERE idempotency_key = '';
        CREATE INDEX push_attempts_by_job
            ON push_attempts (retry_job_id) WHERE retry_job_id <> '';
        """

    /// ListSyncs filtered by company and one status category, newest first
    /// (support's "this company's failed syncs"). Without it SQLite walks
    /// `syncs_by_category_started` through every failed sync of every company
    /// until it has a page of this company's: measured at 1M syncs, tens of
    /// ms per page for a company with a few thousand syncs (BENCHMARKS.md).
    /// With it the page is one index range.
    static let syncsByCompanyCategory = """
        CREATE INDEX syncs_by_company_category_started ON syncs (company_id, category, started_at, sync_id);
        """
}
