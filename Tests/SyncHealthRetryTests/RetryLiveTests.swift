import Foundation
import Logging
import SyncHealthClient
import SyncHealthRetry
import SyncHealthServer
import SyncHealthStorage
import SyncHealthTestSupport
import SyncHealthWire
import Testing
import SyncHealthTestTraits

/// The Retry service end to end: the typed client over TCP to a live server
/// whose executor pushes through connectors.
@Suite(.offThePool) struct RetryLiveTests {
    /// Runs `body` against a live server whose executor pushes through `connectors`.
    func withStack(_ connectors: ConnectorRegistry, _ body: (LiveRetryStack) async throws -> Void) async throws {
        try await LiveRetryStack.with(connectors, configuration: .fast(maxAttempts: 4), body)
    }

    @Test func previewRetryWatchAndReadTheHistory() async throws {
        // The sandbox always rejects "ord_bad" items; everything else lands.
        let sandbox = SandboxConnector(behavior: SandboxBehavior(
            seed: 3, failureRules: [.init(coreIdContains: "ord_bad", message: "Tax rate is not valid.")]))
        try await withStack(ConnectorRegistry(["xero": sandbox])) { stack in
            let client = stack.service.client

            for (syncId, items) in [
                ("sync-good", [Fixtures.item("g1", status: .failed), Fixtures.item("g2", status: .timedOut), Fixtures.item("g3")]),
                ("sync-bad", [Fixtures.item("b1", status: .failed), Fixtures.item("b2", status: .failed, core: "ord_bad_2")]),
            ] {
                _ = try await client.recordSync(RecordSyncRequest(sync: Fixtures.sync(syncId)))
                _ = try await client.recordPushItems(RecordPushItemsRequest(syncId: syncId, items: items))
                #expect(try await client.getSync(GetSyncRequest(syncId: syncId)).sync?.statusCode == .dataPushError)
            }

            // Preview: nothing changes.
            let filter = RetryScope(scope: .filter(FilterRetryScope(statusCodes: [.dataPushError], targetPlatform: "xero")))
            let dry = try await client.retryFailedItems(RetryFailedItemsRequest(
                scope: filter, reason: "Xero outage is over", idempotencyKey: "op-1", dryRun: true))
            #expect(dry.job == nil && dry.preview?.wouldRetry == 4)
            #expect(try await client.listRetryJobs(ListRetryJobsRequest()).jobs.isEmpty)

            let request = RetryFailedItemsRequest(scope: filter, reason: "Xero outage is over", idempotencyKey: "op-1")
            let created = try await client.retryFailedItems(request)
            let job = try #require(created.job)
            #expect(job.requestedBy == "anonymous" && !created.existing)
            let replay = try await client.retryFailedItems(request)
            #expect(replay.existing && replay.job?.jobId == job.jobId)

            let ended = await waitUntil {
                let state = try? await client.getRetryJob(GetRetryJobRequest(jobId: job.jobId)).job?.state
                return state == .partiallyFailed
            }
            #expect(ended)
            let final = try #require(try await client.getRetryJob(GetRetryJobRequest(jobId: job.jobId)).job)
            #expect(final.counts == RetryCounts(total: 4, succeeded: 3, failed: 1))
            #expect(final.startedAtMs > 0 && final.finishedAtMs >= final.startedAtMs)

            // The good sync turned successful; the bad one keeps its failure.
            #expect(try await client.getSync(GetSyncRequest(syncId: "sync-good")).sync?.statusCode == .successDataPushed)
            let bad = try await client.getSync(GetSyncRequest(syncId: "sync-bad"))
            #expect(bad.sync?.statusCode == .dataPushError)
            #expect(bad.retries?.jobs == 1 && bad.retries?.recoveredItems == 1 && bad.retries?.lastJobId == job.jobId)

            let items = try await client.listPushItems(ListPushItemsRequest(syncId: "sync-bad", includeAttempts: true)).items
            let rejected = try #require(items.first { $0.itemId == "b2" })
            #expect(rejected.status == .failed && rejected.errorMessage == "Tax rate is not valid." && !rejected.retryable)
            #expect(rejected.attempts.count == 2)
            let retry = try #require(rejected.attempts.last)
            #expect(retry.trigger == .manualRetry && retry.actor == "anonymous")
            #expect(retry.reason == "Xero outage is over" && retry.retryJobId == job.jobId)
            #expect(rejected.attempts.first?.outcome == .failed && rejected.attempts.first?.trigger == .initial)

            let listed = try await client.listRetryJobs(ListRetryJobsRequest(states: [.partiallyFailed], syncId: "sync-good"))
            #expect(listed.jobs.map(\.jobId) == [job.jobId])

            await expectCode(.failedPrecondition) { _ = try await client.cancelRetryJob(CancelRetryJobRequest(jobId: job.jobId)) }
            await expectCode(.notFound) { _ = try await client.getRetryJob(GetRetryJobRequest(jobId: "rj_nope")) }
            await expectCode(.alreadyExists) {
                _ = try await client.retryFailedItems(RetryFailedItemsRequest(scope: filter, reason: "other", idempotencyKey: "op-1"))
            }
            await expectCode(.invalidArgument) {
                _ = try await client.retryFailedItems(RetryFailedItemsRequest(scope: filter, reason: "", idempotencyKey: "op-2"))
            }
        }
    }

