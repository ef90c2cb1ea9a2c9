import Foundation
import SyncHealthDaemon
import SyncHealthServer
import SyncHealthTestSupport
import SyncHealthWire
import Testing
import SyncHealthTestTraits

/// Each daemon setting is declared once (`DaemonSettingsTable`): the flags,
/// the environment, the config file, `--help` and the README's table all
/// come from it.
@Suite(.offThePool) struct SettingsTableTests {
    @Test func theReadmeTableIsTheGeneratedOne() throws {
        let readme = try String(contentsOfFile: BuildProducts.packageRoot + "/README.md", encoding: .utf8)
        let begin = try #require(readme.range(of: "<!-- settings-table: generated"))
        let tableStart = try #require(readme.range(of: "\n", range: begin.upperBound..<readme.endIndex)).upperBound
        let end = try #require(readme.range(of: "\n<!-- settings-table: end -->", range: tableStart..<readme.endIndex))
        #expect(String(readme[tableStart..<end.lowerBound]) == DaemonSettingsTable.markdown,
                "README.md's settings table is stale: replace it with the output of 'synchealthd settings'")
    }

    @Test func everySettingWorksFromEverySource() throws {
        // A value every setting accepts that differs from its default.
        let samples: [String: String] = [
            "listen": "127.0.0.1:9", "database": "x/y.sqlite", "database-pool-size": "3", "max-connections": "7", "max-pending-handshakes": "5",
            "max-concurrent-streams": "9", "max-frame-size": "20000", "handshake-timeout": "11", "idle-timeout": "12",
            "grace-period": "13", "metrics-listen": "127.0.0.1:0", "log-level": "debug", "log-format": "json", "demo": "true", "demo-seed": "7",
            "auth": "off", "default-connector": "127.0.0.1:9", "retry-workers": "3", "retry-platform-concurrency": "1",
            "retry-rate": "2.5", "retry-max-attempts": "4", "retry-backoff-initial": "10", "retry-backoff-max": "2000",
            "retry-push-timeout": "30", "retry-lease-duration": "20000", "retry-poll-interval": "50",
            "alert-concurrency": "0", "alert-poll-interval": "70", "alert-timeout": "900", "alert-max-attempts": "3",
            "alert-backoff-initial": "15", "alert-backoff-max": "1500",
        ]
        #expect(Set(samples.keys) == Set(DaemonSettings.keys), "a setting without a sample here")
        let defaults = DaemonSettings()
        for setting in DaemonSettingsTable.settings {
            let value = try #require(samples[setting.key])
            let file = try DaemonSettings.resolve(flags: [:], environment: [:], file: "\(setting.key) = \(value)")
            let environment = try DaemonSettings.resolve(flags: [:], environment: [setting.environmentName: value], file: nil)
            let arguments: [String]
            switch setting.flag {
            case .value: arguments = ["--\(setting.key)", value]
            case let .toggle(name, toggled):
                #expect(toggled == value, "\(setting.key)'s switch sets the sample")
                arguments = ["--\(name)"]
            }
            let flags = try DaemonSettings.resolve(flags: try DaemonSettingsTable.flags(from: arguments), environment: [:], file: nil)
            #expect(file != defaults, "\(setting.key) from the config file changed nothing")
            #expect(file == environment, "\(setting.key): environment differs from the file")
            #expect(file == flags, "\(setting.key): flag differs from the file")
        }
    }

    @Test func flagsAreReadInEveryForm() throws {
        let flags = try DaemonSettingsTable.flags(from: [
            "--listen=127.0.0.1:1", "--max-connections", "5", "--no-auth", "--demo",
            "--connector", "xero=127.0.0.1:2", "--connector", "qbo=127.0.0.1:3",
        ])
        #expect(flags == [
            "listen": "127.0.0.1:1", "max-connections": "5", "auth": "off", "demo": "true",
            "connector.xero": "127.0.0.1:2", "connector.qbo": "127.0.0.1:3",
        ])
        #expect(throws: SettingsError.self) { try DaemonSettingsTable.flags(from: ["--bogus", "1"]) }
        #expect(throws: SettingsError.self) { try DaemonSettingsTable.flags(from: ["--listen"]) }
        #expect(throws: SettingsError.self) { try DaemonSettingsTable.flags(from: ["--demo=yes"]) }
        #expect(throws: SettingsError.self) { try DaemonSettingsTable.flags(from: ["stray"]) }
        #expect(throws: SettingsError(PlatformAssignment.usage("xero"))) { try DaemonSettingsTable.flags(from: ["--connector", "xero"]) }
        #expect(throws: SettingsError(PlatformAssignment.usage("=127.0.0.1:1"))) { try DaemonSettingsTable.flags(from: ["--connector", "=127.0.0.1:1"]) }
    }

    @Test func helpListsEverySettingWithItsVariable() {
        let help = DaemonSettingsTable.helpText
        for setting in DaemonSettingsTable.settings {
            #expect(help.contains(setting.flagUsage), "\(setting.key) missing from --help")
            #expect(help.contains(setting.environmentName), "\(setting.key)'s variable missing from --help")
        }
        #expect(help.contains("--connector PLATFORM=HOST:PORT"))
        #expect(help.contains("token.<name>"))
    }
}
