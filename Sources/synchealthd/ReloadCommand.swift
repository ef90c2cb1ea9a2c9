import ArgumentParser
import Foundation
import SyncHealthDaemon
import SyncHealthServer

/// `synchealthd reload --config FILE --pid PID`: checks the config file the
/// way the daemon will read it, then sends the running daemon SIGHUP so it
/// reloads its tokens. A file with an error is reported here and nothing is
/// sent (the daemon would reject it too and keep its tokens).
struct ReloadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reload",
        abstract: "Check the config file, then make a running synchealthd reload its tokens (SIGHUP).",
        discussion: """
        The daemon replaces its whole token set at once: new tokens work from \
        the next call, removed ones are refused from the next call. It logs \
        'tokens reloaded' with counts and names, or 'token reload rejected' \
        with the error. Other settings need a restart.
        """
    )

    @Option(help: "The daemon's config file.") var config: String?
    @Option(help: "Process id of the running synchealthd.") var pid: Int32
    /// The daemon's other flags, so the file is checked as the daemon reads it.
    @Argument(parsing: .allUnrecognized, help: ArgumentHelp("The daemon's settings flags.", valueName: "settings"))
    var settingArguments: [String] = []

    func run() throws {
        guard let configPath = config else {
            throw commandFailure("synchealthd reload", "give the daemon's config file with --config FILE", exit: 64)
        }
        let settings: DaemonSettings
        do {
            settings = try ResolvedSettings.read(flags: try DaemonSettingsTable.flags(from: settingArguments), configPath: configPath)
            _ = try settings.makeAuthorizer()
        } catch {
            throw commandFailure("synchealthd reload", "\(configPath) would be rejected: \(error)", exit: 65)
        }
        guard pid > 0, kill(pid, SIGHUP) == 0 else {
            throw commandFailure("synchealthd reload", "cannot signal process \(pid): \(String(cString: strerror(errno)))", exit: 69)
        }
        print("sent SIGHUP to \(pid): \(settings.tokens.count) tokens in \(configPath)")
    }
}
