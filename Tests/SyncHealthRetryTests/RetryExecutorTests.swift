import Foundation
@testable import SyncHealthStorage
import SyncHealthRetry
import SyncHealthTestSupport
import SyncHealthWire
import Testing
import SyncHealthTestTraits

/// The executor against a real store and connector doubles.
@Suite(.offThePool) struct RetryExecutorTests {
    @Test(arguments: TestEngine.all) func thePerPlatformLimitHoldsAndASlowPlatformDoesNotStarveOthers(engine: TestEngine) async throws {
        let db = try TestStore(engine: engine)
        try db.seed("slow", target: "xero", items: (0..<12).map { item("x-\($0)") })
        try db.seed("fast", target: "quickbooks-online", items: (0..<12).map { item("q-\($0)") })
        let job = try #require(try db.store.retryFailedItems(filterRetry(FilterRetryScope()), requestedBy: "ana", now: t0).job)
        let connector = ScriptedConnector(delayMs: { $0 == "xero" ? 30 : 5 })
        let executor = RetryExecutor(
            store: db.store, connectors: ConnectorRegistry(fallback: connector),
            configuration: .fast(workers: 6, perPlatform: 2))
        await onDispatch { executor.runUntilIdle() }

        #expect(connector.calls.count == 24)
        #expect(connector.maximumInFlight["xero", default: 0] <= 2)
        #expect(connector.maximumInFlight["quickbooks-online", default: 0] <= 2)
        let done = try db.store.getRetryJob(jobId: job.jobId)
        #expect(done.state == .succeeded && done.counts == RetryCounts(total: 24, succeeded: 24))
        #expect(try db.store.getSync(syncId: "slow").sync?.statusCode == .successDataPushed)
        #expect(try db.store.getSync(syncId: "fast").sync?.statusCode == .successDataPushed)
        #expect(try db.count("push_attempts", where: "outcome = 1") == 0)
    }

    @Test(arguments: TestEngine.all) func transientFailuresBackOffUntilMaximumAttemptsOthersStopAtOnce(engine: TestEngine) async throws {
        let db = try TestStore(engine: engine)
        try db.seed("s-1", items: [item("flaky"), item("down"), item("bad"), item("slow", .timedOut)])
        let job = try #require(try db.store.retryFailedItems(syncRetry("s-1"), requestedBy: "ana", now: t0).job)
        let connector = ScriptedConnector(script: { itemId, delivery in
            switch itemId {
            case "flaky": return delivery < 2 ? .transientFailure : .success
            case "down": return .transientFailure
            case "bad": return .permanentFailure
            default: return delivery == 0 ? .timeout : .success
            }
        })
        let executor = RetryExecutor(
            store: db.store, connectors: ConnectorRegistry(fallback: connector), configuration: .fast(maxAttempts: 3))
        await onDispatch { executor.runUntilIdle() }

        #expect(connector.calls(for: "flaky").count == 3)
        #expect(connector.calls(for: "down").count == 3)
        #expect(connector.calls(for: "bad").count == 1)
        #expect(connector.calls(for: "slow").count == 2)
        // A failed attempt's successor has a new key; a timed-out one's keeps it.
        #expect(Set(connector.calls(for: "flaky").map(\.key)).count == 3)
        #expect(Set(connector.calls(for: "slow").map(\.key)).count == 1)
        #expect(connector.calls(for: "flaky").map(\.attemptNumber) == [2, 3, 4])

        let flaky = try db.item("s-1", "flaky")
        #expect(flaky.status == .success && flaky.attemptCount == 4)
        #expect(flaky.attempts.map(\.trigger) == [.initial, .manualRetry, .automaticRetry, .automaticRetry])
        #expect(flaky.attempts.map(\.outcome) == [.failed, .failed, .failed, .success])
        #expect(flaky.attempts.dropFirst().allSatisfy { $0.actor == "ana" && $0.retryJobId == job.jobId && $0.reason == job.reason })
        #expect(try db.item("s-1", "down").status == .failed)
        let bad = try db.item("s-1", "bad")
        #expect(bad.status == .failed && !bad.retryable && bad.attemptCount == 2)
        let done = try db.store.getRetryJob(jobId: job.jobId)
        #expect(done.state == .partiallyFailed && done.counts == RetryCounts(total: 4, succeeded: 2, failed: 2))
        #expect(try db.store.getSync(syncId: "s-1").sync?.statusCode == .dataPushError)
    }

