import SyncHealthStorage

/// Everything synchealthd can be configured with, resolved from (highest
/// precedence first) command-line flags, environment variables
/// (`SYNCHEALTH_<KEY>` with dashes as underscores, e.g.
/// `SYNCHEALTH_MAX_CONNECTIONS`) and a config file of `key = value` lines.
public struct DaemonSettings: Sendable, Hashable {
    /// Address to listen on, "host:port"; port 0 picks a free one.
    public var listen = "127.0.0.1:7410"
    /// SQLite database file.
    public var database = "synchealth-data/synchealth.sqlite"
    /// Most open connections; more are refused with GOAWAY.
    public var maxConnections = 1024
    /// Most connections at once that have not finished the handshake; past
    /// it (or at `maxConnections`) the oldest of them is closed to make room.
    /// Nil means the default: 256, or `maxConnections` when that is lower.
    /// When set, at most `maxConnections`.
    public var maxPendingHandshakes: Int?
    /// `maxPendingHandshakes` with its default applied.
    public var effectiveMaxPendingHandshakes: Int { maxPendingHandshakes ?? min(256, maxConnections) }
    /// Most calls in flight on one connection.
    public var maxConcurrentStreams = 100
    /// Largest frame payload accepted, in bytes.
    public var maxFrameSize = 4 * 1024 * 1024
    /// Preface must arrive within this many ms of connecting.
    public var handshakeTimeoutMs: Int64 = 10_000
    /// A connection with no calls and no frames for this long is closed.
    public var idleTimeoutMs: Int64 = 300_000
    /// In-flight calls get this long to finish on shutdown.
    public var gracePeriodMs: Int64 = 10_000
    /// trace, debug, info, notice, warning, error or critical.
    public var logLevel = "info"
    /// `text` (for people, the default) or `json` (one object per line).
    public var logFormat = "text"
    /// Load the demo data set into an empty database at start-up.
    public var demo = false
    /// Seed of the demo data set.
    public var demoSeed: UInt64 = 42
    /// Whether calls need a bearer token (`auth = on`, the default); `off`
    /// (`--no-auth`) is for local development only.
    public var authEnabled = true
    /// API tokens, from `token.<name> = ...` lines of the config file only
    /// (see `TokenEntry` for the format and DaemonSettings+Auth.swift).
    public var tokens: [TokenEntry] = []

    // Retry executor (see DaemonSettings+Retry.swift for the keys).
    /// Connector endpoints by target platform, "host:port"; key form
    /// `connector.<platform>` (config file and `--connector platform=host:port`).
    public var connectors: [String: String] = [:]
    /// The connector for platforms without their own: "" (none), "sandbox"
    /// (the in-process sandbox; the default with `demo`), or "host:port".
    public var defaultConnector = ""
    /// Pushes in flight at once.
    public var retryWorkers = 4
    /// Pushes in flight per target platform.
    public var retryPlatformConcurrency = 2
    /// Pushes started per second over all platforms; 0 for no limit.
    public var retryRate: Double = 0
    /// Attempts per item and job, the first included.
    public var retryMaxAttempts = 5
    /// How long a leased attempt belongs to this server, in ms.
    public var retryLeaseDurationMs: Int64 = 60_000
    /// Deadline of each push, in ms.
    public var retryPushTimeoutMs: Int64 = 15_000
    /// Longest pause between looks at the retry queue, in ms.
    public var retryPollIntervalMs: Int64 = 500
    /// Upper bound of the first backoff delay, in ms.
    public var retryBackoffInitialMs: Int64 = 1_000
    /// Cap of the backoff delays, in ms.
    public var retryBackoffMaxMs: Int64 = 60_000

    /// The defaults.
    public init() {}

    /// Every key the file, environment and flags accept.
    public static let keys = [
        "listen", "database", "max-connections", "max-pending-handshakes", "max-concurrent-streams", "max-frame-size",
        "handshake-timeout", "idle-timeout", "grace-period", "log-level", "log-format", "demo", "demo-seed",
        "auth",
    ] + retryKeys

