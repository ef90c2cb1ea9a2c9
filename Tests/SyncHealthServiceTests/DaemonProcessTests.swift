import Foundation
import SyncHealthClient
import SyncHealthProcess
import SyncHealthTestSupport
import SyncHealthWire
import Testing
import SyncHealthTestTraits

/// synchealthd as a real process: settings, start-up, graceful shutdown on
/// SIGTERM, durability across restarts.
@Suite(.offThePool) struct DaemonProcessTests {
    @Test func servesDrainsOnSigtermAndKeepsDataAcrossRestarts() async throws {
        let directory = TemporaryDirectory()
        let database = directory.file("daemon.sqlite")
        let arguments = ["--listen", "127.0.0.1:0", "--database", database, "--grace-period", "2000", "--no-auth"]

        let first = try await ChildProcess.product("synchealthd", arguments, stderr: .file(directory.file("first.log")))
        let address = try await first.listeningAddress()
        let client = try SyncHealthClient(target: address, timeout: .seconds(10))
        #expect(try await client.healthCheck(HealthCheckRequest()).status == .serving)
        _ = try await client.recordSync(RecordSyncRequest(sync: Fixtures.sync("durable-1"), config: Fixtures.config()))
        client.close()

        first.send(SIGTERM)
        #expect(await first.waitForExit() == .exited(0))
        let log = String(decoding: FileManager.default.contents(atPath: directory.file("first.log")) ?? Data(), as: UTF8.self)
        #expect(log.contains("shutting down"))
        // One log line per call, with method and status, and no metadata values.
        #expect(log.contains("/synchealth.v1.SyncIngest/RecordSync"))

        let second = try await ChildProcess.product("synchealthd", arguments)
        let secondAddress = try await second.listeningAddress()
        let again = try SyncHealthClient(target: secondAddress, timeout: .seconds(10))
        let stored = try await again.getSync(GetSyncRequest(syncId: "durable-1"))
        #expect(stored.sync?.syncId == "durable-1")
        let config = try await again.getSyncConfig(GetSyncConfigRequest(syncId: "durable-1"))
        #expect(config.config?.document == Fixtures.config().document)
        again.close()
        second.send(SIGINT)
        #expect(await second.waitForExit() == .exited(0))
    }

    @Test func badSettingsAreRefusedWithAUsageError() async throws {
        let directory = TemporaryDirectory()
        let bad = try await ChildProcess.product("synchealthd", ["--listen", "nowhere", "--database", directory.file("x.sqlite")])
        #expect(await bad.waitForExit() == .exited(64))
        let configPath = directory.file("synchealth.conf")
        try "listen = 127.0.0.1:0\nmax-connections = lots\n".write(toFile: configPath, atomically: true, encoding: .utf8)
        let badFile = try await ChildProcess.product("synchealthd", ["--config", configPath, "--database", directory.file("y.sqlite")])
        #expect(await badFile.waitForExit() == .exited(64))
    }

    /// `--log-format json`: every line the daemon writes is one JSON object;
    /// the call's line has its fields and the request id it answered with.
    @Test func jsonLogFormat() async throws {
        let directory = TemporaryDirectory()
        let daemon = try await ChildProcess.product("synchealthd", ["--listen", "127.0.0.1:0", "--database", directory.file("j.sqlite"), "--no-auth", "--log-format", "json"],
            stderr: .file(directory.file("json.log")))
        let client = try SyncHealthClient(target: try await daemon.listeningAddress(), timeout: .seconds(10))
        _ = try await client.listSyncs(ListSyncsRequest())
        client.close()
        daemon.send(SIGTERM)
        #expect(await daemon.waitForExit() == .exited(0))
        let text = String(decoding: FileManager.default.contents(atPath: directory.file("json.log")) ?? Data(), as: UTF8.self)
        let lines = text.split(separator: "\n")
        #expect(lines.count >= 3)
        var calls = 0
        for line in lines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String], "\(line)")
            if object["message"] == "rpc", object["method"] == "/synchealth.v1.SyncHistory/ListSyncs" {
                calls += 1
                #expect(object["status"] == "OK")
                #expect(object["request_id"]?.count == 32)
            }
        }
        #expect(calls == 1)
        let bad = try await ChildProcess.product("synchealthd", ["--log-format", "xml", "--no-auth", "--database", directory.file("k.sqlite")])
        #expect(await bad.waitForExit() == .exited(64))
    }

    @Test func configFileAndEnvironmentAreRead() async throws {
        let directory = TemporaryDirectory()
        let configPath = directory.file("synchealth.conf")
        try "# test config\nlisten = 127.0.0.1:0\ndatabase = \(directory.file("from-file.sqlite"))\n".write(toFile: configPath, atomically: true, encoding: .utf8)
        let daemon = try await ChildProcess.product("synchealthd", ["--config", configPath, "--no-auth"])
        _ = try await daemon.listeningAddress()
        #expect(FileManager.default.fileExists(atPath: directory.file("from-file.sqlite")))
        daemon.send(SIGTERM)
        #expect(await daemon.waitForExit() == .exited(0))
    }
}