    @Test(arguments: TestEngine.all) func aPlatformWithoutAConnectorFailsItsItems(engine: TestEngine) async throws {
        let db = try TestStore(engine: engine)
        try db.seed("s-1", target: "netsuite", items: [item("a")])
        let job = try #require(try db.store.retryFailedItems(syncRetry("s-1"), requestedBy: "ana", now: t0).job)
        let executor = RetryExecutor(
            store: db.store, connectors: ConnectorRegistry(["xero": ScriptedConnector()]), configuration: .fast())
        await onDispatch { executor.runUntilIdle() }
        #expect(try db.store.getRetryJob(jobId: job.jobId).state == .failed)
        #expect(try db.item("s-1", "a").errorMessage.contains("netsuite"))
    }

    @Test(arguments: TestEngine.all) func theRateLimitHoldsPushesUntilTokensArrive(engine: TestEngine) async throws {
        let db = try TestStore(engine: engine)
        try db.seed("s-1", items: (0..<5).map { item("i-\($0)") })
        let job = try #require(try db.store.retryFailedItems(syncRetry("s-1"), requestedBy: "ana", now: t0).job)
        let clock = ManualClock(t0)
        var configuration = RetryExecutorConfiguration.fast(workers: 4, perPlatform: nil)
        configuration.clock = { clock.ms }
        configuration.ratePerSecond = 1
        configuration.rateBurst = 2
        let connector = ScriptedConnector()
        let executor = RetryExecutor(store: db.store, connectors: ConnectorRegistry(fallback: connector), configuration: configuration)
        executor.start()
        #expect(await waitUntil { connector.calls.count == 2 })
        // The clock stands still: no token, no push, however long we look.
        try await Task.sleep(for: .milliseconds(200))
        #expect(connector.calls.count == 2)
        clock.advance(by: 1_000)
        #expect(await waitUntil { connector.calls.count == 3 })
        clock.advance(by: 5_000)
        let store = db.store
        #expect(await waitUntil { (try? store.getRetryJob(jobId: job.jobId).state) == .succeeded })
        #expect(connector.calls.count == 5)
        await executor.shutdown()
    }

    @Test(arguments: TestEngine.all) func stopLetsPushesInFlightFinishAndAnotherRunResumes(engine: TestEngine) async throws {
        let db = try TestStore(engine: engine)
        try db.seed("s-1", items: (0..<6).map { item("i-\($0)") })
        let job = try #require(try db.store.retryFailedItems(syncRetry("s-1"), requestedBy: "ana", now: t0).job)
        let slow = ScriptedConnector(delayMs: { _ in 150 })
        let first = RetryExecutor(store: db.store, connectors: ConnectorRegistry(fallback: slow), configuration: .fast(workers: 2, perPlatform: 2))
        first.start()
        #expect(await waitUntil { !slow.calls.isEmpty })
        await first.shutdown()
        // Whatever was pushed is recorded; nothing is left pending or leased.
        #expect(try db.count("push_attempts", where: "outcome = 1") == 0)
        let backlog = try db.store.retryBacklog(now: t0)
        #expect(backlog.leased == 0 && backlog.queued == Int64(6 - slow.calls.count))
        #expect(first.inFlightByPlatform.isEmpty)

        let second = RetryExecutor(store: db.store, connectors: ConnectorRegistry(fallback: ScriptedConnector()), configuration: .fast())
        await onDispatch { second.runUntilIdle() }
        #expect(try db.store.getRetryJob(jobId: job.jobId).state == .succeeded)
    }

    @Test func decisions() {
        let policy = BackoffPolicy(initialIntervalMs: 100, multiplier: 2, maximumIntervalMs: 1_000, maximumAttempts: 3)
        func decide(_ response: PushResponse, _ attempts: Int) -> Int64? {
            RetryDecision.requeueAt(after: response, attemptsMade: attempts, policy: policy, now: 5_000) { 0.5 }
        }
        #expect(decide(PushResponse(outcome: .success), 1) == nil)
        #expect(decide(PushResponse(outcome: .failed, retryable: false), 1) == nil)
        #expect(decide(PushResponse(outcome: .failed, retryable: true), 1) == 5_050)
        #expect(decide(PushResponse(outcome: .timedOut), 2) == 5_100)
        #expect(decide(PushResponse(outcome: .unrecognized(9)), 1) == 5_050)
        #expect(decide(PushResponse(outcome: .failed, retryable: true), 3) == nil)
        #expect(decide(PushResponse(outcome: .timedOut), 3) == nil)
    }
}
