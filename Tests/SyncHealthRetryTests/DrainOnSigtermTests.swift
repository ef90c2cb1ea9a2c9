import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import SyncHealthClient
import SyncHealthStorage
import SyncHealthSQLite
import SyncHealthProcess
import SyncHealthTestSupport
import SyncHealthWire
import Testing
import SyncHealthTestTraits

/// SIGTERM with a retry push in flight: the drain starts at once (no new
/// connections, GOAWAY on open ones, Health NOT_SERVING, nothing more
/// leased), the push finishes within the grace period and is recorded once,
/// and the daemon exits 0. Before, the server kept serving until the push
/// had finished.
@Suite(.serialized, .offThePool) struct DrainOnSigtermTests {
    @Test func drainStartsAtOnceWhileAPushFinishes() async throws {
        // Each push takes 3 s; one worker (below), so one push is in flight at a time.
        let run = try await SandboxRun.start(prefix: "synchealth-drain", sandboxArguments: ["--seed", "3", "--latency-ms", "3000"])
        let (daemon, directory, database, deliveries, sandbox, sandboxPort) =
            (run.daemon, run.directory, run.database, run.deliveries, run.sandbox, run.sandboxPort)
        defer { sandbox.send(SIGKILL) }
        _ = try seedRetryJob(database: database, syncId: "drain-sync", items: 3, key: "drain-1")
        let config = directory.file("synchealthd.conf")
        try """
            listen = 127.0.0.1:0
            database = \(database)
            connector.xero = 127.0.0.1:\(sandboxPort)
            retry-workers = 1
            retry-platform-concurrency = 1
            retry-push-timeout = 5000
            retry-lease-duration = 30000
            retry-poll-interval = 50
            grace-period = 8000
            metrics-listen = 127.0.0.1:0
            """.write(toFile: config, atomically: true, encoding: .utf8)
        let server = try await ChildProcess.daemon(daemon, config: config, stderrPath: directory.file("daemon.err"))
        defer { server.send(SIGKILL) }
        let metricsLine = try await server.waitForLine(startingWith: "synchealthd metrics on ")
        let ops = metricsLine.trimmingCharacters(in: .whitespaces)
        let port = try await server.listeningPort()
        let target = "127.0.0.1:\(port)"
        #expect(try await httpGet(ops, "/readyz") == (200, "ready\n"))

        // Wait until a push is in flight: its attempt is leased (PENDING).
        let client = try SyncHealthClient(target: target, timeout: .seconds(10))
        defer { client.close() }
        #expect(try await client.healthCheck(HealthCheckRequest()).status == .serving)
        let pending = try await waitUntil(seconds: 20) {
            let items = try await client.listPushItems(ListPushItemsRequest(syncId: "drain-sync", includeAttempts: true)).items
            return items.contains { $0.attempts.contains { $0.outcome == .pending } }
        }
        try #require(pending, "no push went out")
        // At once: the push has most of its 3 s still to run.
        server.send(SIGTERM)
        try await Task.sleep(for: .milliseconds(100))
        // 100 ms later, while the push still runs: a new connection is refused
        // or told UNAVAILABLE, and the open one no longer takes calls.
        #expect(server.isRunning, "the daemon should still be finishing its push")
        // The load balancer's view while it drains: alive, not ready.
        #expect(try await httpGet(ops, "/readyz") == (503, "draining\n"))
        #expect(try await httpGet(ops, "/healthz") == (200, "ok\n"))
        let late = await outcome { () async throws -> HealthCheckResponse in
            let fresh = try SyncHealthClient(target: target, timeout: .seconds(2))
            defer { fresh.close() }
            return try await fresh.healthCheck(HealthCheckRequest())
        }
        #expect(late == .unavailable, "a new connection after SIGTERM got \(late)")
        let onOpenConnection = await outcome { try await client.healthCheck(HealthCheckRequest()) }
        #expect(onOpenConnection == .unavailable || onOpenConnection == .notServing, "the open connection got \(onOpenConnection)")

        #expect(await server.waitForExit(timeout: .seconds(20)) == .exited(0))
        let log = (try? String(contentsOfFile: directory.file("daemon.err"), encoding: .utf8)) ?? ""
        #expect(!log.contains("still in flight"), "the push should have finished within the grace period")

        // The push in flight was recorded, once; nothing else was leased
        // after the signal (one worker, so that push was the only one).
        let lines = deliveryLines(deliveries)
        #expect(lines.count == 1, "deliveries: \(lines)")
        let after = try SQLiteSyncStore(path: database)
        let items = try after.listPushItems(ListPushItemsRequest(syncId: "drain-sync", includeAttempts: true)).items
        let retried = items.flatMap { item in item.attempts.filter { $0.trigger != .initial }.map { (item.itemId, $0) } }
        #expect(retried.count == 1, "retry attempts after the drain: \(retried.map { "\($0.0) \($0.1.outcome)" })")
        #expect(retried.allSatisfy { $0.1.outcome != .pending })
        if let line = lines.first, let (itemId, attempt) = retried.first {
            let fields = line.split(separator: " ").map(String.init)
            #expect(fields.first == itemId)
            #expect(fields.count == 4 && fields[2] == attempt.idempotencyKey)
        }
        await sandbox.stop(grace: .seconds(20))
    }
}

/// What a Health check ended in: a serving status, or an error's status code.
private enum HealthOutcome: Equatable, CustomStringConvertible {
    case serving, notServing, unavailable, other(String)

    var description: String {
        switch self {
        case .serving: "SERVING"
        case .notServing: "NOT_SERVING"
        case .unavailable: "UNAVAILABLE"
        case let .other(text): text
        }
    }
}

private func outcome(_ body: () async throws -> HealthCheckResponse) async -> HealthOutcome {
    do {
        let response = try await body()
        return response.status == .serving ? .serving : (response.status == .notServing ? .notServing : .other("\(response.status)"))
    } catch let error as RPCError {
        return error.code == .unavailable ? .unavailable : .other("\(error)")
    } catch {
        return .other("\(error)")
    }
}

/// GET `http://address/path`: status and body.
private func httpGet(_ address: String, _ path: String) async throws -> (status: Int, body: String) {
    let url = try #require(URL(string: "http://\(address)\(path)"))
    let (data, response) = try await URLSession.shared.data(from: url)
    return ((response as? HTTPURLResponse)?.statusCode ?? -1, String(decoding: data, as: UTF8.self))
}
