import Foundation
import SyncHealthClient
import SyncHealthConcurrency
import SyncHealthServer
import SyncHealthProcess
import SyncHealthTestSupport
import SyncHealthWire
import Testing
import SyncHealthTestTraits

/// Tokens change without a restart: SIGHUP (or `synchealthd reload`) reads
/// the config file again and swaps the whole set. Serialized: each starts a
/// daemon.
@Suite(.serialized, .offThePool) struct TokenReloadTests {
    init() throws {
        _ = try BuildProducts.require("synchealthd")
    }

    private func config(_ tokens: [(name: String, token: String)]) -> String {
        tokens.map { "token.\($0.name) = viewer:\(TokenDigest.hex(of: $0.token))" }.joined(separator: "\n") + "\n"
    }

    @Test func aTokenIsRevokedUnderLoadAndABadFileIsRejectedWhole() async throws {
        let directory = TemporaryDirectory(prefix: "synchealthd-reload")
        let configPath = directory.file("synchealthd.conf")
        try config([("keep", "keep-token-1"), ("leaked", "leaked-token-1")]).write(toFile: configPath, atomically: true, encoding: .utf8)
        let daemon = try await ChildProcess.daemon(["--config", "synchealthd.conf", "--listen", "127.0.0.1:0", "--database", "x.sqlite"], in: directory)
        defer { daemon.send(SIGTERM) }
        let address = try await daemon.listeningAddress()

        // Load with both tokens; each call's outcome, in order.
        let outcomes = Locked<[String: [StatusCode]]>([:])
        let stop = Locked(false)
        let load = Task {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for (name, token) in [("keep", "keep-token-1"), ("leaked", "leaked-token-1")] {
                    group.addTask {
                        let client = try SyncHealthClient(target: address, token: token, timeout: .seconds(10))
                        defer { client.close() }
                        while !stop.withLock({ $0 }) {
                            let code: StatusCode
                            do {
                                _ = try await client.listSyncs(ListSyncsRequest(pageSize: 5))
                                code = .ok
                            } catch let error as RPCError {
                                code = error.code
                            }
                            outcomes.withLock { $0[name, default: []].append(code) }
                        }
                    }
                }
                try await group.waitForAll()
            }
        }
        #expect(await eventually { outcomes.withLock { ($0["leaked"]?.count ?? 0) > 20 } })

        // Revoke "leaked", add "fresh"; the reload command checks the file first.
        try config([("keep", "keep-token-1"), ("fresh", "fresh-token-1")]).write(toFile: configPath, atomically: true, encoding: .utf8)
        let reload = try await ChildProcess.daemon(["reload", "--config", "synchealthd.conf", "--pid", "\(daemon.pid)"], in: directory)
        #expect(await reload.waitForExit() == .exited(0), "\(reload.stderr)")
        #expect(await eventually { daemon.stderr.contains("tokens reloaded") }, "\(daemon.stderr)")
        // From the reload on, the revoked token is refused on its next call, and stays refused.
        let countAtReload = outcomes.withLock { $0["leaked"]?.count ?? 0 }
        #expect(await eventually { outcomes.withLock { ($0["leaked"]?.count ?? 0) > countAtReload + 5 } })
        let fresh = try SyncHealthClient(target: address, token: "fresh-token-1", timeout: .seconds(10))
        defer { fresh.close() }
        _ = try await fresh.listSyncs(ListSyncsRequest())

        // A file with an error is rejected whole: by the command, and by the
        // daemon on a plain SIGHUP; the tokens in force stay.
        try (config([("keep", "keep-token-1")]) + "token.broken = wizard:zz\n").write(toFile: configPath, atomically: true, encoding: .utf8)
        let refused = try await ChildProcess.daemon(["reload", "--config", "synchealthd.conf", "--pid", "\(daemon.pid)"], in: directory)
        #expect(await refused.waitForExit() == .exited(65))
        #expect(refused.stderr.contains("would be rejected"))
        daemon.send(SIGHUP)
        #expect(await eventually { daemon.stderr.contains("token reload rejected") }, "\(daemon.stderr)")
        _ = try await fresh.listSyncs(ListSyncsRequest())

        stop.withLock { $0 = true }
        try await load.value
        let seen = outcomes.withLock { $0 }
        #expect(seen["keep", default: []].allSatisfy { $0 == .ok }, "the kept token failed: \(Set(seen["keep", default: []]))")
        let leaked = seen["leaked", default: []]
        let firstRefusal = try #require(leaked.firstIndex(of: .unauthenticated), "the revoked token was never refused")
        #expect(firstRefusal > 0, "the token worked before the reload")
        #expect(leaked[..<firstRefusal].allSatisfy { $0 == .ok })
        #expect(leaked[firstRefusal...].allSatisfy { $0 == .unauthenticated }, "a revoked token worked again")
        let log = daemon.stderr
        #expect(log.contains("added=1") && log.contains("removed=1") && log.contains("names_removed=leaked"))
        for secret in ["keep-token-1", "leaked-token-1", "fresh-token-1", TokenDigest.hex(of: "fresh-token-1")] {
            #expect(!log.contains(secret))
        }
    }
}

/// Polls `condition` until it holds or `timeout` passes (which only bounds a
/// failing test).
private func eventually(timeout: Duration = .seconds(20), _ condition: () -> Bool) async -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if condition() { return true }
        try? await Task.sleep(for: .milliseconds(10))
    }
    return condition()
}
