import SyncHealthStorage
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
package enum SyncInsights {
    /// Brings the rollups and error groups of the sync with row id
    /// `syncRowID` up to date. A missing sync is left alone.
    /// Alert rules watching syncs and error groups see the change here too
    /// (`AlertOutbox.syncChanged`), unless `firesAlerts` is false: a rebuild
    /// recounts what already happened and fires nothing.
    static func refresh(
        syncRowID: Int64, itemsChanged: Bool, now: Int64, tables: RollupTables = .all, firesAlerts: Bool = true,
        on connection: any SQLConnection
    ) throws {
        guard let current = try SyncFacts.current(syncRowID, on: connection) else { return }
        let facts = current.facts
        let stored = try SyncFacts.stored(syncRowID, on: connection)
        let oldItems = try ItemKey.stored(syncRowID, on: connection)
        let newItems = itemsChanged ? try ItemKey.current(syncRowID, on: connection) : oldItems
        let oldGroups = try SyncErrorGroups.stored(syncRowID, on: connection)
        let (newGroups, seen) = try SyncErrorGroups.current(
            syncRowID, syncErrors: current.errors,
            storedItemErrors: itemsChanged ? nil : oldGroups.mapValues(\.itemErrors), on: connection)
        let created = try SyncErrorGroups.register(seen, now: now, on: connection)

        // The arithmetic is the domain core's (RollupDelta); this applies it.
        let delta = RollupDelta.between(
            stored: stored, current: facts, oldItems: oldItems, newItems: newItems,
            oldGroups: oldGroups, newGroups: newGroups)
        for cell in delta.syncs {
            try RollupStatements.addSyncs(cell.syncs, bucket: cell.bucket, statusCode: cell.statusCode, tables: tables, on: connection)
        }
        for cell in delta.items {
            try RollupStatements.addItems(cell.items, bucket: cell.bucket, key: cell.key, tables: tables, on: connection)
        }
        for cell in delta.groups {
            try RollupStatements.addGroupDelta(
                occurrences: cell.occurrences, itemOccurrences: cell.itemOccurrences, syncs: cell.syncs,
                groupId: cell.groupId, bucket: cell.bucket, tables: tables, on: connection)
        }
        if stored != facts {
            try facts.store(syncRowID, on: connection)
        }
        if itemsChanged {
            try ItemKey.store(syncRowID, old: oldItems, new: newItems, on: connection)
        }
        try SyncErrorGroups.store(
            syncRowID, syncId: current.syncId, facts: facts, factsChanged: stored?.bucket != facts.bucket
                || stored?.startedAt != facts.startedAt,
            old: oldGroups, new: newGroups, on: connection)
        guard firesAlerts else { return }
        let grown = newGroups.filter { groupId, value in
            let before = oldGroups[groupId] ?? GroupOccurrences()
            return value.syncErrors + value.itemErrors > before.syncErrors + before.itemErrors
        }.map(\.key)
        try AlertOutbox.syncChanged(
            syncId: current.syncId, facts: facts, previous: stored, created: created, grown: grown, now: now, on: connection)
    }

    /// Rebuilds every rollup and error group from the syncs and items: the
    /// backfill of migration 0004_insights, and a repair tool. Runs in the
    /// caller's transaction.
    @Sendable
    package static func rebuildAll(_ connection: any SQLConnection) throws {
        try rebuildAll(connection, tables: .all)
    }

    /// The backfill of migration 0004_insights, which runs before
    /// 0006_global_rollups has created the company-less tables.
    @Sendable
    package static func rebuildPerCompany(_ connection: any SQLConnection) throws {
        try rebuildAll(connection, tables: .perCompanyOnly)
    }

    private static func rebuildAll(_ connection: any SQLConnection, tables: RollupTables) throws {
        var rollups = ["rollup_syncs", "rollup_items", "rollup_error_groups"]
        if case .all = tables {
            rollups += ["rollup_syncs_global", "rollup_items_global", "rollup_error_groups_global"]
        }
        for table in rollups + ["sync_error_groups", "sync_item_counts", "sync_rollup_keys"] {
            try connection.execute("DELETE FROM \(table)")
        }
        let now = try connection.scalar("SELECT coalesce(max(updated_at), 0) FROM syncs")
        for rowID in try connection.all("SELECT id FROM syncs ORDER BY id", [], { $0.int64(0) }) {
            try refresh(syncRowID: rowID, itemsChanged: true, now: now, tables: tables, firesAlerts: false, on: connection)
        }
    }
}
