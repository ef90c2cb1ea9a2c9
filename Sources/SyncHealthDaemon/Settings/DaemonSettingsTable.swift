import SyncHealthServer
import SyncHealthStorage
import SyncHealthWire

/// Every synchealthd setting, each declared once. `DaemonSettings.resolve`
/// reads the config file, the environment and the flags through it;
/// `flags(from:)` parses the command line; `helpText` is `--help`'s list and
/// `markdown` the README's table (a test holds the README equal to it;
/// `synchealthd settings` prints it).
public enum DaemonSettingsTable {
    /// The settings, in the order help and the README list them.
    public static let settings: [DaemonSetting] = [
        DaemonSetting(
            key: "listen", flag: .value(placeholder: "HOST:PORT"), defaultText: "`\(DaemonSettings().listen)`",
            help: "address; port 0 picks a free one (printed as `synchealthd listening on HOST:PORT`)"
        ) { settings, value, source throws(SettingsError) in
            guard value.contains(":") else { throw SettingsError("\(source): listen must be host:port, got '\(value)'") }
            settings.listen = value
        },
        DaemonSetting(
            key: "database", flag: .value(placeholder: "PATH|URL"), defaultText: "`\(DaemonSettings().database)`",
            help: "SQLite file, created with its folder; or a PostgreSQL database, `postgresql://user@host:port/db` (it must exist; the tables are created)"
        ) { settings, value, source throws(SettingsError) in
            do throws(DatabaseLocationError) {
                _ = try DatabaseLocation(parsing: value)
            } catch {
                throw SettingsError("\(source): \(error.message)")
            }
            settings.database = value
        },
        .integer(
            "database-pool-size", \.databasePoolSize, 1...1_000,
            help: "PostgreSQL connections per process at most (unused with SQLite)"),
        .integer(
            "max-connections", \.maxConnections, 1...100_000,
            help: "beyond it a connection gets GOAWAY RESOURCE_EXHAUSTED, unless one still in its handshake can be closed to make room"),
        DaemonSetting(
            key: "max-pending-handshakes", flag: .value(placeholder: "N"), defaultText: "256 (or `max-connections` if lower)",
            help: "connections that have not sent their preface yet; past it the oldest of them is closed (GOAWAY RESOURCE_EXHAUSTED), so silent sockets cannot lock clients out; at most `max-connections`"
        ) { settings, value, source throws(SettingsError) in
            settings.maxPendingHandshakes = try DaemonSetting.wholeNumber(value, 1...100_000, key: "max-pending-handshakes", source: source)
        },
        .integer(
            "max-concurrent-streams", \.maxConcurrentStreams, 1...10_000,
            help: "calls in flight per connection; one more is RESOURCE_EXHAUSTED"),
        .integer("max-frame-size", \.maxFrameSize, 16 * 1024...4 * 1024 * 1024, placeholder: "BYTES", help: "largest frame payload, in bytes"),
        .milliseconds("handshake-timeout", \.handshakeTimeoutMs, help: "the preface must arrive within it"),
        .milliseconds("idle-timeout", \.idleTimeoutMs, help: "a connection with no calls and no frames for this long is closed"),
        .milliseconds(
            "grace-period", \.gracePeriodMs, 0...600_000,
            help: "on SIGTERM/SIGINT the drain starts at once (Health NOT_SERVING, listener closed, GOAWAY on every connection, no more retry leases); calls and retry pushes in flight get this long to finish, then pushes still running stay leased and are delivered again with the same idempotency keys. The daemon exits as soon as nothing is pending"),
        DaemonSetting(
            key: "metrics-listen", flag: .value(placeholder: "HOST:PORT"), defaultText: "off",
            help: "serve `/metrics` (Prometheus text format), `/healthz` (alive) and `/readyz` (migrated, storage answering, not draining; 503 with the reasons otherwise) over HTTP on this address; port 0 picks a free one (printed as `synchealthd metrics on HOST:PORT`). Off by default: without it nothing is counted"
        ) { settings, value, source throws(SettingsError) in
            if !value.isEmpty, (try? BindTarget(listenAddress: value)) == nil {
                throw SettingsError("\(source): metrics-listen must be host:port, got '\(value)'")
            }
            settings.metricsListen = value
        },
        .choice(
            "log-level", \.logLevel, ["trace", "debug", "info", "notice", "warning", "error", "critical"],
            help: "one log line per call (method, status, latency, peer, stream, request id, caller) at `info`"),
        .choice(
            "log-format", \.logFormat, ["text", "json"],
            help: "`json`: one JSON object per line (`timestamp`, `level`, `label`, `message`, `method`, `status`, `latency_ms`, `peer`, `stream_id`, `request_id`, `caller`, ...); never a token or SQL argument"),
        .boolean(
            "demo", \.demo, trueWords: ["true", "1", "yes"], falseWords: ["false", "0", "no"], toggle: "demo", toggleValue: "true",
            defaultText: "off", help: "load the demo data set into an empty database, and print a fresh token per role"),
        DaemonSetting(
            key: "demo-seed", flag: .value(placeholder: "N"), defaultText: "\(DaemonSettings().demoSeed)",
            help: "seed of the demo data set"
        ) { settings, value, source throws(SettingsError) in
            guard let seed = UInt64(value) else { throw SettingsError("\(source): demo-seed must be a whole number") }
            settings.demoSeed = seed
        },
        .boolean(
            "auth", \.authEnabled, trueWords: ["on", "true", "1", "yes"], falseWords: ["off", "false", "0", "no"],
            toggle: "no-auth", toggleValue: "off", defaultText: "`on`",
            help: "`off` (or `--no-auth`) serves everyone, with a warning: local development only"),
        DaemonSetting(
            key: "default-connector", flag: .value(placeholder: "sandbox|HOST:PORT"), defaultText: "none (`sandbox` with `--demo`)",
            help: "connector for platforms without their own: `sandbox` or `host:port`"
        ) { settings, value, source throws(SettingsError) in
            if !value.isEmpty && value != "sandbox" { try DaemonSettings.checkEndpoint(value, key: "default-connector", source: source) }
            settings.defaultConnector = value
        },
        .integer("retry-workers", \.retryWorkers, 1...256, help: "retry pushes in flight at once"),
        .integer("retry-platform-concurrency", \.retryPlatformConcurrency, 1...256, help: "retry pushes in flight per target platform"),
        DaemonSetting(
            key: "retry-rate", flag: .value(placeholder: "PER_SECOND"), defaultText: "0 (no limit)",
            help: "retry pushes started per second over all platforms"
        ) { settings, value, source throws(SettingsError) in
            guard let rate = Double(value), rate.isFinite, rate >= 0 else {
                throw SettingsError("\(source): retry-rate must be a number of pushes per second (0 = no limit), got '\(value)'")
            }
            settings.retryRate = rate
        },
        .integer("retry-max-attempts", \.retryMaxAttempts, 1...100, help: "attempts per item and retry job, the first included"),
        .milliseconds("retry-backoff-initial", \.retryBackoffInitialMs, help: "ceiling of the first backoff (exponential, full jitter, for transient failures)"),
        .milliseconds("retry-backoff-max", \.retryBackoffMaxMs, help: "largest backoff"),
        .milliseconds("retry-push-timeout", \.retryPushTimeoutMs, help: "deadline of each push"),
        .milliseconds("retry-lease-duration", \.retryLeaseDurationMs, help: "how long a leased attempt belongs to this server; must exceed `retry-push-timeout`"),
        .milliseconds("retry-poll-interval", \.retryPollIntervalMs, help: "longest pause between looks at the retry queue"),
        .integer("alert-concurrency", \.alertConcurrency, 0...64, help: "webhook deliveries POSTed at once by this server; 0 = this server delivers none (another replica does)"),
        .milliseconds("alert-poll-interval", \.alertPollIntervalMs, help: "longest pause between looks at the alert outbox"),
        .milliseconds("alert-timeout", \.alertTimeoutMs, 1...300_000, help: "deadline of one webhook POST, response included"),
        .integer("alert-max-attempts", \.alertMaxAttempts, 1...100, help: "tries of one webhook delivery before it fails"),
        .milliseconds("alert-backoff-initial", \.alertBackoffInitialMs, help: "ceiling of the first pause between tries (exponential, full jitter)"),
        .milliseconds("alert-backoff-max", \.alertBackoffMaxMs, help: "longest pause between tries of a delivery"),
    ]

