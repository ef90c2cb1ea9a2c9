import SyncHealthWire

/// The retry executor's settings.
///
/// - `connector.<platform> = host:port`: the connector service for one
///   target platform (config file, or `--connector platform=host:port`).
/// - `default-connector`: `sandbox`, `host:port`, or empty for none.
/// - `retry-workers`, `retry-platform-concurrency`, `retry-rate` (pushes per
///   second, 0 = no limit), `retry-max-attempts`, and in ms
///   `retry-lease-duration`, `retry-push-timeout`, `retry-poll-interval`,
///   `retry-backoff-initial`, `retry-backoff-max`.
extension DaemonSettings {
    /// The retry keys a file, the environment and flags accept (besides
    /// `connector.<platform>`, which the environment does not).
    public static let retryKeys = [
        "default-connector", "retry-workers", "retry-platform-concurrency", "retry-rate", "retry-max-attempts",
        "retry-lease-duration", "retry-push-timeout", "retry-poll-interval", "retry-backoff-initial",
        "retry-backoff-max",
    ]

    /// The prefix of per-platform connector keys.
    public static let connectorKeyPrefix = "connector."

    /// Applies a retry key; false when `key` is not one.
    mutating func applyRetry(key: String, value: String, source: String) throws -> Bool {
        func int(_ range: ClosedRange<Int>) throws -> Int {
            guard let n = Int(value), range.contains(n) else {
                throw SettingsError("\(source): \(key) must be a whole number in \(range.lowerBound)...\(range.upperBound), got '\(value)'")
            }
            return n
        }
        func millis() throws -> Int64 { Int64(try int(1...86_400_000)) }
        if key.hasPrefix(Self.connectorKeyPrefix) {
            let platform = String(key.dropFirst(Self.connectorKeyPrefix.count))
            guard !platform.isEmpty, platform.utf8.count <= Limits.maxPlatformKeyBytes,
                  platform.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." })
            else { throw SettingsError("\(source): '\(key)' must name a target platform, e.g. connector.xero") }
            try Self.checkEndpoint(value, key: key, source: source)
            connectors[platform] = value
            return true
        }
        switch key {
        case "default-connector":
            if !value.isEmpty && value != "sandbox" { try Self.checkEndpoint(value, key: key, source: source) }
            defaultConnector = value
        case "retry-workers": retryWorkers = try int(1...256)
        case "retry-platform-concurrency": retryPlatformConcurrency = try int(1...256)
        case "retry-rate":
            guard let rate = Double(value), rate.isFinite, rate >= 0 else {
                throw SettingsError("\(source): retry-rate must be a number of pushes per second (0 = no limit), got '\(value)'")
            }
            retryRate = rate
        case "retry-max-attempts": retryMaxAttempts = try int(1...100)
        case "retry-lease-duration": retryLeaseDurationMs = try millis()
        case "retry-push-timeout": retryPushTimeoutMs = try millis()
        case "retry-poll-interval": retryPollIntervalMs = try millis()
        case "retry-backoff-initial": retryBackoffInitialMs = try millis()
        case "retry-backoff-max": retryBackoffMaxMs = try millis()
        default: return false
        }
        return true
    }

    /// Checks the retry settings against each other.
    func validateRetry() throws {
        guard retryLeaseDurationMs > retryPushTimeoutMs else {
            throw SettingsError("retry-lease-duration (\(retryLeaseDurationMs) ms) must exceed retry-push-timeout (\(retryPushTimeoutMs) ms)")
        }
        guard retryBackoffInitialMs <= retryBackoffMaxMs else {
            throw SettingsError("retry-backoff-initial must not exceed retry-backoff-max")
        }
    }

    /// The default connector: "sandbox" in the demo unless one was set.
    public var effectiveDefaultConnector: String {
        defaultConnector.isEmpty && demo ? "sandbox" : defaultConnector
    }

    private static func checkEndpoint(_ value: String, key: String, source: String) throws {
        guard let target = try? BindTarget(parsing: value), !target.host.isEmpty, target.port != 0 else {
            throw SettingsError("\(source): \(key) must be host:port with a non-zero port, got '\(value)'")
        }
    }
}
