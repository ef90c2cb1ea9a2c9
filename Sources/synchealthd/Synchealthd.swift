import ArgumentParser
import Dispatch
import Foundation
import Logging
import SyncHealthDemo
import SyncHealthServer
import SyncHealthStorage
import SyncHealthWire

/// `synchealthd`: the SyncHealth server.
@main
struct Synchealthd: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "synchealthd",
        abstract: "The SyncHealth server: sync history, ingest and health over protocol v1.",
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
        """,
        subcommands: [HashTokenCommand.self]
    )

    @Option(help: "Config file of 'key = value' lines.") var config: String?
    @Option(help: "Address to listen on, host:port (default 127.0.0.1:7410; port 0 = any free port).") var listen: String?
    @Option(help: "SQLite database file (default synchealth-data/synchealth.sqlite).") var database: String?
    @Option(help: "Most open connections (default 1024).") var maxConnections: String?
    @Option(help: "Most calls in flight per connection (default 100).") var maxConcurrentStreams: String?
    @Option(help: "Largest frame payload in bytes (default 4194304).") var maxFrameSize: String?
    @Option(help: "Handshake timeout in ms (default 10000).") var handshakeTimeout: String?
    @Option(help: "Idle connection timeout in ms (default 300000).") var idleTimeout: String?
    @Option(help: "Shutdown grace period in ms (default 10000).") var gracePeriod: String?
    @Option(help: "trace, debug, info, notice, warning, error, critical (default info).") var logLevel: String?
    @Flag(help: "Load the demo data set into the database if it is empty.") var demo = false
    @Option(help: "Seed of the demo data set (default 42).") var demoSeed: String?
    @Flag(help: "Accept every call without a token. Local development only; logs a warning.") var noAuth = false

    var flags: [String: String] {
        var flags: [String: String] = [:]
        let pairs: [(String, String?)] = [
            ("listen", listen), ("database", database), ("max-connections", maxConnections),
            ("max-concurrent-streams", maxConcurrentStreams), ("max-frame-size", maxFrameSize),
            ("handshake-timeout", handshakeTimeout), ("idle-timeout", idleTimeout), ("grace-period", gracePeriod),
            ("log-level", logLevel), ("demo-seed", demoSeed),
        ]
        for (key, value) in pairs { if let value { flags[key] = value } }
        if demo { flags["demo"] = "true" }
        if noAuth { flags["auth"] = "off" }
        return flags
    }

    func run() async throws {
        let settings: DaemonSettings
        do {
            let fileText = try config.map { path in
                guard let data = FileManager.default.contents(atPath: path) else { throw SettingsError("cannot read config file \(path)") }
                return String(decoding: data, as: UTF8.self)
            }
            settings = try DaemonSettings.resolve(flags: flags, environment: ProcessInfo.processInfo.environment, file: fileText)
            try settings.checkAuthentication()
        } catch {
            FileHandle.standardError.write(Data("synchealthd: \(error)\n".utf8))
            throw ExitCode(64)
        }
        let level = Logger.Level(rawValue: settings.logLevel) ?? .info
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let logger = Logger(label: "synchealthd")
        do {
            try await Daemon(settings: settings, logger: logger).run()
        } catch {
            logger.critical("synchealthd stopped", metadata: ["error": "\(error)"])
            throw ExitCode(1)
        }
    }
}
