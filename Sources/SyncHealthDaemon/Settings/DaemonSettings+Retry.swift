import SyncHealthServer

/// The retry executor's settings checked together, and their derived
/// values (the keys are in `DaemonSettingsTable`).
extension DaemonSettings {
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

    static func checkEndpoint(_ value: String, key: String, source: String) throws(SettingsError) {
        guard (try? BindTarget(serverAddress: value)) != nil else {
            throw SettingsError("\(source): \(key) must be host:port with a non-zero port, got '\(value)'")
        }
    }
}
