import SyncHealthConcurrency
import SyncHealthDemo
@testable import SyncHealthStorage
import Testing
import SyncHealthTestSupport
import SyncHealthTestTraits

/// The rollup arithmetic as pure code: what one sync's refresh adds to and
/// subtracts from the dashboard cells.
@Suite(.offThePool) struct RollupDeltaTests {
    let day10 = RollupBucket(day: 10, companyId: "c-1", product: 1, sourcePlatform: "shopify", targetPlatform: "xero")
    var day11: RollupBucket { var b = day10; b.day = 11; return b }
    let invoicesFailed = ItemKey(dataType: "invoices", status: 3)
    let invoicesOK = ItemKey(dataType: "invoices", status: 1)

    func facts(_ bucket: RollupBucket, status: Int64 = 5, startedAt: Int64 = 864_000_000) -> SyncFacts {
        SyncFacts(bucket: bucket, statusCode: status, startedAt: startedAt)
    }

    @Test func aNewSyncEntersItsCells() {
        let delta = RollupDelta.between(
            stored: nil, current: facts(day10), oldItems: [:], newItems: [invoicesFailed: 2],
            oldGroups: [:], newGroups: ["g1": GroupOccurrences(syncErrors: 1, itemErrors: 2)])
        #expect(delta.syncs == [.init(bucket: day10, statusCode: 5, syncs: 1)])
        #expect(delta.items == [.init(bucket: day10, key: invoicesFailed, items: 2)])
        #expect(delta.groups == [.init(bucket: day10, groupId: "g1", occurrences: 3, itemOccurrences: 2, syncs: 1)])
    }

    @Test func nothingChangedIsEmpty() {
        let delta = RollupDelta.between(
            stored: facts(day10), current: facts(day10), oldItems: [invoicesFailed: 2], newItems: [invoicesFailed: 2],
            oldGroups: ["g1": GroupOccurrences(itemErrors: 2)], newGroups: ["g1": GroupOccurrences(itemErrors: 2)])
        #expect(delta.isEmpty)
    }

    @Test func aRetryMovesItemsAndStatusWithinTheBucket() {
        // Two failed invoices fixed by a retry: the sync goes from 5 to 2.
        let delta = RollupDelta.between(
            stored: facts(day10, status: 5), current: facts(day10, status: 2),
            oldItems: [invoicesFailed: 2], newItems: [invoicesOK: 2],
            oldGroups: ["g1": GroupOccurrences(itemErrors: 2)], newGroups: [:])
        #expect(delta.syncs == [.init(bucket: day10, statusCode: 5, syncs: -1), .init(bucket: day10, statusCode: 2, syncs: 1)])
        #expect(delta.items == [.init(bucket: day10, key: invoicesFailed, items: -2), .init(bucket: day10, key: invoicesOK, items: 2)])
        #expect(delta.groups == [.init(bucket: day10, groupId: "g1", occurrences: -2, itemOccurrences: -2, syncs: -1)])
    }

    @Test func aPartialFixKeepsTheSyncInTheGroup() {
        let delta = RollupDelta.between(
            stored: facts(day10), current: facts(day10), oldItems: [:], newItems: [:],
            oldGroups: ["g1": GroupOccurrences(syncErrors: 1, itemErrors: 2)],
            newGroups: ["g1": GroupOccurrences(syncErrors: 1, itemErrors: 1)])
        #expect(delta.groups == [.init(bucket: day10, groupId: "g1", occurrences: -1, itemOccurrences: -1, syncs: 0)])
    }

    @Test func aSyncMovedToAnotherDayLeavesEveryOldCell() {
        let delta = RollupDelta.between(
            stored: facts(day10), current: facts(day11, startedAt: 950_400_000),
            oldItems: [invoicesFailed: 2], newItems: [invoicesFailed: 2],
            oldGroups: ["g1": GroupOccurrences(itemErrors: 2)], newGroups: ["g1": GroupOccurrences(itemErrors: 2)])
        #expect(delta.syncs == [.init(bucket: day10, statusCode: 5, syncs: -1), .init(bucket: day11, statusCode: 5, syncs: 1)])
        #expect(delta.items == [.init(bucket: day10, key: invoicesFailed, items: -2), .init(bucket: day11, key: invoicesFailed, items: 2)])
        #expect(delta.groups == [
            .init(bucket: day10, groupId: "g1", occurrences: -2, itemOccurrences: -2, syncs: -1),
            .init(bucket: day11, groupId: "g1", occurrences: 2, itemOccurrences: 2, syncs: 1),
        ])
    }

    @Test func aStartTimeMovedWithinTheDayChangesNoCell() {
        let delta = RollupDelta.between(
            stored: facts(day10, startedAt: 864_000_000), current: facts(day10, startedAt: 864_000_500),
            oldItems: [:], newItems: [:], oldGroups: [:], newGroups: [:])
        #expect(delta.isEmpty)
    }

    /// Summing the deltas of a sequence of states always gives the cells of
    /// the last state: the property the full-scan equality tests check end
    /// to end, here over many random transitions.
    @Test func deltasTelescopeToTheLastState() {
        var generator = SplitMix64(seed: 7)
        let buckets = [day10, day11]
        let keys = [invoicesFailed, invoicesOK, ItemKey(dataType: "payments", status: 4)]
        var cells: [String: Int64] = [:]
        var stored: SyncFacts?
        var oldItems: [ItemKey: Int64] = [:]
        var oldGroups: [String: GroupOccurrences] = [:]
        for _ in 0..<500 {
            let current = facts(buckets[Int(generator.next() % 2)], status: Int64(generator.next() % 3) + 1)
            var newItems: [ItemKey: Int64] = [:]
            for key in keys where generator.next() % 2 == 0 { newItems[key] = Int64(generator.next() % 4) + 1 }
            var newGroups: [String: GroupOccurrences] = [:]
            for group in ["g1", "g2"] where generator.next() % 2 == 0 {
                newGroups[group] = GroupOccurrences(syncErrors: Int64(generator.next() % 2), itemErrors: Int64(generator.next() % 3) + 1)
            }
            let delta = RollupDelta.between(
                stored: stored, current: current, oldItems: oldItems, newItems: newItems,
                oldGroups: oldGroups, newGroups: newGroups)
            for cell in delta.syncs { cells["s\(cell.bucket.day)/\(cell.statusCode)", default: 0] += cell.syncs }
            for cell in delta.items { cells["i\(cell.bucket.day)/\(cell.key.dataType)/\(cell.key.status)", default: 0] += cell.items }
            for cell in delta.groups {
                cells["g\(cell.bucket.day)/\(cell.groupId)/occ", default: 0] += cell.occurrences
                cells["g\(cell.bucket.day)/\(cell.groupId)/items", default: 0] += cell.itemOccurrences
                cells["g\(cell.bucket.day)/\(cell.groupId)/syncs", default: 0] += cell.syncs
            }
            (stored, oldItems, oldGroups) = (current, newItems, newGroups)
        }
        guard let last = stored else { Issue.record("no state"); return }
        var expected: [String: Int64] = ["s\(last.bucket.day)/\(last.statusCode)": 1]
        for (key, count) in oldItems { expected["i\(last.bucket.day)/\(key.dataType)/\(key.status)"] = count }
        for (group, value) in oldGroups {
            expected["g\(last.bucket.day)/\(group)/occ"] = value.total
            expected["g\(last.bucket.day)/\(group)/items"] = value.itemErrors
            expected["g\(last.bucket.day)/\(group)/syncs"] = 1
        }
        #expect(cells.filter { $0.value != 0 } == expected)
    }
}
