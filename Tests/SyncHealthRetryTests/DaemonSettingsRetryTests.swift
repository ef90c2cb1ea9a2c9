import SyncHealthDaemon
import SyncHealthServer
import Testing
import SyncHealthTestSupport
import SyncHealthTestTraits

/// The retry keys of synchealthd's settings.
@Suite(.offThePool) struct DaemonSettingsRetryTests {
    @Test func connectorsAndKnobsFromTheFileFlagsAndEnvironment() throws {
        let file = """
            connector.xero = 127.0.0.1:7421
            connector.quickbooks-online = connectors.internal:9000
            retry-workers = 8
            retry-rate = 12.5
            retry-lease-duration = 30000
            """
        let settings = try DaemonSettings.resolve(
            flags: ["retry-platform-concurrency": "3", "connector.xero": "127.0.0.1:7422"],
            environment: ["SYNCHEALTH_RETRY_MAX_ATTEMPTS": "7", "SYNCHEALTH_DEFAULT_CONNECTOR": "sandbox"],
            file: file)
        #expect(settings.connectors == ["xero": "127.0.0.1:7422", "quickbooks-online": "connectors.internal:9000"])
        #expect(settings.retryWorkers == 8 && settings.retryPlatformConcurrency == 3 && settings.retryMaxAttempts == 7)
        #expect(settings.retryRate == 12.5 && settings.retryLeaseDurationMs == 30_000)
        #expect(settings.effectiveDefaultConnector == "sandbox")
    }

    @Test func theDemoDefaultsToTheSandbox() throws {
        let demo = try DaemonSettings.resolve(flags: ["demo": "true"], environment: [:], file: nil)
        #expect(demo.effectiveDefaultConnector == "sandbox")
        let plain = try DaemonSettings.resolve(flags: [:], environment: [:], file: nil)
        #expect(plain.effectiveDefaultConnector == "" && plain.connectors.isEmpty)
        let remote = try DaemonSettings.resolve(flags: ["demo": "true", "default-connector": "127.0.0.1:9"], environment: [:], file: nil)
        #expect(remote.effectiveDefaultConnector == "127.0.0.1:9")
    }

    @Test func badValuesNameTheKey() {
        let bad: [[String: String]] = [
            ["connector.xero": "nowhere"],
            ["connector.xero": "127.0.0.1:0"],
            ["connector.": "127.0.0.1:1"],
            ["connector.x y": "127.0.0.1:1"],
            ["default-connector": "elsewhere"],
            ["retry-workers": "0"],
            ["retry-rate": "-1"],
            ["retry-max-attempts": "many"],
            ["retry-lease-duration": "1000", "retry-push-timeout": "1000"],
            ["retry-backoff-initial": "5000", "retry-backoff-max": "10"],
        ]
        for flags in bad {
            #expect(throws: SettingsError.self, "\(flags)") {
                _ = try DaemonSettings.resolve(flags: flags, environment: [:], file: nil)
            }
        }
    }
}
