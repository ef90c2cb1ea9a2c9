@testable import SyncHealthStorage
import SyncHealthTestSupport
import SyncHealthWire
import Testing
import SyncHealthTestTraits

/// Creating, previewing, reading and cancelling retry jobs in the store.
@Suite(.offThePool) struct RetryJobStoreTests {
    @Test(arguments: TestEngine.all) func createsAJobForOneSyncsFailedItems(engine: TestEngine) throws {
        let db = try TestStore(engine: engine)
        try db.seed("s-1", items: [
            item("i-1"), item("i-2", .timedOut), item("i-3", .success),
            item("i-4", retryable: false), item("i-5", .pending), item("i-6", dataType: "payments"),
        ])
        let response = try db.store.retryFailedItems(syncRetry("s-1"), requestedBy: "ana@support", now: t0 + 1)
        #expect(!response.existing)
        let job = try #require(response.job)
        #expect(job.state == .queued)
        #expect(job.counts == RetryCounts(total: 3, pending: 3, skipped: 2))
        #expect(job.requestedBy == "ana@support" && job.reason == "Account mapping fixed" && job.idempotencyKey == "key-1")
        #expect(job.createdAtMs == t0 + 1 && job.startedAtMs == 0 && job.finishedAtMs == 0)
        #expect(job.scope == RetryScope(scope: .sync(SyncRetryScope(syncId: "s-1"))))
        #expect(job.jobId.hasPrefix("rj_"))

        let preview = try #require(response.preview)
        #expect(preview.wouldRetry == 3 && preview.wouldSkip == 2)
        #expect(preview.skipCounts == [.notRetryable: 1, .notFailed: 1])
        // The succeeded item is not in a whole-sync scope at all.
        #expect(preview.verdicts == ["i-1": nil, "i-2": nil, "i-4": .notRetryable, "i-5": .notFailed, "i-6": nil])
        #expect(preview.byDataType == [
            DataTypeCounts(dataType: "invoices", counts: ItemCounts(total: 2, failed: 1, timedOut: 1)),
            DataTypeCounts(dataType: "payments", counts: ItemCounts(total: 1, failed: 1)),
        ])
        #expect(try db.store.getRetryJob(jobId: job.jobId) == job)
    }

    @Test(arguments: TestEngine.all) func narrowsToNamedItemsAndDataTypes(engine: TestEngine) throws {
        let db = try TestStore(engine: engine)
        try db.seed("s-1", items: [item("i-1"), item("i-2"), item("i-3", .success), item("i-4", dataType: "payments")])
        let named = try db.store.previewRetry(syncRetry("s-1", items: ["i-3", "i-1", "i-1"]))
        #expect(named.verdicts == ["i-1": nil, "i-3": .alreadySucceeded])
        let typed = try db.store.previewRetry(syncRetry("s-1", dataTypes: ["payments"]))
        #expect(typed.verdicts == ["i-4": nil])
        expectError(.notFound) { _ = try db.store.previewRetry(syncRetry("s-1", items: ["i-1", "nope"])) }
    }

    @Test(arguments: TestEngine.all) func dryRunChangesNothing(engine: TestEngine) throws {
        let db = try TestStore(engine: engine)
        try db.seed("s-1", items: [item("i-1"), item("i-2", .timedOut), item("i-3", retryable: false)])
        let before = try db.snapshot()
        let dry = try db.store.retryFailedItems(syncRetry("s-1", dryRun: true), requestedBy: "ana", now: t0 + 5)
        #expect(dry.job == nil && !dry.existing)
        #expect(dry.preview?.wouldRetry == 2 && dry.preview?.wouldSkip == 1)
        #expect(try db.snapshot() == before)
        // The real request covers what the dry run said it would.
        let real = try db.store.retryFailedItems(syncRetry("s-1"), requestedBy: "ana", now: t0 + 6)
        #expect(real.preview == dry.preview)
        #expect(try db.snapshot() != before)
    }

    @Test(arguments: TestEngine.all) func theSameKeyReturnsTheSameJob(engine: TestEngine) throws {
        let db = try TestStore(engine: engine)
        try db.seed("s-1", items: [item("i-1"), item("i-2")])
        let first = try db.store.retryFailedItems(syncRetry("s-1"), requestedBy: "ana", now: t0)
        let again = try db.store.retryFailedItems(syncRetry("s-1"), requestedBy: "ana", now: t0 + 500)
        #expect(again.existing && !first.existing)
        #expect(again.job == first.job)
        #expect(again.preview == first.preview)
        #expect(try db.count("retry_jobs") == 1)
        #expect(try db.count("retry_tasks") == 2)

        // The same key for a different request is refused, whatever differs.
        expectError(.alreadyExists) { _ = try db.store.retryFailedItems(syncRetry("s-1", reason: "other"), requestedBy: "ana", now: t0) }
        expectError(.alreadyExists) { _ = try db.store.retryFailedItems(syncRetry("s-1", items: ["i-1"]), requestedBy: "ana", now: t0) }
        expectError(.alreadyExists) { _ = try db.store.retryFailedItems(syncRetry("s-1", force: true), requestedBy: "ana", now: t0) }
        expectError(.alreadyExists) { _ = try db.store.retryFailedItems(syncRetry("s-1"), requestedBy: "bo", now: t0) }
        #expect(try db.count("retry_jobs") == 1)

        // A new key is a new request: the items are already queued in the first job.
        let second = try db.store.retryFailedItems(syncRetry("s-1", key: "key-2"), requestedBy: "ana", now: t0)
        #expect(second.job?.jobId != first.job?.jobId)
        #expect(second.preview?.skipCounts == [.alreadyQueued: 2])
        #expect(second.job?.state == .succeeded && second.job?.counts?.total == 0)
    }

    @Test(arguments: TestEngine.all) func badRequestsAreRefusedAndWriteNothing(engine: TestEngine) throws {
        let db = try TestStore(engine: engine)
        try db.seed("s-1", items: [item("i-1")])
        let before = try db.snapshot()
        var noScope = syncRetry("s-1")
        noScope.scope = nil
        expectError(.invalidArgument) { _ = try db.store.retryFailedItems(noScope, requestedBy: "ana", now: t0) }
        noScope.scope = RetryScope()
        expectError(.invalidArgument) { _ = try db.store.retryFailedItems(noScope, requestedBy: "ana", now: t0) }
        expectError(.invalidArgument) { _ = try db.store.retryFailedItems(syncRetry("s-1", reason: ""), requestedBy: "ana", now: t0) }
        expectError(.invalidArgument) { _ = try db.store.retryFailedItems(syncRetry("s-1", reason: "  "), requestedBy: "ana", now: t0) }
        expectError(.invalidArgument) { _ = try db.store.retryFailedItems(syncRetry("s-1", key: ""), requestedBy: "ana", now: t0) }
        expectError(.invalidArgument) { _ = try db.store.retryFailedItems(syncRetry("s-1", key: "bad\nkey"), requestedBy: "ana", now: t0) }
        expectError(.invalidArgument) { _ = try db.store.retryFailedItems(syncRetry(""), requestedBy: "ana", now: t0) }
        expectError(.notFound) { _ = try db.store.retryFailedItems(syncRetry("missing"), requestedBy: "ana", now: t0) }
        expectError(.invalidArgument) {
            _ = try db.store.retryFailedItems(filterRetry(FilterRetryScope(statusCodes: [.unrecognized(5131)])), requestedBy: "ana", now: t0)
        }
        expectError(.invalidArgument) {
            _ = try db.store.retryFailedItems(filterRetry(FilterRetryScope(startedFromMs: t0 + 10, startedToMs: t0)), requestedBy: "ana", now: t0)
        }
        expectError(.invalidArgument) {
            _ = try db.store.retryFailedItems(filterRetry(FilterRetryScope(product: .unrecognized(9))), requestedBy: "ana", now: t0)
        }
        expectError(.invalidArgument) {
            _ = try db.store.retryFailedItems(filterRetry(FilterRetryScope(dataTypes: [""])), requestedBy: "ana", now: t0)
        }
        #expect(try db.snapshot() == before)
    }

    @Test(arguments: TestEngine.all) func everySkipReasonAndForce(engine: TestEngine) throws {
        let db = try TestStore(engine: engine)
        try db.seed("done", items: [item("ok", .success), item("pending", .pending), item("hard", retryable: false), item("soft")])
        try db.seed("running", code: .inProgress, items: [item("r-1")])
        try db.seed("config", code: .configurationError, items: [item("c-1")])
        try db.seed("queued", items: [item("q-1")])
        _ = try db.store.retryFailedItems(syncRetry("queued", key: "earlier"), requestedBy: "ana", now: t0)

        let named = try db.store.previewRetry(syncRetry("done", items: ["ok", "pending", "hard", "soft"]))
        #expect(named.verdicts == ["ok": .alreadySucceeded, "pending": .notFailed, "hard": .notRetryable, "soft": nil])
        #expect(try db.store.previewRetry(syncRetry("running")).verdicts == ["r-1": .syncInProgress])
        #expect(try db.store.previewRetry(syncRetry("config")).verdicts == ["c-1": .syncStatusNotRetryable])
        #expect(try db.store.previewRetry(syncRetry("queued")).verdicts == ["q-1": .alreadyQueued])

        // Force retries what is classified non-retryable, and nothing else.
        let forced = try db.store.previewRetry(syncRetry("done", items: ["ok", "pending", "hard", "soft"], force: true))
        #expect(forced.verdicts == ["ok": .alreadySucceeded, "pending": .notFailed, "hard": nil, "soft": nil])
        #expect(try db.store.previewRetry(syncRetry("config", force: true)).verdicts == ["c-1": nil])
        #expect(try db.store.previewRetry(syncRetry("running", force: true)).verdicts == ["r-1": .syncInProgress])
        let job = try #require(try db.store.retryFailedItems(syncRetry("config", key: "forced", force: true), requestedBy: "ana", now: t0).job)
        #expect(job.force && job.counts?.total == 1)
    }

    @Test(arguments: TestEngine.all) func retryingASyncThatIsStillRunningRetriesNothing(engine: TestEngine) throws {
        let db = try TestStore(engine: engine)
        try db.seed("running", code: .inProgress, items: [item("i-1"), item("i-2", .timedOut), item("i-3", .pending)])
        let response = try db.store.retryFailedItems(syncRetry("running"), requestedBy: "ana", now: t0 + 9)
        let job = try #require(response.job)
        #expect(job.state == .succeeded && job.finishedAtMs == t0 + 9)
        #expect(job.counts == RetryCounts(total: 0, skipped: 3))
        #expect(response.preview?.skipCounts == [.syncInProgress: 3])
        #expect(try db.lease(at: t0 + 10).isEmpty)
    }

    @Test(arguments: TestEngine.all) func filterScopes(engine: TestEngine) throws {
        let db = try TestStore(engine: engine)
        try db.seed("x-1", target: "xero", minutes: 0, items: [item("a"), item("b", dataType: "payments")])
        try db.seed("x-2", target: "xero", minutes: 10, items: [item("c")])
        try db.seed("q-1", target: "quickbooks-online", minutes: 5, items: [item("d")])
        try db.seed("x-ok", code: .successDataPushed, target: "xero", minutes: 7, items: [item("e", .success)])

        func verdicts(_ filter: FilterRetryScope) throws -> [String] {
            try db.store.previewRetry(filterRetry(filter)).items.map { "\($0.syncId)/\($0.itemId)" }
        }
        #expect(try verdicts(FilterRetryScope()) == ["x-1/a", "x-1/b", "q-1/d", "x-2/c"])
        #expect(try verdicts(FilterRetryScope(statusCodes: [.dataPushError], targetPlatform: "xero")) == ["x-1/a", "x-1/b", "x-2/c"])
        #expect(try verdicts(FilterRetryScope(targetPlatform: "xero", dataTypes: ["invoices"])) == ["x-1/a", "x-2/c"])
        // From inclusive, to exclusive.
        #expect(try verdicts(FilterRetryScope(startedFromMs: t0 + 5 * 60_000, startedToMs: t0 + 10 * 60_000)) == ["q-1/d"])
        #expect(try verdicts(FilterRetryScope(companyId: "company-1", sourcePlatform: "shopify", product: .commerce)).count == 4)

        let nothing = try db.store.retryFailedItems(
            filterRetry(FilterRetryScope(statusCodes: [.billingExpired])), requestedBy: "ana", now: t0 + 3)
        #expect(nothing.preview?.wouldRetry == 0 && nothing.preview?.wouldSkip == 0)
        let job = try #require(nothing.job)
        #expect(job.state == .succeeded && job.counts == RetryCounts() && job.finishedAtMs == t0 + 3)
    }

    @Test(arguments: TestEngine.all) func cancel(engine: TestEngine) throws {
        let db = try TestStore(engine: engine)
        try db.seed("s-1", items: [item("i-1"), item("i-2"), item("i-3")])
        let job = try #require(try db.store.retryFailedItems(syncRetry("s-1"), requestedBy: "ana", now: t0).job)
        let inFlight = try #require(try db.lease(at: t0 + 1, limit: 1).first)

        let cancelled = try db.store.cancelRetryJob(jobId: job.jobId, cancelledBy: "bo", reason: "wrong scope", now: t0 + 2)
        #expect(cancelled.state == .cancelled && cancelled.cancelledBy == "bo" && cancelled.finishedAtMs == t0 + 2)
        #expect(cancelled.counts == RetryCounts(total: 3, pending: 1))
        #expect(try db.count("retry_tasks", where: "state = 5") == 2)
        #expect(try db.lease(at: t0 + 3).isEmpty)

        // The attempt in flight is recorded, and not tried again.
        #expect(try db.complete(inFlight, .failed, requeueAt: t0 + 4, at: t0 + 3) == .recorded(jobState: .cancelled))
        let after = try db.store.getRetryJob(jobId: job.jobId)
        #expect(after.state == .cancelled && after.counts == RetryCounts(total: 3, failed: 1))
        #expect(try db.store.retryBacklog(now: t0 + 10).isEmpty)

        expectError(.failedPrecondition) { _ = try db.store.cancelRetryJob(jobId: job.jobId, cancelledBy: "bo", reason: "", now: t0 + 5) }
        expectError(.notFound) { _ = try db.store.cancelRetryJob(jobId: "rj_missing", cancelledBy: "bo", reason: "", now: t0 + 5) }
        expectError(.invalidArgument) { _ = try db.store.cancelRetryJob(jobId: "", cancelledBy: "bo", reason: "", now: t0 + 5) }
        expectError(.notFound) { _ = try db.store.getRetryJob(jobId: "rj_missing") }
    }

    @Test(arguments: TestEngine.all) func listsJobsNewestFirstByStateAndSync(engine: TestEngine) throws {
        let db = try TestStore(engine: engine)
        try db.seed("s-1", items: [item("i-1")])
        try db.seed("s-2", items: [item("i-2")])
        var ids: [String] = []
        for index in 0..<5 {
            let sync = index.isMultiple(of: 2) ? "s-1" : "s-2"
            let job = try db.store.retryFailedItems(syncRetry(sync, key: "k-\(index)"), requestedBy: "ana", now: t0 + Int64(index))
            ids.append(try #require(job.job?.jobId))
        }
        var seen: [String] = []
        var token = ""
        repeat {
            let page = try db.store.listRetryJobs(ListRetryJobsRequest(pageSize: 2, pageToken: token))
            #expect(page.jobs.count <= 2)
            seen += page.jobs.map(\.jobId)
            token = page.nextPageToken
        } while !token.isEmpty
        #expect(seen == ids.reversed())

        // Jobs 0 and 1 queued their syncs' items; later ones found them queued.
        let queued = try db.store.listRetryJobs(ListRetryJobsRequest(states: [.queued]))
        #expect(Set(queued.jobs.map(\.jobId)) == [ids[0], ids[1]])
        let touchingS2 = try db.store.listRetryJobs(ListRetryJobsRequest(syncId: "s-2"))
        #expect(touchingS2.jobs.map(\.jobId) == [ids[3], ids[1]])
        #expect(try db.store.listRetryJobs(ListRetryJobsRequest(syncId: "unknown")).jobs.isEmpty)
        expectError(.invalidArgument) { _ = try db.store.listRetryJobs(ListRetryJobsRequest(states: [.unspecified])) }
        expectError(.invalidArgument) { _ = try db.store.listRetryJobs(ListRetryJobsRequest(pageSize: 501)) }
        let page = try db.store.listRetryJobs(ListRetryJobsRequest(pageSize: 1))
        expectError(.invalidArgument) {
            _ = try db.store.listRetryJobs(ListRetryJobsRequest(states: [.queued], pageSize: 1, pageToken: page.nextPageToken))
        }
    }
}
