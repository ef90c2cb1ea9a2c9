import Foundation
import SyncHealthClient
import SyncHealthTestSupport
import SyncHealthWire
import Testing

/// synchealthd as a real process: settings, start-up, graceful shutdown on
/// SIGTERM, durability across restarts.
@Suite struct DaemonProcessTests {
    @Test func servesDrainsOnSigtermAndKeepsDataAcrossRestarts() async throws {
        let directory = TemporaryDirectory()
        let database = directory.file("daemon.sqlite")
        let arguments = ["--listen", "127.0.0.1:0", "--database", database, "--grace-period", "2000", "--no-auth"]

        let first = try DaemonProcess(product: "synchealthd", arguments: arguments, stderrPath: directory.file("first.log"))
        let address = try await first.waitForListeningAddress()
        let client = try SyncHealthClient(target: address, timeout: .seconds(10))
        #expect(try await client.healthCheck(HealthCheckRequest()).status == .serving)
        _ = try await client.recordSync(RecordSyncRequest(sync: Fixtures.sync("durable-1"), config: Fixtures.config()))
        client.close()

        first.send(SIGTERM)
        #expect(await first.waitForExit() == 0)
        let log = String(decoding: FileManager.default.contents(atPath: directory.file("first.log")) ?? Data(), as: UTF8.self)
        #expect(log.contains("shutting down"))
        // One log line per call, with method and status, and no metadata values.
        #expect(log.contains("/synchealth.v1.SyncIngest/RecordSync"))

        let second = try DaemonProcess(product: "synchealthd", arguments: arguments)
        let secondAddress = try await second.waitForListeningAddress()
        let again = try SyncHealthClient(target: secondAddress, timeout: .seconds(10))
        let stored = try await again.getSync(GetSyncRequest(syncId: "durable-1"))
        #expect(stored.sync?.syncId == "durable-1")
        let config = try await again.getSyncConfig(GetSyncConfigRequest(syncId: "durable-1"))
        #expect(config.config?.document == Fixtures.config().document)
        again.close()
        second.send(SIGINT)
        #expect(await second.waitForExit() == 0)
    }

    @Test func badSettingsAreRefusedWithAUsageError() async throws {
        let directory = TemporaryDirectory()
        let bad = try DaemonProcess(product: "synchealthd", arguments: ["--listen", "nowhere", "--database", directory.file("x.sqlite")])
        #expect(await bad.waitForExit() == 64)
        let configPath = directory.file("synchealth.conf")
        try "listen = 127.0.0.1:0\nmax-connections = lots\n".write(toFile: configPath, atomically: true, encoding: .utf8)
        let badFile = try DaemonProcess(product: "synchealthd", arguments: ["--config", configPath, "--database", directory.file("y.sqlite")])
        #expect(await badFile.waitForExit() == 64)
    }

    @Test func configFileAndEnvironmentAreRead() async throws {
        let directory = TemporaryDirectory()
        let configPath = directory.file("synchealth.conf")
        try "# test config\nlisten = 127.0.0.1:0\ndatabase = \(directory.file("from-file.sqlite"))\n".write(toFile: configPath, atomically: true, encoding: .utf8)
        let daemon = try DaemonProcess(product: "synchealthd", arguments: ["--config", configPath, "--no-auth"])
        _ = try await daemon.waitForListeningAddress()
        #expect(FileManager.default.fileExists(atPath: directory.file("from-file.sqlite")))
        daemon.send(SIGTERM)
        #expect(await daemon.waitForExit() == 0)
    }
}
