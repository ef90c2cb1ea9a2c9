import SyncHealthDaemon
import SyncHealthServer
import Testing
import SyncHealthTestSupport
import SyncHealthTestTraits

@Suite(.offThePool) struct DaemonSettingsTests {
    @Test func flagsBeatEnvironmentBeatFileBeatDefaults() throws {
        let file = """
        # comment
        listen = 0.0.0.0:9000   # trailing comment
        database = /var/lib/synchealth/file.sqlite
        max-connections = 10
        """
        let env = ["SYNCHEALTH_LISTEN": "127.0.0.1:9001", "SYNCHEALTH_MAX_CONCURRENT_STREAMS": "7", "UNRELATED": "x"]
        let settings = try DaemonSettings.resolve(flags: ["listen": "127.0.0.1:9002"], environment: env, file: file)
        #expect(settings.listen == "127.0.0.1:9002")
        #expect(settings.database == "/var/lib/synchealth/file.sqlite")
        #expect(settings.maxConnections == 10)
        #expect(settings.maxConcurrentStreams == 7)
        #expect(settings.maxFrameSize == 4 * 1024 * 1024)
        #expect(settings.idleTimeoutMs == 300_000)
        // The handshake budget defaults below the cap.
        #expect(settings.effectiveMaxPendingHandshakes == 10)
        #expect(DaemonSettings().effectiveMaxPendingHandshakes == 256)
    }

    @Test func handshakeBudgetIsCheckedAgainstTheCap() throws {
        let set = try DaemonSettings.resolve(flags: ["max-pending-handshakes": "64"], environment: [:], file: nil)
        #expect(set.effectiveMaxPendingHandshakes == 64)
        #expect {
            try DaemonSettings.resolve(flags: ["max-pending-handshakes": "100", "max-connections": "50"], environment: [:], file: nil)
        } throws: { "\($0)".contains("must not exceed max-connections") }
        #expect(throws: SettingsError.self) {
            try DaemonSettings.resolve(flags: ["max-pending-handshakes": "0"], environment: [:], file: nil)
        }
    }

    @Test func badValuesNameTheirSource() {
        #expect(throws: SettingsError.self) { try DaemonSettings.resolve(flags: ["max-connections": "0"], environment: [:], file: nil) }
        #expect(throws: SettingsError.self) { try DaemonSettings.resolve(flags: [:], environment: ["SYNCHEALTH_IDLE_TIMEOUT": "-1"], file: nil) }
        #expect(throws: SettingsError.self) { try DaemonSettings.resolve(flags: [:], environment: [:], file: "no equals sign") }
        #expect(throws: SettingsError.self) { try DaemonSettings.resolve(flags: [:], environment: [:], file: "colour = blue") }
        #expect(throws: SettingsError.self) { try DaemonSettings.resolve(flags: ["log-level": "loud"], environment: [:], file: nil) }
        #expect(throws: SettingsError.self) { try DaemonSettings.resolve(flags: ["max-frame-size": "99999999999"], environment: [:], file: nil) }
        do {
            _ = try DaemonSettings.resolve(flags: [:], environment: ["SYNCHEALTH_MAX_CONNECTIONS": "many"], file: nil)
        } catch {
            #expect("\(error)".contains("SYNCHEALTH_MAX_CONNECTIONS"))
        }
    }
}
