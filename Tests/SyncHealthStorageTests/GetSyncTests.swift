@testable import SyncHealthStorage
@testable import SyncHealthSQLite
@testable import SyncHealthRelational
import SyncHealthWire
import Testing
import SyncHealthTestSupport
import SyncHealthTestTraits

@Suite(.offThePool) struct GetSyncTests {
    @Test func countsPerDataTypeOrderedByDataType() throws {
        try withStore { store in
            try store.record(makeSync("s-1", status: .inProgress))
            try store.push("s-1", [
                report("1", status: .success, dataType: "payments"),
                report("2", status: .failed, dataType: "invoices"),
                report("3", status: .pending, dataType: "invoices"),
                report("4", status: .timedOut, dataType: "creditNotes"),
                report("5", status: .success, dataType: "invoices"),
            ])
            let response = try store.getSync(syncId: "s-1")
            #expect(response.sync?.syncId == "s-1")
            #expect(response.sync?.itemCounts == ItemCounts(total: 5, pending: 1, succeeded: 2, failed: 1, timedOut: 1))
            #expect(response.dataTypes == [
                DataTypeCounts(dataType: "creditNotes", counts: ItemCounts(total: 1, timedOut: 1)),
                DataTypeCounts(dataType: "invoices", counts: ItemCounts(total: 3, pending: 1, succeeded: 1, failed: 1)),
                DataTypeCounts(dataType: "payments", counts: ItemCounts(total: 1, succeeded: 1)),
            ])
            #expect(response.retries == RetrySummary())
        }
    }

    /// Retry attempts are written by the retry executor (not part of this
    /// store yet), so the test inserts them directly.
    @Test func retrySummaryFromRetryAttempts() throws {
        try withStore { store in
            try store.record(makeSync("s-1"))
            try store.push("s-1", [report("a", status: .failed), report("b", status: .failed), report("c")])
            try store.write { connection in
                let rows: [(String, Int64, Int64, PushItemStatus, AttemptTrigger, String)] = [
                    ("a", 2, baseTime + 10, .failed, .manualRetry, "job-1"),
                    ("a", 3, baseTime + 20, .success, .automaticRetry, "job-1"),
                    ("b", 2, baseTime + 30, .success, .manualRetry, "job-2"),
                    ("b", 3, baseTime + 40, .success, .manualRetry, ""),
                ]
                for (item, number, at, outcome, trigger, job) in rows {
                    try connection.run("""
                        INSERT INTO push_attempts (item_ref, number, attempted_at, outcome, error_message,
                            attempt_trigger, actor, idempotency_key, retry_job_id, reason)
                        VALUES ((SELECT id FROM push_items WHERE item_id = ?), ?, ?, ?, '', ?, 'support@example.com',
                            ?, ?, 'customer asked')
                        """, [.text(item), .integer(number), .integer(at), .int32(outcome.rawValue),
                              .int32(trigger.rawValue), .text("key-\(item)-\(number)"), .text(job)])
                }
            }
            let retries = try #require(try store.getSync(syncId: "s-1").retries)
            #expect(retries == RetrySummary(
                jobs: 2, retriedAttempts: 4, recoveredItems: 2, lastRetryAtMs: baseTime + 40, lastJobId: "job-2"))
        }
    }

    @Test func errors() throws {
        try withStore { store in
            expectRPCError(.invalidArgument) { _ = try store.getSync(syncId: "") }
            expectRPCError(.invalidArgument) { _ = try store.getSync(syncId: String(repeating: "x", count: 129)) }
            expectRPCError(.notFound) { _ = try store.getSync(syncId: "missing") }
        }
    }
}
