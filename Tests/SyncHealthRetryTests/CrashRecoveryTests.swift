import Foundation
import SyncHealthClient
import SyncHealthStorage
import SyncHealthProcess
import SyncHealthTestSupport
import SyncHealthWire
import Testing
import SyncHealthTestTraits

/// synchealthd killed with SIGKILL in the middle of a job, then restarted on
/// the same database: every item reaches a final state, and no attempt is
/// ever delivered under two different keys.
@Suite(.serialized, .offThePool) struct CrashRecoveryTests {
    @Test func killingTheServerMidJobLosesNothingAndNeverChangesAnAttemptsKey() async throws {
        let run = try await SandboxRun.start(prefix: "synchealth-crash", sandboxArguments: ["--seed", "11", "--latency-ms", "120", "--failure-rate", "0.25", "--timeout-rate", "0.15"])
        let (daemon, directory, database, deliveries, sandbox, sandboxPort) =
            (run.daemon, run.directory, run.database, run.deliveries, run.sandbox, run.sandboxPort)
        defer { sandbox.send(SIGKILL) }
        let itemCount = 30
        let jobId = try seedRetryJob(database: database, syncId: "crash-sync", items: itemCount, key: "crash-1")

        let config = directory.file("synchealthd.conf")
        try """
            listen = 127.0.0.1:0
            database = \(database)
            log-level = warning
            connector.xero = 127.0.0.1:\(sandboxPort)
            retry-workers = 4
            retry-platform-concurrency = 4
            retry-max-attempts = 4
            retry-push-timeout = 1000
            retry-lease-duration = 1500
            retry-poll-interval = 50
            retry-backoff-initial = 20
            retry-backoff-max = 100
            """.write(toFile: config, atomically: true, encoding: .utf8)

        // First run: killed once some pushes went out.
        let first = try await ChildProcess.daemon(daemon, config: config, stderrPath: directory.file("first.err"))
        defer { first.send(SIGKILL) }
        _ = try await first.listeningPort()
        #expect(await waitUntil { deliveryLines(deliveries).count >= 6 })
        await first.kill()
        let deliveredBeforeKill = deliveryLines(deliveries).count

        // Second run on the same database finishes the job.
        let second = try await ChildProcess.daemon(daemon, config: config, stderrPath: directory.file("second.err"))
        defer { second.send(SIGKILL) }
        let port = try await second.listeningPort()
        let client = try SyncHealthClient(target: "127.0.0.1:\(port)", timeout: .seconds(10))
        defer { client.close() }
        let finished = await waitUntil(seconds: 60) {
            guard let state = try? await client.getRetryJob(GetRetryJobRequest(jobId: jobId)).job?.state else { return false }
            return [.succeeded, .partiallyFailed, .failed].contains(state)
        }
        let stderr = (try? String(contentsOfFile: directory.file("second.err"), encoding: .utf8)) ?? ""
        #expect(finished, "the job did not end after the restart; synchealthd said: \(stderr.suffix(2_000))")

        let job = try #require(try await client.getRetryJob(GetRetryJobRequest(jobId: jobId)).job)
        let counts = try #require(job.counts)
        #expect(counts.pending == 0 && counts.total == Int64(itemCount))
        #expect(counts.succeeded + counts.failed == counts.total)
        #expect(deliveryLines(deliveries).count > deliveredBeforeKill, "the restarted server delivered nothing")

        // Every item ended; no attempt is left pending.
        let items = try await client.listPushItems(ListPushItemsRequest(syncId: "crash-sync", pageSize: 500, includeAttempts: true)).items
        #expect(items.count == itemCount)
        for item in items {
            #expect(item.status == .success || item.status == .failed || item.status == .timedOut, "\(item.itemId) is \(item.status)")
            #expect(!item.attempts.contains { $0.outcome == .pending }, "\(item.itemId) has a pending attempt")
        }

        // No (item, attempt) went out under two keys, and the history
        // records the key each attempt was delivered with.
        var keys: [String: Set<String>] = [:]
        for line in deliveryLines(deliveries) {
            let fields = line.split(separator: " ").map(String.init)
            try #require(fields.count == 4, "bad delivery line")
            keys["\(fields[0]) \(fields[1])", default: []].insert(fields[2])
        }
        for (attempt, seen) in keys {
            #expect(seen.count == 1, "attempt \(attempt) was delivered under \(seen.count) keys")
        }
        for item in items {
            for attempt in item.attempts where attempt.trigger != .initial {
                if let seen = keys["\(item.itemId) \(attempt.number)"] {
                    #expect(seen == [attempt.idempotencyKey], "\(item.itemId) attempt \(attempt.number) recorded another key")
                }
            }
        }
        client.close()
        await second.stop(grace: .seconds(20))
        #expect(!second.isRunning)
        await sandbox.stop(grace: .seconds(20))
    }
}

/// The deliveries log's lines.
func deliveryLines(_ path: String) -> [String] {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
    return text.split(separator: "\n").map(String.init)
}
