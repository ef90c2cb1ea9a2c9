import Foundation
import SyncHealthClient
import SyncHealthServer
import SyncHealthStorage
import SyncHealthSQLite
import SyncHealthProcess
import SyncHealthTestSupport
import SyncHealthWire
import Testing
import SyncHealthTestTraits

/// synchealthd itself: start-up rules, hash-token and the demo tokens.
/// Serialized: each starts a daemon, and the machine is shared.
@Suite(.serialized, .offThePool) struct DaemonTests {
    init() throws {
        // Fail, never skip.
        _ = try BuildProducts.require("synchealthd")
    }

    @Test func refusesToStartWithoutTokens() async throws {
        let directory = TemporaryDirectory(prefix: "synchealthd-auth")
        let daemon = try await ChildProcess.daemon(["--listen", "127.0.0.1:0", "--database", "db/x.sqlite"], in: directory)
        #expect(await daemon.waitForExit() == .exited(64))
        #expect(daemon.stderr.contains("no API tokens configured"))
        #expect(daemon.stderr.contains("--no-auth"))
        #expect(!FileManager.default.fileExists(atPath: directory.file("db/x.sqlite")), "refused before opening storage")
    }

    @Test func hashTokenPrintsTheDigestOfStdin() async throws {
        let directory = TemporaryDirectory(prefix: "synchealthd-auth")
        for input in ["shd_abc123", "shd_abc123\n", "shd_abc123\r\n"] {
            let daemon = try await ChildProcess.daemon(["hash-token"], in: directory, stdin: input)
            #expect(await daemon.waitForExit() == .exited(0))
            #expect(daemon.stdout == TokenDigest.hex(of: "shd_abc123") + "\n")
        }
        for bad in ["", "\n", "two words", "tök"] {
            let daemon = try await ChildProcess.daemon(["hash-token"], in: directory, stdin: bad)
            #expect(await daemon.waitForExit() == .exited(64), "\(bad)")
            #expect(daemon.stdout.isEmpty)
            #expect(!daemon.stderr.contains(bad) || bad.isEmpty || bad == "\n")
        }
    }

    @Test func configuredTokensAreEnforced() async throws {
        let directory = TemporaryDirectory(prefix: "synchealthd-auth")
        let config = """
            token.desk = viewer:\(TokenDigest.hex(of: "desk-token"))
            token.engine = ingest:\(TokenDigest.hex(of: "engine-token"))
            """
        try config.write(toFile: directory.file("synchealthd.conf"), atomically: true, encoding: .utf8)
        let daemon = try await ChildProcess.daemon(
            ["--config", "synchealthd.conf", "--listen", "127.0.0.1:0", "--database", "db/x.sqlite"], in: directory)
        defer { daemon.send(SIGTERM) }
        let address = try await daemon.listeningAddress()

        let desk = try SyncHealthClient(target: address, token: "desk-token", timeout: .seconds(10))
        let engine = try SyncHealthClient(target: address, token: "engine-token", timeout: .seconds(10))
        let anonymous = try SyncHealthClient(target: address, timeout: .seconds(10))
        defer { desk.close(); engine.close(); anonymous.close() }
        _ = try await desk.listSyncs(ListSyncsRequest())
        _ = try await anonymous.healthCheck(HealthCheckRequest())
        await #expect(throws: RPCError(.permissionDenied, "role ingest may not call /synchealth.v1.SyncHistory/ListSyncs")) {
            _ = try await engine.listSyncs(ListSyncsRequest())
        }
        await #expect(throws: RPCError.self) { _ = try await anonymous.listSyncs(ListSyncsRequest()) }
        await daemon.stop()
        #expect(!daemon.stderr.contains("desk-token") && !daemon.stderr.contains("engine-token"))
        #expect(daemon.stderr.contains("rpc.caller=desk"))
    }

    @Test func demoPrintsATokenPerRole() async throws {
        let directory = TemporaryDirectory(prefix: "synchealthd-auth")
        // One sync already stored, so the demo skips loading its data set
        // (slow) but still makes its tokens.
        let store = try SQLiteSyncStore(path: directory.file("demo.sqlite"))
        _ = try store.recordSync(RecordSyncRequest(sync: Fixtures.sync("sync-1", company: "company-1")), now: Fixtures.baseTime)

        let daemon = try await ChildProcess.daemon(["--listen", "127.0.0.1:0", "--database", "demo.sqlite", "--demo"], in: directory)
        defer { daemon.send(SIGTERM) }
        let address = try await daemon.listeningAddress()

        var tokens: [String: String] = [:]
        var customerCompany = ""
        for line in daemon.stdout.split(separator: "\n") where line.hasPrefix("demo token ") {
            let words = line.split(separator: " ")
            try #require(words.count >= 4)
            tokens[String(words[2].dropLast())] = String(words[3])
            if words[2] == "customer:", let company = line.split(separator: "(company ").last?.dropLast() {
                customerCompany = String(company)
            }
        }
        #expect(Set(tokens.keys) == Set(Role.allCases.map(\.rawValue)))
        #expect(!customerCompany.isEmpty && customerCompany != "company-1")

        let viewer = try SyncHealthClient(target: address, token: tokens["viewer"], timeout: .seconds(10))
        let customer = try SyncHealthClient(target: address, token: tokens["customer"], timeout: .seconds(10))
        let ingest = try SyncHealthClient(target: address, token: tokens["ingest"], timeout: .seconds(10))
        defer { viewer.close(); customer.close(); ingest.close() }
        #expect(try await viewer.listSyncs(ListSyncsRequest()).syncs.map(\.syncId) == ["sync-1"])
        _ = try await customer.listCompanySyncs(ListCompanySyncsRequest(companyId: customerCompany))
        await #expect(throws: RPCError.self) { _ = try await customer.listCompanySyncs(ListCompanySyncsRequest(companyId: "company-1")) }
        await #expect(throws: RPCError.self) { _ = try await ingest.listSyncs(ListSyncsRequest()) }
        await daemon.stop()
        for token in tokens.values { #expect(!daemon.stderr.contains(token)) }
    }

    @Test func noAuthWarnsAndAllowsEveryCall() async throws {
        let directory = TemporaryDirectory(prefix: "synchealthd-auth")
        let daemon = try await ChildProcess.daemon(["--listen", "127.0.0.1:0", "--database", "x.sqlite", "--no-auth"], in: directory)
        defer { daemon.send(SIGTERM) }
        let address = try await daemon.listeningAddress()
        let client = try SyncHealthClient(target: address, timeout: .seconds(10))
        defer { client.close() }
        _ = try await client.listSyncs(ListSyncsRequest())
        _ = try await client.listCompanySyncs(ListCompanySyncsRequest(companyId: "any-company"))
        #expect(daemon.stderr.contains("warning") && daemon.stderr.contains("authentication is OFF"))
        #expect(!daemon.stdout.contains("demo token"))
    }
}
