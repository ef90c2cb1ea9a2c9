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
        """,
        subcommands: [HashTokenCommand.self, CheckCommand.self, ReloadCommand.self]
    )

    @Option(help: "Config file of 'key = value' lines.") var config: String?
    @Option(help: "Address to listen on, host:port (default 127.0.0.1:7410; port 0 = any free port).") var listen: String?
    @Option(help: "SQLite database file (default synchealth-data/synchealth.sqlite).") var database: String?
    @Option(help: "Most open connections (default 1024).") var maxConnections: String?
    @Option(help: "Most connections still in their handshake; past it the oldest is closed (default 256).") var maxPendingHandshakes: String?
    @Option(help: "Most calls in flight per connection (default 100).") var maxConcurrentStreams: String?
    @Option(help: "Largest frame payload in bytes (default 4194304).") var maxFrameSize: String?
    @Option(help: "Handshake timeout in ms (default 10000).") var handshakeTimeout: String?
    @Option(help: "Idle connection timeout in ms (default 300000).") var idleTimeout: String?
    @Option(help: "Shutdown grace period in ms (default 10000).") var gracePeriod: String?
    @Option(help: "trace, debug, info, notice, warning, error, critical (default info).") var logLevel: String?
    @Option(help: "text (default) or json: one JSON object per line.") var logFormat: String?
    @Flag(help: "Load the demo data set into the database if it is empty.") var demo = false
    @Option(help: "Seed of the demo data set (default 42).") var demoSeed: String?
    @Flag(help: "Accept every call without a token. Local development only; logs a warning.") var noAuth = false
    @Option(help: "Connector service of a target platform, PLATFORM=HOST:PORT (repeatable).") var connector: [String] = []
    @Option(help: "Connector for platforms without their own: sandbox or HOST:PORT (default none; sandbox with --demo).") var defaultConnector: String?
    @Option(help: "Retry pushes in flight at once (default 4).") var retryWorkers: String?
    @Option(help: "Retry pushes in flight per target platform (default 2).") var retryPlatformConcurrency: String?
    @Option(help: "Retry pushes started per second, 0 = no limit (default 0).") var retryRate: String?
    @Option(help: "Attempts per item and retry job (default 5).") var retryMaxAttempts: String?
    @Option(help: "Lease of a retry attempt in ms; must exceed the push timeout (default 60000).") var retryLeaseDuration: String?
    @Option(help: "Deadline of a retry push in ms (default 15000).") var retryPushTimeout: String?
    @Option(help: "Longest pause between looks at the retry queue in ms (default 500).") var retryPollInterval: String?
    @Option(help: "First retry backoff ceiling in ms (default 1000).") var retryBackoffInitial: String?
    @Option(help: "Largest retry backoff in ms (default 60000).") var retryBackoffMax: String?

    var flags: [String: String] {
        var flags: [String: String] = [:]
        let pairs: [(String, String?)] = [
            ("listen", listen), ("database", database), ("max-connections", maxConnections), ("max-pending-handshakes", maxPendingHandshakes),
            ("max-concurrent-streams", maxConcurrentStreams), ("max-frame-size", maxFrameSize),
            ("handshake-timeout", handshakeTimeout), ("idle-timeout", idleTimeout), ("grace-period", gracePeriod),
            ("log-level", logLevel), ("log-format", logFormat), ("demo-seed", demoSeed), ("default-connector", defaultConnector),
            ("retry-workers", retryWorkers), ("retry-platform-concurrency", retryPlatformConcurrency),
            ("retry-rate", retryRate), ("retry-max-attempts", retryMaxAttempts),
            ("retry-lease-duration", retryLeaseDuration), ("retry-push-timeout", retryPushTimeout),
            ("retry-poll-interval", retryPollInterval), ("retry-backoff-initial", retryBackoffInitial),
            ("retry-backoff-max", retryBackoffMax),
        ]
        for (key, value) in pairs { if let value { flags[key] = value } }
        for entry in connector {
            // "xero=host:port"; a malformed entry is reported by the settings.
            let parts = entry.split(separator: "=", maxSplits: 1).map(String.init)
            flags[DaemonSettings.connectorKeyPrefix + (parts.first ?? "")] = parts.count == 2 ? parts[1] : ""
        }
        if demo { flags["demo"] = "true" }
        if noAuth { flags["auth"] = "off" }
        return flags
    }

    func run() async throws {
        let settings: DaemonSettings
        do {
            settings = try ResolvedSettings.read(flags: flags, configPath: config)
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
            let flags = flags
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
