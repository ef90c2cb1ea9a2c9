import ArgumentParser
import Foundation
@testable import SyncHealthCLI
import SyncHealthClient
import SyncHealthRetry
import SyncHealthServer
import SyncHealthStorage
import SyncHealthTestSupport
import SyncHealthWire
import Testing
import SyncHealthTestTraits

/// retry, jobs, errors, dashboard and config diff, executed against a live
/// server with the retry executor and a sandbox platform.
@Suite(.offThePool) struct RetryAndInsightsCommandTests {
    /// A live server with Retry handlers and an executor pushing to `sandbox`.
    func stack(sandbox: SandboxConnector) throws -> LiveRetryStack {
        var configuration = RetryExecutorConfiguration()
        configuration.pollIntervalMs = 20
        configuration.backoff = BackoffPolicy(initialIntervalMs: 5, multiplier: 2, maximumIntervalMs: 20, maximumAttempts: 3)
        return try LiveRetryStack(connectors: ConnectorRegistry(fallback: sandbox), configuration: configuration)
    }

    /// Two failed syncs of one company on xero: one whose items the sandbox
    /// accepts, one with an item it always rejects and one not retryable.
    func seed(_ client: SyncHealthClient, now: Int64) async throws {
        let plan: [(String, [PushItemReport])] = [
            ("sync-fixable", [Fixtures.item("f1", status: .failed, core: "ord_1", error: "Invoice INV-1042 total 31.20 does not match"),
                              Fixtures.item("f2", status: .timedOut, core: "ord_2"), Fixtures.item("f3", core: "ord_3")]),
            ("sync-stuck", [Fixtures.item("s1", status: .failed, core: "ord_bad_1", error: "Invoice INV-77 total 8.00 does not match"),
                            Fixtures.item("s2", core: "ord_4")]),
        ]
        for (index, (syncId, items)) in plan.enumerated() {
            var sync = Fixtures.sync(syncId, company: "acme", code: .inProgress)
            sync.startedAtMs = now - Int64(index + 1) * 3_600_000
            let doc = index == 0 ? #"{"accounts":{"sales":"200"}}"# : #"{"accounts":{"sales":"4000"}}"#
            _ = try await client.recordSync(RecordSyncRequest(sync: sync, config: Fixtures.config(doc)))
            var stamped = items
            for i in stamped.indices { stamped[i].attemptedAtMs = sync.startedAtMs + 1_000 }
            _ = try await client.recordPushItems(RecordPushItemsRequest(syncId: syncId, items: stamped))
            sync.statusCode = .dataPushError
            sync.finishedAtMs = sync.startedAtMs + 60_000
            _ = try await client.recordSync(RecordSyncRequest(sync: sync))
        }
        // An earlier successful sync, the baseline for config diff.
        var good = Fixtures.sync("sync-yesterday", company: "acme", code: .successDataPushed)
        good.startedAtMs = now - 86_400_000
        good.finishedAtMs = good.startedAtMs + 60_000
        _ = try await client.recordSync(RecordSyncRequest(sync: good, config: Fixtures.config(#"{"accounts":{"sales":"200"},"grouping":"daily"}"#)))
    }

    func run(_ arguments: [String], _ api: any SyncHealthAPI, exitCode: Int32 = 0) async throws -> String {
        let parsed = try SyncHealthCommand.parseAsRoot(arguments + ["--utc"])
        guard let command = parsed as? any APICommand else {
            Issue.record("\(arguments) is not an API command")
            return ""
        }
        let output = CapturedOutput()
        do {
            try await command.execute(api: api, output: output)
            #expect(exitCode == 0, "\(arguments) exited 0")
        } catch let exit as ExitCode {
            #expect(exit.rawValue == exitCode, "\(arguments) exited \(exit.rawValue)")
        }
        return output.text
    }

    @Test func previewRetryWaitAndReadTheHistory() async throws {
        let sandbox = SandboxConnector(behavior: SandboxBehavior(
            seed: 5, failureRules: [.init(coreIdContains: "ord_bad", message: "Tax rate TAX001 is not valid.", retryable: false)]))
        let stack = try stack(sandbox: sandbox)
        let api = stack.service.client
        try await seed(api, now: Int64(Date().timeIntervalSince1970 * 1000))

        // Preview by filter: both syncs' failed items, nothing changed.
        let preview = try await run(["retry", "--status", "5130", "--target", "xero", "--since", "24h", "--reason", "xero fixed", "--dry-run"], api)
        #expect(preview.contains("Dry run: nothing was changed."))
        #expect(preview.contains("would retry 3 items"))
        #expect(try await api.listRetryJobs(ListRetryJobsRequest()).jobs.isEmpty)

        // Retry one sync and follow it to the end.
        let retried = try await run(["retry", "sync-fixable", "--reason", "Account 200 re-enabled", "--wait"], api)
        #expect(retried.contains("job "))
        #expect(retried.contains("State       succeeded"))
        let fixed = try await api.getSync(GetSyncRequest(syncId: "sync-fixable"))
        #expect(fixed.sync?.statusCode == .successDataPushed)

        // The attempt history says who retried and why.
        let history = try await run(["items", "list", "sync-fixable", "--attempts"], api)
        #expect(history.contains("manual retry"))
        #expect(history.contains("(\"Account 200 re-enabled\")"))

        // A filtered retry: the stuck item keeps failing; the job says so.
        // Exit code 3 tells scripts the job did not fully succeed.
        let filtered = try await run(["retry", "--status", "5130", "--company", "acme", "--reason", "try again", "--wait"], api, exitCode: 3)
        #expect(filtered.contains("State       failed"))
        let stuck = try await api.getSync(GetSyncRequest(syncId: "sync-stuck"))
        #expect(stuck.sync?.statusCode == .dataPushError)

        // jobs list / show.
        let jobs = try await run(["jobs", "list"], api)
        #expect(jobs.contains("2 jobs"))
        let firstJob = try #require(try await api.listRetryJobs(ListRetryJobsRequest()).jobs.last)
        let shown = try await run(["jobs", "show", firstJob.jobId], api)
        #expect(shown.contains("Reason      Account 200 re-enabled"))
        await #expect(throws: RPCError.self) { _ = try await run(["jobs", "cancel", firstJob.jobId], api) }
        await stack.stop()
    }

    @Test func errorGroupsDashboardAndConfigDiff() async throws {
        let stack = try stack(sandbox: SandboxConnector())
        let api = stack.service.client
        try await seed(api, now: Int64(Date().timeIntervalSince1970 * 1000))

        // The two "total does not match" errors fall in one group.
        let groups = try await run(["errors", "list", "--since", "2d"], api)
        let groupLine = try #require(groups.split(separator: "\n").first { $0.contains("2×") })
        let groupId = String(groupLine.split(separator: " ")[0])
        let bySync = try await run(["syncs", "list", "--error-group", groupId], api)
        #expect(bySync.contains("sync-fix") && bySync.contains("sync-stu"))
        #expect(!bySync.contains("sync-yes"))

        let dashboard = try await run(["dashboard", "--since", "7d"], api)
        #expect(dashboard.contains("3 syncs: 1 succeeded, 2 failed"))
        #expect(dashboard.contains("Top error groups"))
        #expect(dashboard.contains("5130 push error"))

        let diff = try await run(["config", "diff", "sync-stuck"], api)
        #expect(diff.contains("sync-yesterday"))
        #expect(diff.contains("~ ") && diff.contains("4000"))
        #expect(diff.contains("- ") && diff.contains("grouping"))
        let none = try await run(["config", "diff", "sync-yesterday"], api)
        #expect(none.contains("nothing to compare"))
        await stack.stop()
    }

    @Test func retryInProcessAgainstADatabaseFile() async throws {
        let directory = TemporaryDirectory()
        let path = directory.file("maintenance.sqlite")
        do {
            let service = try LiveService()
            try await seed(service.client, now: Int64(Date().timeIntervalSince1970 * 1000))
            service.stop()
            try FileManager.default.copyItem(atPath: service.directory.file("test.sqlite"), toPath: path)
            for suffix in ["-wal", "-shm"] where FileManager.default.fileExists(atPath: service.directory.file("test.sqlite") + suffix) {
                try FileManager.default.copyItem(atPath: service.directory.file("test.sqlite") + suffix, toPath: path + suffix)
            }
        }
        let local = try LocalService(path: path, actor: "tester@cli")
        // --connector/--default-connector are required offline, refused online.
        #expect(throws: (any Error).self) { try SyncHealthCommand.parseAsRoot(["retry", "sync-fixable", "--reason", "x", "--database", path]) }
        #expect(throws: (any Error).self) { try SyncHealthCommand.parseAsRoot(["retry", "sync-fixable", "--reason", "x", "--default-connector", "sandbox"]) }
        let output = try await LocalService.$current.withValue(local) {
            try await run(["retry", "sync-fixable", "--reason", "server is down", "--database", path, "--default-connector", "sandbox"], local.client)
        }
        #expect(output.contains("State       "))
        let job = try #require(try await local.client.listRetryJobs(ListRetryJobsRequest()).jobs.first)
        #expect(job.requestedBy == "tester@cli")
        #expect([RetryJobState.succeeded, .partiallyFailed, .failed].contains(job.state))
        #expect((job.counts?.pending ?? -1) == 0)
    }
}
