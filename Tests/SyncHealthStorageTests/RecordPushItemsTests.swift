@testable import SyncHealthStorage
@testable import SyncHealthSQLite
@testable import SyncHealthRelational
import SyncHealthWire
import Testing
import SyncHealthTestSupport
import SyncHealthTestTraits

@Suite(.offThePool) struct RecordPushItemsTests {
    @Test func storesItemsCountsAndAttempts() throws {
        try withStore { store in
            try store.record(makeSync("s-1", status: .inProgress))
            let response = try store.push("s-1", [
                report("i-1", status: .success),
                report("i-2", status: .pending, dataType: "payments"),
                report("i-3", status: .success, dataType: "payments"),
            ], now: baseTime + 5)
            #expect(response.accepted == 3 && response.created == 3)
            let sync = try #require(response.sync)
            #expect(sync.itemCounts == ItemCounts(total: 3, pending: 1, succeeded: 2))
            #expect(sync.dataPushed)
            #expect(sync.statusCode == .inProgress)
            #expect(sync.updatedAtMs == baseTime + 5)
            #expect(try store.count("push_attempts") == 3)
        }
    }

    @Test func resendingTheSameReportsAppendsNothing() throws {
        try withStore { store in
            try store.record(makeSync("s-1"))
            let batch = [
                report("i-1", status: .failed, key: "k-1", error: "rejected"),
                report("i-2", status: .success, at: baseTime + 7),  // no key: time + status
            ]
            try store.push("s-1", batch, now: baseTime + 1)
            let before = try store.snapshot()
            let again = try store.push("s-1", batch, now: baseTime + 2)
            #expect(again.accepted == 0 && again.created == 0)
            #expect(try store.snapshot() == before)

            // Same key, other content: still the same attempt.
            var sameKey = batch[0]
            sameKey.attemptedAtMs += 1000
            #expect(try store.push("s-1", [sameKey]).accepted == 0)

            // Without a key, another time is another attempt.
            var later = batch[1]
            later.attemptedAtMs += 1000
            let appended = try store.push("s-1", [later])
            #expect(appended.accepted == 1 && appended.created == 0)
            let items = try store.listPushItems(ListPushItemsRequest(syncId: "s-1", includeAttempts: true)).items
            let second = try #require(items.first { $0.itemId == "i-2" })
            #expect(second.attemptCount == 2)
            #expect(second.attempts.map(\.number) == [1, 2])
            #expect(second.attempts.allSatisfy { $0.trigger == .initial && $0.actor == "sync-engine" })
        }
    }

    @Test func finishedSyncWithAFailedItemBecomesDataPushError() throws {
        try withStore { store in
            try store.record(makeSync("s-1", status: .successDataPushed))
            let failed = try store.push("s-1", [report("i-1"), report("i-2", status: .timedOut, key: "a")])
            #expect(failed.sync?.statusCode == .dataPushError)
            #expect(failed.sync?.statusText == "Data push error")
            #expect(failed.sync?.itemCounts?.timedOut == 1)

            // The engine re-reporting success does not hide the failure.
            let rerecorded = try store.record(makeSync("s-1", status: .successDataPushed), now: baseTime + 9)
            #expect(rerecorded.sync?.statusCode == .dataPushError)

            // Once the item succeeds, the reported success shows again.
            let recovered = try store.push("s-1", [report("i-2", status: .success, at: baseTime + 5_000, key: "b")])
            #expect(recovered.sync?.statusCode == .successDataPushed)
            #expect(recovered.sync?.itemCounts == ItemCounts(total: 2, succeeded: 2))
        }
    }

    @Test func inProgressSyncKeepsItsStatusUntilItFinishes() throws {
        try withStore { store in
            try store.record(makeSync("s-1", status: .inProgress))
            let response = try store.push("s-1", [report("i-1", status: .failed, error: "nope")])
            #expect(response.sync?.statusCode == .inProgress)
            #expect(response.sync?.dataPushed == false)
            let finished = try store.record(makeSync("s-1", status: .successDataPushed))
            #expect(finished.sync?.statusCode == .dataPushError)
            // An already failed code is kept (more specific than 5130).
            let configError = try store.record(makeSync("s-1", status: .configurationError))
            #expect(configError.sync?.statusCode == .configurationError)
        }
    }

