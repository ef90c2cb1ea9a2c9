/// What one sync's refresh changes in the dashboard rollups: the pure part
/// of keeping the rollups equal to a full scan. An engine reads what the
/// rollups last counted for the sync and what it counts as now, asks for the
/// delta, and adds each cell's numbers in the same transaction as the write.
///
/// A sync that stays in its bucket changes each cell by the difference; a
/// sync that moved to another bucket (its day, company, product or
/// platforms changed) leaves every old cell and enters every new one. Cells
/// whose change is zero are left out, and the cells come out sorted, so the
/// same inputs always give the same statements.
package struct RollupDelta: Equatable, Sendable {
    /// Syncs with a status code in a bucket.
    package struct SyncCell: Equatable, Sendable {
        package var bucket: RollupBucket
        package var statusCode: Int64
        package var syncs: Int64
    }

    /// Items of a (data type, status) in a bucket.
    package struct ItemCell: Equatable, Sendable {
        package var bucket: RollupBucket
        package var key: ItemKey
        package var items: Int64
    }

    /// One error group's numbers in a bucket: occurrences (the sync's own
    /// and its items'), item occurrences, and syncs that have the group.
    package struct GroupCell: Equatable, Sendable {
        package var bucket: RollupBucket
        package var groupId: String
        package var occurrences: Int64
        package var itemOccurrences: Int64
        package var syncs: Int64
    }

    package var syncs: [SyncCell] = []
    package var items: [ItemCell] = []
    package var groups: [GroupCell] = []

    /// True when nothing changes.
    package var isEmpty: Bool { syncs.isEmpty && items.isEmpty && groups.isEmpty }

    /// The change from what the rollups hold for a sync (`stored`, nil before
    /// its first count, with `oldItems` and `oldGroups`) to what it counts as
    /// now.
    package static func between(
        stored: SyncFacts?, current: SyncFacts,
        oldItems: [ItemKey: Int64], newItems: [ItemKey: Int64],
        oldGroups: [String: GroupOccurrences], newGroups: [String: GroupOccurrences]
    ) -> RollupDelta {
        var delta = RollupDelta()
        if stored != current {
            if let stored {
                delta.syncs.append(SyncCell(bucket: stored.bucket, statusCode: stored.statusCode, syncs: -1))
            }
            delta.syncs.append(SyncCell(bucket: current.bucket, statusCode: current.statusCode, syncs: 1))
            if let stored, stored.bucket == current.bucket, stored.statusCode == current.statusCode {
                delta.syncs = []  // only the start time moved inside the day: same cell, net zero
            }
        }
        if let stored, stored.bucket != current.bucket {
            for (key, count) in oldItems where count != 0 {
                delta.items.append(ItemCell(bucket: stored.bucket, key: key, items: -count))
            }
            for (key, count) in newItems where count != 0 {
                delta.items.append(ItemCell(bucket: current.bucket, key: key, items: count))
            }
            for (groupId, old) in oldGroups {
                delta.groups.append(GroupCell(
                    bucket: stored.bucket, groupId: groupId, occurrences: -old.total,
                    itemOccurrences: -old.itemErrors, syncs: -1))
            }
            for (groupId, new) in newGroups {
                delta.groups.append(GroupCell(
                    bucket: current.bucket, groupId: groupId, occurrences: new.total,
                    itemOccurrences: new.itemErrors, syncs: 1))
            }
        } else {
            for key in Set(oldItems.keys).union(newItems.keys) {
                let change = newItems[key, default: 0] - oldItems[key, default: 0]
                if change != 0 { delta.items.append(ItemCell(bucket: current.bucket, key: key, items: change)) }
            }
            for groupId in Set(oldGroups.keys).union(newGroups.keys) {
                let old = oldGroups[groupId] ?? GroupOccurrences()
                let new = newGroups[groupId] ?? GroupOccurrences()
                let cell = GroupCell(
                    bucket: current.bucket, groupId: groupId, occurrences: new.total - old.total,
                    itemOccurrences: new.itemErrors - old.itemErrors,
                    syncs: (new.total > 0 ? 1 : 0) - (old.total > 0 ? 1 : 0))
                if cell.occurrences != 0 || cell.itemOccurrences != 0 || cell.syncs != 0 { delta.groups.append(cell) }
            }
        }
        delta.sort()
        return delta
    }

    /// Subtractions first (a cell a sync leaves is emptied before another is
    /// filled), then by bucket and key: a stable order for statements and tests.
    private mutating func sort() {
        syncs.sort { ($0.syncs, $0.bucket.sortKey, $0.statusCode) < ($1.syncs, $1.bucket.sortKey, $1.statusCode) }
        items.sort { lhs, rhs in
            if lhs.items.signum() != rhs.items.signum() { return lhs.items < rhs.items }
            if lhs.bucket != rhs.bucket { return lhs.bucket.sortKey < rhs.bucket.sortKey }
            return (lhs.key.dataType, lhs.key.status) < (rhs.key.dataType, rhs.key.status)
        }
        groups.sort { lhs, rhs in
            if lhs.syncs.signum() != rhs.syncs.signum() { return lhs.syncs < rhs.syncs }
            if lhs.bucket != rhs.bucket { return lhs.bucket.sortKey < rhs.bucket.sortKey }
            return lhs.groupId < rhs.groupId
        }
    }
}

extension RollupBucket {
    /// The bucket's columns joined, for ordering only.
    fileprivate var sortKey: String { "\(day)\u{1}\(companyId)\u{1}\(product)\u{1}\(sourcePlatform)\u{1}\(targetPlatform)" }
}