    /// Resolves settings from the three sources.
    /// - Parameters:
    ///   - flags: key -> value from the command line (keys as in `keys`).
    ///   - environment: the process environment.
    ///   - file: the config file's text, if one was given.
    /// - Throws: `SettingsError` naming the source and key of a bad value.
    public static func resolve(flags: [String: String], environment: [String: String], file: String?) throws -> DaemonSettings {
        var settings = DaemonSettings()
        if let file {
            for (key, value) in try parseFile(file) { try settings.apply(key: key, value: value, source: "config file") }
        }
        for key in keys {
            let name = "SYNCHEALTH_" + key.uppercased().replacingDashes()
            if let value = environment[name] { try settings.apply(key: key, value: value, source: name) }
        }
        for (key, value) in flags.sorted(by: { $0.key < $1.key }) { try settings.apply(key: key, value: value, source: "--\(key)") }
        try settings.validateRetry()
        if let pending = settings.maxPendingHandshakes, pending > settings.maxConnections {
            throw SettingsError("max-pending-handshakes (\(pending)) must not exceed max-connections (\(settings.maxConnections))")
        }
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

    mutating func apply(key: String, value: String, source: String) throws {
        func int(_ range: ClosedRange<Int>) throws -> Int {
            guard let n = Int(value), range.contains(n) else {
                throw SettingsError("\(source): \(key) must be a whole number in \(range.lowerBound)...\(range.upperBound), got '\(value)'")
            }
            return n
        }
        func millis() throws -> Int64 { Int64(try int(1...86_400_000)) }
        switch key {
        case "listen":
            guard value.contains(":") else { throw SettingsError("\(source): listen must be host:port, got '\(value)'") }
            listen = value
        case "database":
            do {
                _ = try DatabaseLocation(parsing: value)
            } catch {
                throw SettingsError("\(source): \(error.message)")
            }
            database = value
        case "max-connections": maxConnections = try int(1...100_000)
        case "max-pending-handshakes": maxPendingHandshakes = try int(1...100_000)
        case "max-concurrent-streams": maxConcurrentStreams = try int(1...10_000)
        case "max-frame-size": maxFrameSize = try int(16 * 1024...4 * 1024 * 1024)
        case "handshake-timeout": handshakeTimeoutMs = try millis()
        case "idle-timeout": idleTimeoutMs = try millis()
        case "grace-period": gracePeriodMs = Int64(try int(0...600_000))
        case "log-level":
            let levels = ["trace", "debug", "info", "notice", "warning", "error", "critical"]
            guard levels.contains(value) else { throw SettingsError("\(source): log-level must be one of \(levels.joined(separator: ", "))") }
            logLevel = value
        case "log-format":
            guard ["text", "json"].contains(value) else { throw SettingsError("\(source): log-format must be text or json") }
            logFormat = value
        case "demo":
            switch value {
            case "true", "1", "yes": demo = true
            case "false", "0", "no": demo = false
            default: throw SettingsError("\(source): demo must be true or false")
            }
        case "demo-seed":
            guard let seed = UInt64(value) else { throw SettingsError("\(source): demo-seed must be a whole number") }
            demoSeed = seed
        default:
            if try applyAuth(key: key, value: value, source: source) { return }
            if try applyRetry(key: key, value: value, source: source) { return }
            throw SettingsError("\(source): unknown setting '\(key)'; known: \(Self.keys.joined(separator: ", ")), connector.<platform>, token.<name>")
        }
    }
}

/// A configuration value synchealthd cannot use.
public struct SettingsError: Error, CustomStringConvertible, Sendable, Hashable {
    public let description: String
    /// Creates the error with a message for the operator.
    public init(_ description: String) { self.description = description }
}

extension String {
    func trimmedSpaces() -> String {
        var s = Substring(self)
        while let first = s.first, first == " " || first == "\t" || first == "\r" { s.removeFirst() }
        while let last = s.last, last == " " || last == "\t" || last == "\r" { s.removeLast() }
        return String(s)
    }

    func replacingDashes() -> String { String(map { $0 == "-" ? "_" : $0 }) }
}
