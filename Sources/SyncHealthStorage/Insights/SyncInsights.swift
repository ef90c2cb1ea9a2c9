/// Keeps one sync's share of the dashboard rollups and error groups equal to
/// the sync as it is now. Called by the central write functions, in the
/// transaction that changed the sync or its items:
///
/// - `SyncRecordStatement.insert` / `.update` (RecordSync) with
///   `itemsChanged: false`: the sync's own fields changed, its items did not;
/// - `PushItemStatement.refreshSync` (RecordPushItems, and the retry
///   executor, which records outcomes through `apply` + `refreshSync`) with
///   `itemsChanged: true`.
///
/// The rollups hold, per sync, what it was last counted as
/// (`sync_rollup_keys`, `sync_item_counts`, `sync_error_groups`); a refresh
/// subtracts that and adds what the sync counts as now. Moving a sync to
/// another status or bucket is the same operation as any other change, so
/// retries that turn a failed sync into a successful one move it between
/// status cells, and the rollups always equal a full scan.
enum SyncInsights {
    /// Brings the rollups and error groups of the sync with row id
    /// `syncRowID` up to date. A missing sync is left alone.
    static func refresh(
        syncRowID: Int64, itemsChanged: Bool, now: Int64, tables: RollupTables = .all, on connection: Connection
    ) throws {
        guard let current = try SyncFacts.current(syncRowID, on: connection) else { return }
        let facts = current.facts
        let stored = try SyncFacts.stored(syncRowID, on: connection)
        let bucketMoved = stored?.bucket != facts.bucket

        // Syncs by status code.
        if stored != facts {
            if let stored {
                try RollupStatements.addSyncs(-1, bucket: stored.bucket, statusCode: stored.statusCode, tables: tables, on: connection)
            }
            try RollupStatements.addSyncs(1, bucket: facts.bucket, statusCode: facts.statusCode, tables: tables, on: connection)
            try facts.store(syncRowID, on: connection)
        }

        // Items by data type and status.
        let oldItems = try ItemKey.stored(syncRowID, on: connection)
        let newItems = itemsChanged ? try ItemKey.current(syncRowID, on: connection) : oldItems
        if bucketMoved, let stored {
            for (key, count) in oldItems {
                try RollupStatements.addItems(-count, bucket: stored.bucket, key: key, tables: tables, on: connection)
            }
            for (key, count) in newItems {
                try RollupStatements.addItems(count, bucket: facts.bucket, key: key, tables: tables, on: connection)
            }
        } else {
            for key in Set(oldItems.keys).union(newItems.keys) {
                let delta = newItems[key, default: 0] - oldItems[key, default: 0]
                try RollupStatements.addItems(delta, bucket: facts.bucket, key: key, tables: tables, on: connection)
            }
        }
        if itemsChanged {
            try ItemKey.store(syncRowID, old: oldItems, new: newItems, on: connection)
        }

        // Error groups.
        let oldGroups = try SyncErrorGroups.stored(syncRowID, on: connection)
        let (newGroups, seen) = try SyncErrorGroups.current(
            syncRowID, syncErrors: current.errors,
            storedItemErrors: itemsChanged ? nil : oldGroups.mapValues(\.itemErrors), on: connection)
        try SyncErrorGroups.register(seen, now: now, on: connection)
        if bucketMoved, let stored {
            for (groupId, occurrences) in oldGroups {
                try RollupStatements.addGroup(-1, occurrences, groupId: groupId, bucket: stored.bucket, tables: tables, on: connection)
            }
            for (groupId, occurrences) in newGroups {
                try RollupStatements.addGroup(1, occurrences, groupId: groupId, bucket: facts.bucket, tables: tables, on: connection)
            }
        } else {
            for groupId in Set(oldGroups.keys).union(newGroups.keys) {
                let old = oldGroups[groupId] ?? GroupOccurrences()
                let new = newGroups[groupId] ?? GroupOccurrences()
                try RollupStatements.addGroupDelta(
                    occurrences: new.total - old.total, itemOccurrences: new.itemErrors - old.itemErrors,
                    syncs: (new.total > 0 ? 1 : 0) - (old.total > 0 ? 1 : 0),
                    groupId: groupId, bucket: facts.bucket, tables: tables, on: connection)
            }
        }
        try SyncErrorGroups.store(
            syncRowID, syncId: current.syncId, facts: facts, factsChanged: stored?.bucket != facts.bucket
                || stored?.startedAt != facts.startedAt,
            old: oldGroups, new: newGroups, on: connection)
    }

    /// Rebuilds every rollup and error group from the syncs and items: the
    /// backfill of migration 0004_insights, and a repair tool. Runs in the
    /// caller's transaction.
    @Sendable
    static func rebuildAll(_ connection: Connection) throws {
        try rebuildAll(connection, tables: .all)
    }

    /// The backfill of migration 0004_insights, which runs before
    /// 0006_global_rollups has created the company-less tables.
    @Sendable
    static func rebuildPerCompany(_ connection: Connection) throws {
        try rebuildAll(connection, tables: .perCompanyOnly)
    }

    private static func rebuildAll(_ connection: Connection, tables: RollupTables) throws {
        var rollups = ["rollup_syncs", "rollup_items", "rollup_error_groups"]
        if case .all = tables {
            rollups += ["rollup_syncs_global", "rollup_items_global", "rollup_error_groups_global"]
        }
        for table in rollups + ["sync_error_groups", "sync_item_counts", "sync_rollup_keys"] {
            try connection.execute("DELETE FROM \(table)")
        }
        let now = try connection.scalar("SELECT coalesce(max(updated_at), 0) FROM syncs")
        for rowID in try connection.all("SELECT id FROM syncs ORDER BY id", [], { $0.int64(0) }) {
            try refresh(syncRowID: rowID, itemsChanged: true, now: now, tables: tables, on: connection)
        }
    }
}