    /// The settings named `<prefix><name>`.
    public static let families: [DaemonSettingFamily] = [
        DaemonSettingFamily(
            prefix: "token.", nameWord: "name", flagName: nil, valueForm: "<role>:<sha256-hex>",
            help: "config file only: `<role>:<sha256-hex>` or `customer:<company-id>:<sha256-hex>`; roles `viewer`, `operator`, `ingest`, `customer`, `admin`; `printf %s \"$TOKEN\" \\| synchealthd hash-token` prints the digest. Reloaded without a restart on SIGHUP, or with `synchealthd reload --config FILE --pid PID` (checks the file first): the whole set is replaced at once, new tokens work and removed ones are refused from the next call, a file with any error is rejected whole and the old set stays; the log says `tokens reloaded` (counts and names, never tokens) or `token reload rejected`"
        ) { settings, name, value, source in
            guard case .file = source else {
                throw SettingsError("\(source): tokens can only be set in the config file")
            }
            let entry = try TokenEntry.parse(name: name, value: value)
            guard !settings.tokens.contains(where: { $0.name == name }) else {
                throw SettingsError("\(source): token.\(name) is configured twice")
            }
            settings.tokens.append(entry)
        },
        DaemonSettingFamily(
            prefix: "connector.", nameWord: "platform", flagName: "connector", valueForm: "HOST:PORT",
            help: "`host:port` of the Connector service of a target platform (or `--connector platform=host:port`, repeatable)"
        ) { settings, platform, value, source in
            let key = "connector." + platform
            guard !platform.isEmpty, platform.utf8.count <= Limits.maxPlatformKeyBytes,
                  platform.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." })
            else { throw SettingsError("\(source): '\(key)' must name a target platform, e.g. connector.xero") }
            try DaemonSettings.checkEndpoint(value, key: key, source: source.description)
            settings.connectors[platform] = value
        },
    ]

    private static let byKey = Dictionary(uniqueKeysWithValues: settings.map { ($0.key, $0) })

    /// The setting with `key`.
    public static func setting(forKey key: String) -> DaemonSetting? { byKey[key] }

    /// The family `key` belongs to.
    public static func family(forKey key: String) -> DaemonSettingFamily? {
        families.first { key.hasPrefix($0.prefix) }
    }

    /// Checks settings against each other, after every source applied.
    static func validate(_ settings: DaemonSettings) throws {
        try settings.validateRetry()
        if let pending = settings.maxPendingHandshakes, pending > settings.maxConnections {
            throw SettingsError("max-pending-handshakes (\(pending)) must not exceed max-connections (\(settings.maxConnections))")
        }
    }
}