/// Start-up races and refusals of the database setting.
@Suite(.offThePool) struct DaemonDatabaseStartupTests {
    /// Several daemons started at the same moment on one new file: the
    /// migrator takes the write lock before it reads what is applied, so one
    /// migrates and the others wait and find nothing to do. (Before, one in
    /// three rounds had a daemon die with "table configs already exists".)
    @Test func daemonsStartingTogetherOnANewDatabaseAllServe() async throws {
        for round in 0..<4 {
            let directory = TemporaryDirectory()
            let database = directory.file("shared.sqlite")
            var daemons: [ChildProcess] = []
            for index in 0..<4 {
                daemons.append(try await ChildProcess.product(
                    "synchealthd", ["--listen", "127.0.0.1:0", "--database", database, "--no-auth", "--grace-period", "500"],
                    stderr: .file(directory.file("daemon-\(index).log"))))
            }
            var addresses: [String] = []
            for (index, daemon) in daemons.enumerated() {
                do {
                    addresses.append(try await daemon.listeningAddress())
                } catch {
                    let log = String(decoding: FileManager.default.contents(atPath: directory.file("daemon-\(index).log")) ?? Data(), as: UTF8.self)
                    Issue.record("round \(round), daemon \(index): \(error)\n\(log)")
                }
            }
            // Each serves, and a write through one is read through another.
            if addresses.count == daemons.count {
                let writer = try SyncHealthClient(target: addresses[0], timeout: .seconds(10))
                _ = try await writer.recordSync(RecordSyncRequest(sync: Fixtures.sync("race-\(round)")))
                writer.close()
                for address in addresses {
                    let reader = try SyncHealthClient(target: address, timeout: .seconds(10))
                    #expect(try await reader.getSync(GetSyncRequest(syncId: "race-\(round)")).sync?.syncId == "race-\(round)")
                    reader.close()
                }
            }
            for daemon in daemons { daemon.send(SIGTERM) }
            for daemon in daemons { #expect(await daemon.waitForExit() == .exited(0)) }
        }
    }

    /// A PostgreSQL URL names a database, not a file: with no server there,
    /// synchealthd stops with an error that says so, never echoes the
    /// password, and creates nothing named after the URL.
    @Test(arguments: ["postgresql://127.0.0.1:1/synchealth", "postgres://user:secret@127.0.0.1:1/sh"])
    func anUnreachablePostgreSQLDatabaseStopsTheDaemon(url: String) async throws {
        let directory = TemporaryDirectory()
        let daemon = try await ChildProcess.product("synchealthd", ["--listen", "127.0.0.1:0", "--database", url, "--no-auth"],
            stderr: .file(directory.file("refused.log")))
        #expect(await daemon.waitForExit() == .exited(1))
        let log = String(decoding: FileManager.default.contents(atPath: directory.file("refused.log")) ?? Data(), as: UTF8.self)
        #expect(log.contains("during connect"))
        #expect(!log.contains("secret"))
        let cwd = FileManager.default.currentDirectoryPath
        #expect(!FileManager.default.fileExists(atPath: "\(cwd)/postgresql:"))
        #expect(!FileManager.default.fileExists(atPath: "\(cwd)/postgres:"))
    }
}
