import Dispatch
import Foundation
@testable import SyncHealthStorage
@testable import SyncHealthSQLite
@testable import SyncHealthRelational
import SyncHealthConcurrency
import SyncHealthWire
import Testing
import SyncHealthTestSupport
import SyncHealthTestTraits

/// The WAL stays bounded while readers overlap all the time (found by the
/// soak: with four readers and a slow dashboard the WAL never restarted and
/// reached 6 GB in 23 minutes).
@Suite(.offThePool) struct WALGrowthTests {
    @Test func walStaysBoundedUnderReadsThatNeverStop() throws {
        let database = try TemporaryDatabase()
        let limit: Int64 = 256 * 1024
        let store = try SQLiteSyncStore(configuration: .init(path: database.path, readerCount: 2, walLimitBytes: limit))
        let stopped = DispatchGroup()
        // Two readers, each holding a snapshot for 5 ms, staggered so that
        // one is always inside a read transaction.
        let running = ReaderFlag()
        for offset in [0, 3] {
            stopped.enter()
            DispatchQueue(label: "test.wal-reader").async {
                usleep(UInt32(offset * 1_000))
                while !running.stopped {
                    _ = try? store.database.read { connection -> Int64 in
                        let count = try connection.scalar("SELECT count(*) FROM syncs")
                        usleep(5_000)
                        return count
                    }
                }
                stopped.leave()
            }
        }
        var largest: Int64 = 0
        for index in 0..<60 {
            try store.record(makeSync("wal-\(index)", company: "company-\(index % 5)"))
            try store.push("wal-\(index)", (0..<50).map { report("item-\($0)", status: $0 % 4 == 0 ? .failed : .success) })
            largest = max(largest, walBytes(database.path))
        }
        running.stop()
        stopped.wait()
        // Without the checkpoint that waits for readers this grows with every
        // write (13 MB here); with it the WAL restarts within a few limits (an
        // attempt that times out waits for another limit of WAL, so two or
        // three misses in a row are possible, and are still bounded).
        #expect(largest < limit * 10, "WAL reached \(largest) bytes with a \(limit)-byte limit")
        #expect(try store.getSync(syncId: "wal-59").sync?.itemCounts?.total == 50)
    }

    private func walBytes(_ path: String) -> Int64 {
        ((try? FileManager.default.attributesOfItem(atPath: path + "-wal"))?[.size] as? NSNumber)?.int64Value ?? 0
    }
}

/// A stop flag the reader threads poll.
private final class ReaderFlag: Sendable {
    private let flag = Locked(false)
    var stopped: Bool { flag.withLock { $0 } }
    func stop() { flag.withLock { $0 = true } }
}
