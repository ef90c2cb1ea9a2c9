@testable import SyncHealthStorage
import SyncHealthTestSupport
import SyncHealthWire
import Testing
import SyncHealthTestTraits

/// Leasing attempts and recording their outcomes in the store.
@Suite(.offThePool) struct RetryQueueStoreTests {
    @Test(arguments: TestEngine.all) func leasingWritesThePendingAttemptWithItsKeyFirst(engine: TestEngine) throws {
        let db = try TestStore(engine: engine)
        try db.seed("s-1", items: [item("i-1")])
        let job = try #require(try db.store.retryFailedItems(syncRetry("s-1"), requestedBy: "ana", now: t0).job)
        let lease = try #require(try db.lease(at: t0 + 100).first)
        #expect(lease.jobId == job.jobId && lease.attemptsMade == 1 && !lease.isRedelivery)
        #expect(lease.request.syncId == "s-1" && lease.request.itemId == "i-1" && lease.request.coreId == "ord_i-1")
        #expect(lease.request.companyId == "company-1" && lease.request.targetPlatform == "xero")
        #expect(lease.request.attemptNumber == 2)
        #expect(lease.request.idempotencyKey.hasPrefix("rk_"))
        #expect(lease.leaseExpiresAtMs == t0 + 10_100)

        let attempts = try db.attempts("s-1", "i-1")
        #expect(attempts.count == 2)
        #expect(attempts[1] == PushAttempt(
            number: 2, attemptedAtMs: t0 + 100, outcome: .pending, trigger: .manualRetry, actor: "ana",
            idempotencyKey: lease.request.idempotencyKey, retryJobId: job.jobId, reason: "Account mapping fixed"))
        // The item keeps its status until the outcome is known.
        let item = try db.item("s-1", "i-1")
        #expect(item.status == .failed && item.attemptCount == 2)
        let running = try db.store.getRetryJob(jobId: job.jobId)
        #expect(running.state == .running && running.startedAtMs == t0 + 100)
        #expect(try db.store.retryBacklog(now: t0 + 100) == RetryBacklog(queued: 0, leased: 1, nextDueAtMs: t0 + 10_100))
        #expect(try db.lease(at: t0 + 200).isEmpty)
    }

    @Test(arguments: TestEngine.all) func anExpiredLeaseIsTakenAgainWithTheSameKey(engine: TestEngine) throws {
        let db = try TestStore(engine: engine)
        try db.seed("s-1", items: [item("i-1")])
        _ = try db.store.retryFailedItems(syncRetry("s-1"), requestedBy: "ana", now: t0)
        let first = try #require(try db.lease(at: t0, leaseMs: 1_000).first)
        #expect(try db.lease(at: t0 + 999, leaseMs: 1_000).isEmpty)

        // The worker died after pushing: the lease expires and the same
        // attempt is delivered again, under the same key.
        let again = try #require(try db.lease(at: t0 + 1_000, leaseMs: 1_000).first)
        #expect(again.isRedelivery && again.taskId == first.taskId)
        #expect(again.request == first.request)
        #expect(again.attemptsMade == 1 && again.leaseOwner != first.leaseOwner)
        #expect(try db.attempts("s-1", "i-1").count == 2)

        // The first worker's late answer is refused; the new owner's counts.
        #expect(try db.complete(first, .success, at: t0 + 1_100) == .leaseLost)
        #expect(try db.attempts("s-1", "i-1").last?.outcome == .pending)
        #expect(try db.complete(again, .success, at: t0 + 1_200) == .recorded(jobState: .succeeded))
        #expect(try db.complete(again, .success, at: t0 + 1_300) == .leaseLost)
        let attempts = try db.attempts("s-1", "i-1")
        #expect(attempts.map(\.outcome) == [.failed, .success])
        #expect(attempts[1].idempotencyKey == first.request.idempotencyKey)
    }

    @Test(arguments: TestEngine.all) func aTimedOutAttemptsKeyIsReusedAFailedOnesIsNot(engine: TestEngine) throws {
        let db = try TestStore(engine: engine)
        try db.seed("s-1", items: [item("t", .timedOut), item("f")])
        _ = try db.store.retryFailedItems(syncRetry("s-1"), requestedBy: "ana", now: t0)
        let leases = try db.lease(at: t0)
        let timedOutLease = try #require(leases.first { $0.request.itemId == "t" })
        let failedLease = try #require(leases.first { $0.request.itemId == "f" })
        // The engine's timed-out push may have landed: its key goes along.
        #expect(timedOutLease.request.idempotencyKey == Fixtures.item("t", status: .timedOut).idempotencyKey)
        #expect(failedLease.request.idempotencyKey != Fixtures.item("f").idempotencyKey)

        try db.complete(timedOutLease, .timedOut, requeueAt: t0 + 50, at: t0 + 10)
        try db.complete(failedLease, .failed, error: "HTTP 503", requeueAt: t0 + 50, at: t0 + 10)
        let failedItem = try db.item("s-1", "f")
        #expect(failedItem.status == .failed && failedItem.errorMessage == "HTTP 503")
        #expect(try db.lease(at: t0 + 49).isEmpty)
        let next = try db.lease(at: t0 + 50)
        let t2 = try #require(next.first { $0.request.itemId == "t" })
        let f2 = try #require(next.first { $0.request.itemId == "f" })
        #expect(t2.request.idempotencyKey == timedOutLease.request.idempotencyKey)
        #expect(t2.request.attemptNumber == timedOutLease.request.attemptNumber + 1)
        #expect(f2.request.idempotencyKey != failedLease.request.idempotencyKey)
        #expect(f2.attemptsMade == 2)
        #expect(try db.attempts("s-1", "f").map(\.trigger) == [.initial, .manualRetry, .automaticRetry])
    }

    @Test(arguments: TestEngine.all) func aSyncWhoseFailedItemsAllSucceedBecomes2000(engine: TestEngine) throws {
        let db = try TestStore(engine: engine)
        try db.seed("s-1", items: [item("ok", .success), item("a"), item("b", .timedOut)])
        #expect(try db.store.getSync(syncId: "s-1").sync?.statusCode == .dataPushError)
        let job = try #require(try db.store.retryFailedItems(syncRetry("s-1"), requestedBy: "ana", now: t0).job)
        let leases = try db.lease(at: t0 + 1)
        #expect(leases.count == 2)
        try db.complete(leases[0], .success, at: t0 + 2)
        // One failed item left: still a data push error.
        var sync = try #require(try db.store.getSync(syncId: "s-1").sync)
        #expect(sync.statusCode == .dataPushError && sync.itemCounts?.succeeded == 2)
        try db.complete(leases[1], .success, at: t0 + 3)
        sync = try #require(try db.store.getSync(syncId: "s-1").sync)
        #expect(sync.statusCode == .successDataPushed)
        #expect(sync.itemCounts == ItemCounts(total: 3, succeeded: 3))
        #expect(sync.updatedAtMs == t0 + 3)

        // The earlier failure stays in the history, and the summary counts the retry.
        let a = try db.item("s-1", "a")
        #expect(a.status == .success && a.targetRecordId == "rec-a" && a.errorMessage.isEmpty)
        #expect(a.attempts.map(\.outcome) == [.failed, .success])
        #expect(a.attempts[0].errorMessage == "Account code '200' is not valid.")
        let summary = try #require(try db.store.getSync(syncId: "s-1").retries)
        #expect(summary.jobs == 1 && summary.retriedAttempts == 2 && summary.recoveredItems == 2)
        #expect(summary.lastJobId == job.jobId)
        let done = try db.store.getRetryJob(jobId: job.jobId)
        #expect(done.state == .succeeded && done.finishedAtMs == t0 + 3)
        #expect(done.counts == RetryCounts(total: 2, succeeded: 2))
    }

    @Test(arguments: TestEngine.all) func aSyncWithAnItemStillFailingStaysFailed(engine: TestEngine) throws {
        let db = try TestStore(engine: engine)
        try db.seed("s-1", items: [item("a"), item("b")])
        let job = try #require(try db.store.retryFailedItems(syncRetry("s-1"), requestedBy: "ana", now: t0).job)
        let leases = try db.lease(at: t0 + 1)
        try db.complete(leases[0], .success, at: t0 + 2)
        try db.complete(leases[1], .failed, retryable: false, error: "Period closed", at: t0 + 2)
        #expect(try db.store.getSync(syncId: "s-1").sync?.statusCode == .dataPushError)
        let ended = try db.store.getRetryJob(jobId: job.jobId)
        #expect(ended.state == .partiallyFailed && ended.counts == RetryCounts(total: 2, succeeded: 1, failed: 1))
        let b = try db.item("s-1", "b")
        #expect(b.status == .failed && !b.retryable && b.errorMessage == "Period closed")

        // Nothing succeeded at all: FAILED.
        try db.seed("s-2", items: [item("c")])
        let second = try #require(try db.store.retryFailedItems(syncRetry("s-2", key: "k2"), requestedBy: "ana", now: t0).job)
        let lease = try #require(try db.lease(at: t0 + 5).first)
        try db.complete(lease, .timedOut, at: t0 + 6)
        #expect(try db.store.getRetryJob(jobId: second.jobId).state == .failed)
        #expect(try db.item("s-2", "c").status == .timedOut)
    }

    @Test(arguments: TestEngine.all) func leasesRespectThePerPlatformLimit(engine: TestEngine) throws {
        let db = try TestStore(engine: engine)
        try db.seed("x", target: "xero", items: (0..<5).map { item("x-\($0)") })
        try db.seed("q", target: "quickbooks-online", items: (0..<5).map { item("q-\($0)") })
        _ = try db.store.retryFailedItems(filterRetry(FilterRetryScope()), requestedBy: "ana", now: t0)
        let first = try db.lease(at: t0, limit: 10, perPlatform: 2)
        #expect(first.count == 4)
        #expect(first.count(where: { $0.targetPlatform == "xero" }) == 2)
        // Both platforms are at their limit; unexpired leases count.
        #expect(try db.lease(at: t0 + 1, limit: 10, perPlatform: 2).isEmpty)
        // The caller's own in-flight attempts count too.
        try db.complete(first[0], .success, at: t0 + 2)
        let inFlight = [first[0].targetPlatform: 2]
        #expect(try db.store.leaseRetryAttempts(RetryLeaseRequest(
            owner: "w", now: t0 + 3, leaseDurationMs: 10_000, limit: 10, perPlatformLimit: 2, inFlight: inFlight)).isEmpty)
        #expect(try db.lease(at: t0 + 3, limit: 10, perPlatform: 2).count == 1)
    }

    @Test(arguments: TestEngine.all) func anItemTheEnginePushedMeanwhileIsSkipped(engine: TestEngine) throws {
        let db = try TestStore(engine: engine)
        try db.seed("s-1", items: [item("a")])
        let job = try #require(try db.store.retryFailedItems(syncRetry("s-1"), requestedBy: "ana", now: t0).job)
        var fixed = Fixtures.item("a", status: .success, at: t0 + 5_000)
        fixed.idempotencyKey = "engine-again"
        _ = try db.store.recordPushItems(RecordPushItemsRequest(syncId: "s-1", items: [fixed]), now: t0 + 5_000)
        #expect(try db.lease(at: t0 + 6_000).isEmpty)
        let ended = try db.store.getRetryJob(jobId: job.jobId)
        #expect(ended.state == .succeeded && ended.counts == RetryCounts(total: 0, skipped: 1))
    }

    @Test(arguments: TestEngine.all) func theEngineCanStillReportWhileAnAttemptIsInFlight(engine: TestEngine) throws {
        let db = try TestStore(engine: engine)
        try db.seed("s-1", code: .inProgress, items: [item("other", .pending)])
        try db.seed("s-2", items: [item("a")])
        _ = try db.store.retryFailedItems(syncRetry("s-2"), requestedBy: "ana", now: t0)
        let lease = try #require(try db.lease(at: t0 + 1).first)
        // A late engine report of the item takes the next attempt number.
        var late = Fixtures.item("a", status: .failed, at: t0 + 2)
        late.idempotencyKey = "late"
        let response = try db.store.recordPushItems(RecordPushItemsRequest(syncId: "s-2", items: [late]), now: t0 + 2)
        #expect(response.accepted == 1)
        try db.complete(lease, .success, at: t0 + 3)
        #expect(try db.attempts("s-2", "a").map(\.number) == [1, 2, 3])
        #expect(try db.attempts("s-2", "a").map(\.outcome) == [.failed, .success, .failed])
        #expect(try db.item("s-2", "a").status == .success)
    }
}