    @Test func cancelThroughTheClient() async throws {
        // A connector that never finishes quickly keeps the job running.
        let slow = ScriptedConnector(delayMs: { _ in 100 })
        try await withStack(ConnectorRegistry(fallback: slow)) { stack in
            let client = stack.service.client
            _ = try await client.recordSync(RecordSyncRequest(sync: Fixtures.sync("s-1")))
            _ = try await client.recordPushItems(RecordPushItemsRequest(
                syncId: "s-1", items: (0..<40).map { Fixtures.item("i\($0)", status: .failed) }))
            let job = try #require(try await client.retryFailedItems(RetryFailedItemsRequest(
                scope: RetryScope(scope: .sync(SyncRetryScope(syncId: "s-1"))), reason: "retry", idempotencyKey: "k")).job)
            #expect(await waitUntil { !slow.calls.isEmpty })
            let cancelled = try #require(try await client.cancelRetryJob(CancelRetryJobRequest(jobId: job.jobId, reason: "wrong scope")).job)
            #expect(cancelled.state == .cancelled && cancelled.cancelledBy == "anonymous")
            let executor = stack.executor
            #expect(await onDispatch { executor.drain(timeoutMs: 20_000) })
            let final = try #require(try await client.getRetryJob(GetRetryJobRequest(jobId: job.jobId)).job)
            #expect(final.state == .cancelled && final.counts?.pending == 0)
            #expect((final.counts?.succeeded ?? 0) < 40)
        }
    }

    @Test func theRPCConnectorPushesToAConnectorService() async throws {
        // A Connector/Push server in process, like synchealth-sandbox.
        let sandbox = SandboxConnector(behavior: SandboxBehavior(seed: 5, latencyMs: 50, timeoutRate: 0))
        let router = Router()
        router.register(Methods.Connector.push) { (request: PushRequest, _) in
            sandbox.push(request, timeoutMs: 5_000)
        }
        var logger = Logger(label: "test.sandbox")
        logger.logLevel = .critical
        let server = RPCServer(address: try BindTarget(listenAddress: "127.0.0.1:0"), configuration: ServerConfiguration(), router: router, logger: logger)
        let port = try server.start()
        defer { server.stop() }
        let connector = try RPCConnector(target: "127.0.0.1:\(port)")
        defer { connector.close() }

        // Generous deadlines: the client's async work needs a cooperative
        // thread, which other tests running in parallel may hold for a while.
        let request = PushRequest(idempotencyKey: "k-1", syncId: "s", itemId: "i", coreId: "ord_1", dataType: "invoices", targetPlatform: "xero", attemptNumber: 2)
        let pushed = await onDispatch { connector.push(request, timeoutMs: 30_000) }
        #expect(pushed.outcome == .success && !pushed.duplicate && pushed.targetRecordId.hasPrefix("sbx-"))
        let again = await onDispatch { connector.push(request, timeoutMs: 30_000) }
        #expect(again.outcome == .success && again.duplicate && again.targetRecordId == pushed.targetRecordId)
        // A deadline shorter than the platform's latency: timed out, not a crash.
        let late = PushRequest(idempotencyKey: "k-2", syncId: "s", itemId: "i", coreId: "ord_1", dataType: "invoices", targetPlatform: "xero", attemptNumber: 2)
        let timedOut = await onDispatch { connector.push(late, timeoutMs: 5) }
        #expect(timedOut.outcome == .timedOut && timedOut.retryable)

        // Nobody listening: timed out (it cannot be known not to have landed).
        server.stop()
        let nowhere = try RPCConnector(target: "127.0.0.1:\(port)")
        let unreachable = await onDispatch { nowhere.push(request, timeoutMs: 500) }
        #expect(unreachable.outcome == .timedOut && unreachable.retryable)
    }
}

func expectCode(_ code: StatusCode, sourceLocation: SourceLocation = #_sourceLocation, _ body: () async throws -> Void) async {
    do {
        try await body()
        Issue.record("expected \(code.name), but the call succeeded", sourceLocation: sourceLocation)
    } catch let error as RPCError {
        #expect(error.code == code, "got \(error)", sourceLocation: sourceLocation)
    } catch {
        Issue.record("expected \(code.name), got \(error)", sourceLocation: sourceLocation)
    }
}
