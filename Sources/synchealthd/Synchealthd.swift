import ArgumentParser
import Dispatch
import Foundation
import Logging
import SyncHealthDemo
import SyncHealthDaemon
import SyncHealthServer
import SyncHealthStorage
import SyncHealthWire

/// `synchealthd`: the SyncHealth server.
@main
struct Synchealthd: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "synchealthd",
        abstract: "The SyncHealth server: sync history, ingest, retries and health over protocol v1.",
        discussion: """
        Settings come from flags, then SYNCHEALTH_<KEY> environment variables \
        (e.g. SYNCHEALTH_LISTEN, SYNCHEALTH_DATABASE), then the --config file \
        (key = value lines), then defaults.

        Every call except Health/Check needs 'authorization: Bearer <token>'. \
        Configure tokens as 'token.<name> = <role>:<sha256-hex>' or \
        'token.<name> = customer:<company-id>:<sha256-hex>' lines in the config \
        file; roles: viewer, operator, ingest, customer, admin. 'synchealthd \
        hash-token' prints the digest of a token read from stdin. --demo prints \
        a fresh token per role; --no-auth turns checking off (development only).

        Settings (flag, default, environment variable; config-file keys are the \
        flag names without the dashes):

        \(DaemonSettingsTable.helpText)
        """,
        subcommands: [ServeCommand.self, HashTokenCommand.self, CheckCommand.self, ReloadCommand.self, SettingsCommand.self],
        defaultSubcommand: ServeCommand.self
    )
}

/// `synchealthd [serve] [--config FILE] [settings...]`: runs the server (the
/// default subcommand, so `synchealthd --listen ...` serves).
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the server (the default): settings as listed in synchealthd --help."
    )

    @Option(help: "Config file of 'key = value' lines.") var config: String?
    /// Every setting's flag, read through the settings table (see the
    /// discussion above, generated from it) rather than declared here again.
    @Argument(parsing: .allUnrecognized, help: ArgumentHelp("Settings: --key VALUE, --demo, --no-auth, --connector PLATFORM=HOST:PORT (listed below).", valueName: "settings"))
    var settingArguments: [String] = []

    /// The settings flags, key -> value.
    /// - Throws: `SettingsError` for an unknown or malformed flag.
    func flags() throws(SettingsError) -> [String: String] {
        try DaemonSettingsTable.flags(from: settingArguments)
    }

    func run() async throws {
        let settings: DaemonSettings
        do {
            settings = try ResolvedSettings.read(flags: try flags(), configPath: config)
            try settings.checkAuthentication()
        } catch {
            throw commandFailure("synchealthd", "\(error)", exit: 64)
        }
        let level = Logger.Level(rawValue: settings.logLevel) ?? .info
        let json = settings.logFormat == "json"
        LoggingSystem.bootstrap { label in
            if json {
                var handler = JSONLogHandler(label: label)
                handler.logLevel = level
                return handler
            }
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let logger = Logger(label: "synchealthd")
        // A reload re-reads the config file with the same flags and environment.
        var reread: (@Sendable () throws -> DaemonSettings)?
        if let configPath = config {
            let flags = try flags()
            reread = { @Sendable in try ResolvedSettings.read(flags: flags, configPath: configPath) }
        }
        do {
            try await Daemon(settings: settings, logger: logger, rereadSettings: reread).run()
        } catch {
            logger.critical("synchealthd stopped", metadata: ["error": "\(error)"])
            throw ExitCode(1)
        }
    }
}

/// Settings as synchealthd resolves them at start and on a reload.
enum ResolvedSettings {
    /// Settings from the flags, the environment and the config file as it is now.
    static func read(flags: [String: String], configPath: String?) throws -> DaemonSettings {
        let fileText = try configPath.map { path in
            guard let data = FileManager.default.contents(atPath: path) else { throw SettingsError("cannot read config file \(path)") }
            return String(decoding: data, as: UTF8.self)
        }
        return try DaemonSettings.resolve(flags: flags, environment: ProcessInfo.processInfo.environment, file: fileText)
    }
}
