public import SyncHealthServer

/// Everything synchealthd can be configured with, resolved from (highest
/// precedence first) command-line flags, environment variables
/// (`SYNCHEALTH_<KEY>` with dashes as underscores, e.g.
/// `SYNCHEALTH_MAX_CONNECTIONS`) and a config file of `key = value` lines.
///
/// The properties hold the typed values and their defaults; how each is
/// spelled (key, flag, environment variable), explained and validated is
/// declared once, in `DaemonSettingsTable`, which the flags, the
/// environment, the config file, `--help` and the README table all come from.
public struct DaemonSettings: Sendable, Hashable {
    public var listen = "127.0.0.1:7410"
    public var database = "synchealth-data/synchealth.sqlite"
    /// PostgreSQL connections the store opens at most (`--database-pool-size`).
    public var databasePoolSize = 8
    public var maxConnections = 1024
    /// Nil means the default: 256, or `maxConnections` when that is lower.
    public var maxPendingHandshakes: Int?
    /// `maxPendingHandshakes` with its default applied.
    public var effectiveMaxPendingHandshakes: Int { maxPendingHandshakes ?? min(256, maxConnections) }
    public var maxConcurrentStreams = 100
    public var maxFrameSize = 4 * 1024 * 1024
    public var handshakeTimeoutMs: Int64 = 10_000
    public var idleTimeoutMs: Int64 = 300_000
    public var gracePeriodMs: Int64 = 10_000
    /// "" (off) or the HOST:PORT of /metrics, /healthz and /readyz.
    public var metricsListen = ""
    public var logLevel = "info"
    public var logFormat = "text"
    public var demo = false
    public var demoSeed: UInt64 = 42
    public var authEnabled = true
    /// API tokens, from `token.<name> = ...` lines of the config file only.
    public var tokens: [TokenEntry] = []
    /// Connector endpoints by target platform, "host:port".
    public var connectors: [String: String] = [:]
    public var defaultConnector = ""
    public var retryWorkers = 4
    public var retryPlatformConcurrency = 2
    public var retryRate: Double = 0
    public var retryMaxAttempts = 5
    public var retryLeaseDurationMs: Int64 = 60_000
    public var retryPushTimeoutMs: Int64 = 15_000
    public var retryPollIntervalMs: Int64 = 500
    public var retryBackoffInitialMs: Int64 = 1_000
    public var retryBackoffMaxMs: Int64 = 60_000
    public var alertConcurrency = 4
    public var alertPollIntervalMs: Int64 = 1_000
    public var alertTimeoutMs: Int64 = 10_000
    public var alertMaxAttempts = 12
    public var alertBackoffInitialMs: Int64 = 1_000
    public var alertBackoffMaxMs: Int64 = 600_000

    /// The defaults.
    public init() {}

    /// Every key the file, environment and flags accept (besides the
    /// `connector.<platform>` and `token.<name>` families).
    public static var keys: [String] { DaemonSettingsTable.settings.map(\.key) }

    /// Resolves settings from the three sources.
    /// - Parameters:
    ///   - flags: key -> value from the command line (keys as in `keys`, or
    ///     a family's `prefix.name`), as `DaemonSettingsTable.flags` reads them.
    ///   - environment: the process environment.
    ///   - file: the config file's text, if one was given.
    /// - Throws: `SettingsError` naming the source and key of a bad value.
    public static func resolve(flags: [String: String], environment: [String: String], file: String?) throws -> DaemonSettings {
        var settings = DaemonSettings()
        if let file {
            for (key, value) in try parseFile(file) { try settings.apply(key: key, value: value, source: .file) }
        }
        for setting in DaemonSettingsTable.settings {
            let name = setting.environmentName
            guard let value = environment[name] else { continue }
            try setting.apply(&settings, value, DaemonSetting.Source.environment(name).description)
        }
        for (key, value) in flags.sorted(by: { $0.key < $1.key }) { try settings.apply(key: key, value: value, source: .flag(key)) }
        try DaemonSettingsTable.validate(settings)
        return settings
    }

    /// Parses `key = value` lines; `#` starts a comment; blank lines are skipped.
    static func parseFile(_ text: String) throws -> [(String, String)] {
        var pairs: [(String, String)] = []
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
            let trimmed = line.trimmedSpaces()
            if trimmed.isEmpty { continue }
            let parts = trimmed.split(separator: "=", maxSplits: 1).map { String($0).trimmedSpaces() }
            guard parts.count == 2, !parts[0].isEmpty else {
                throw SettingsError("config file line \(index + 1): expected 'key = value'")
            }
            pairs.append((parts[0], parts[1]))
        }
        return pairs
    }

    /// Applies one `key = value` from `source` through the table.
    mutating func apply(key: String, value: String, source: DaemonSetting.Source) throws {
        if let setting = DaemonSettingsTable.setting(forKey: key) {
            try setting.apply(&self, value, source.description)
            return
        }
        if let family = DaemonSettingsTable.family(forKey: key) {
            try family.apply(&self, String(key.dropFirst(family.prefix.count)), value, source)
            return
        }
        throw SettingsError(
            "\(source): unknown setting '\(key)'; known: \(Self.keys.joined(separator: ", "))"
                + DaemonSettingsTable.families.map { ", \($0.prefix)<\($0.nameWord)>" }.joined())
    }
}
