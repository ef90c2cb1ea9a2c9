import ArgumentParser
import SyncHealthDaemon

/// `synchealthd settings`: prints the settings table as the README shows it
/// (Markdown), generated from `DaemonSettingsTable`; a test holds the README
/// equal to it.
struct SettingsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "settings",
        abstract: "Print every setting (key, flag, default, meaning) as a Markdown table, as README.md lists them."
    )

    func run() throws {
        print(DaemonSettingsTable.markdown)
    }
}