    @Test func latestAttemptWinsAndErrorsOnlyOnFailures() throws {
        try withStore { store in
            try store.record(makeSync("s-1", status: .inProgress))
            try store.push("s-1", [report("i-1", status: .success, at: baseTime + 100)])
            // An older failure arrives late: history only.
            try store.push("s-1", [report("i-1", status: .failed, at: baseTime + 50, error: "old")])
            var item = try #require(try store.listPushItems(ListPushItemsRequest(syncId: "s-1")).items.first)
            #expect(item.status == .success && item.errorMessage == "" && item.attemptCount == 2)
            #expect(item.targetRecordId == "rec-i-1" && item.lastAttemptAtMs == baseTime + 100)
            // A newer failure wins and keeps the target record id it already had.
            try store.push("s-1", [report("i-1", status: .failed, at: baseTime + 200, error: "new")])
            item = try #require(try store.listPushItems(ListPushItemsRequest(syncId: "s-1")).items.first)
            #expect(item.status == .failed && item.errorMessage == "new" && item.targetRecordId == "rec-i-1")
        }
    }

    @Test func unknownSyncIsNotFoundAndWritesNothing() throws {
        try withStore { store in
            try store.record(makeSync("s-1"))
            let before = try store.snapshot()
            expectRPCError(.notFound) { try store.push("missing", [report("i-1")]) }
            #expect(try store.snapshot() == before)
        }
    }

    /// A batch with any invalid report is INVALID_ARGUMENT and writes nothing,
    /// even when the bad report is the last of many good ones.
    @Test func invalidBatchesWriteNothing() throws {
        try withStore { store in
            try store.record(makeSync("s-1"))
            try store.push("s-1", [report("i-0")])
            let before = try store.snapshot()
            let good = (1...50).map { report("i-\($0)") }
            let long = String(repeating: "x", count: Limits.maxIdBytes + 1)
            var bad: [(String, [PushItemReport])] = [("s-1", []), ("", [report("i-1")])]
            bad.append(("s-1", (0...Limits.maxPushItemsPerBatch).map { report("i-\($0)") }))
            func variant(_ change: (inout PushItemReport) -> Void) {
                var item = report("i-last")
                change(&item)
                bad.append(("s-1", good + [item]))
            }
            variant { $0.itemId = "" }
            variant { $0.itemId = long }
            variant { $0.coreId = long }
            variant { $0.dataType = "" }
            variant { $0.dataType = String(repeating: "d", count: Limits.maxDataTypeBytes + 1) }
            variant { $0.status = .unspecified }
            variant { $0.status = .unrecognized(9) }
            variant { $0.attemptedAtMs = -1 }
            variant { $0.errorMessage = String(repeating: "e", count: Limits.maxErrorMessageBytes + 1) }
            variant { $0.targetRecordId = String(repeating: "t", count: Limits.maxTargetRecordIdBytes + 1) }
            variant { $0.idempotencyKey = String(repeating: "k", count: Limits.maxIdempotencyKeyBytes + 1) }
            for (syncId, items) in bad {
                expectRPCError(.invalidArgument) { try store.push(syncId, items) }
            }
            let overLimit = expectRPCError(.invalidArgument) {
                try store.push("s-1", (0...Limits.maxPushItemsPerBatch).map { report("i-\($0)") })
            }
            #expect(overLimit?.message.contains("10000") == true)
            #expect(try store.snapshot() == before)
        }
    }

    @Test func fullBatchOfTenThousandInOneTransaction() throws {
        try withStore { store in
            try store.record(makeSync("s-1"))
            let items = (0..<Limits.maxPushItemsPerBatch).map {
                report("i-\($0)", status: $0 % 100 == 0 ? .failed : .success, dataType: $0 % 2 == 0 ? "invoices" : "bills")
            }
            let response = try store.push("s-1", items)
            #expect(response.accepted == 10_000 && response.created == 10_000)
            #expect(response.sync?.itemCounts == ItemCounts(total: 10_000, succeeded: 9_900, failed: 100))
            #expect(response.sync?.statusCode == .dataPushError)
        }
    }
}
