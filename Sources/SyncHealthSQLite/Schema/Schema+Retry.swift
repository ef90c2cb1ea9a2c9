import SyncHealthStorage
extension Schema {
    /// Retry jobs and their durable task queue.
    ///
    /// - `retry_jobs` holds one row per RetryFailedItems request, unique by
    ///   idempotency key; `request_fingerprint` tells a replay of the same
    ///   request from a different request reusing the key. The counts are kept
    ///   up to date by the transactions that change tasks, so reading a job
    ///   never aggregates its tasks.
    /// - `retry_tasks` holds one row per item in the job's scope: queued (1),
    ///   leased (2), done (3), skipped (4, with `skip_reason`) or cancelled (5).
    ///   A leased task names its attempt (`attempt_number`, the item's
    ///   `push_attempts.number`) and that attempt's `idempotency_key`; both
    ///   are written in the leasing transaction, together with the PENDING
    ///   attempt row, before the connector is called. An expired lease is
    ///   taken again with the same attempt and key.
    /// - A retry of a timed-out attempt reuses that attempt's key (the push
    ///   may have landed), so one item can now hold several attempts with the
    ///   same key: the unique key index of 0002 becomes a plain one. Ingest
    ///   de-duplication only ever looked keys up, so it is unaffected.
    static let retry = """
        DROP INDEX push_attempts_by_key;
        CREATE INDEX push_attempts_by_key
            ON push_attempts (item_ref, idempotency_key) WHERE idempotency_key <> '';

        CREATE TABLE retry_jobs (
            id INTEGER PRIMARY KEY,
            job_id TEXT NOT NULL UNIQUE,
            state INTEGER NOT NULL,
            scope BLOB NOT NULL,
            requested_by TEXT NOT NULL,
            reason TEXT NOT NULL,
            idempotency_key TEXT NOT NULL UNIQUE,
            request_fingerprint BLOB NOT NULL,
            force INTEGER NOT NULL,
            created_at INTEGER NOT NULL,
            started_at INTEGER NOT NULL DEFAULT 0,
            finished_at INTEGER NOT NULL DEFAULT 0,
            cancelled_by TEXT NOT NULL DEFAULT '',
            cancel_reason TEXT NOT NULL DEFAULT '',
            total INTEGER NOT NULL,
            succeeded INTEGER NOT NULL DEFAULT 0,
            failed INTEGER NOT NULL DEFAULT 0,
            pending INTEGER NOT NULL,
            skipped INTEGER NOT NULL
        );
        CREATE INDEX retry_jobs_by_created ON retry_jobs (created_at, job_id);
        CREATE INDEX retry_jobs_by_state ON retry_jobs (state, created_at, job_id);

        CREATE TABLE retry_tasks (
            id INTEGER PRIMARY KEY,
            job_ref INTEGER NOT NULL REFERENCES retry_jobs (id) ON DELETE CASCADE,
            sync_ref INTEGER NOT NULL REFERENCES syncs (id) ON DELETE CASCADE,
            item_ref INTEGER NOT NULL REFERENCES push_items (id) ON DELETE CASCADE,
            target_platform TEXT NOT NULL,
            state INTEGER NOT NULL CHECK (state BETWEEN 1 AND 5),
            skip_reason INTEGER NOT NULL DEFAULT 0,
            item_status INTEGER NOT NULL,
            outcome INTEGER NOT NULL DEFAULT 0,
            next_attempt_at INTEGER NOT NULL DEFAULT 0,
            lease_owner TEXT NOT NULL DEFAULT '',
            lease_expires_at INTEGER NOT NULL DEFAULT 0,
            attempts_made INTEGER NOT NULL DEFAULT 0,
            attempt_number INTEGER NOT NULL DEFAULT 0,
            idempotency_key TEXT NOT NULL DEFAULT '',
            UNIQUE (job_ref, item_ref)
        );
        -- Due work: queued tasks per platform by due time, leases by expiry.
        CREATE INDEX retry_tasks_queued
            ON retry_tasks (target_platform, next_attempt_at, id) WHERE state = 1;
        CREATE INDEX retry_tasks_leased
            ON retry_tasks (lease_expires_at, id) WHERE state = 2;
        -- "Already queued in another job" and the backlog.
        CREATE INDEX retry_tasks_active_by_item
            ON retry_tasks (item_ref) WHERE state IN (1, 2);
        -- Jobs that touch a sync.
        CREATE INDEX retry_tasks_by_sync ON retry_tasks (sync_ref, job_ref);
        """
}
