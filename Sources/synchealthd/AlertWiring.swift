import Logging
import SyncHealthAlerts
import SyncHealthDaemon
import SyncHealthStorage
import SyncHealthWire

/// Builds the webhook deliverer from the daemon's settings.
enum AlertWiring {
    /// nil when `alert-concurrency` is 0 (this replica delivers nothing).
    static func makeDeliverer(settings: DaemonSettings, store: any AlertStore, logger: Logger, metrics: AlertMetrics?) -> WebhookDeliverer? {
        guard settings.alertConcurrency > 0 else {
            logger.notice("alert delivery off on this server (alert-concurrency = 0)")
            return nil
        }
        var configuration = WebhookDelivererConfiguration()
        configuration.metrics = metrics
        configuration.concurrency = settings.alertConcurrency
        configuration.pollIntervalMs = settings.alertPollIntervalMs
        configuration.requestTimeoutMs = settings.alertTimeoutMs
        // A deliverer that dies mid-POST holds its lease this long; then
        // another (or this one, restarted) sends the delivery again.
        configuration.leaseDurationMs = settings.alertTimeoutMs * 2 + 5_000
        configuration.backoff = BackoffPolicy(
            initialIntervalMs: settings.alertBackoffInitialMs, multiplier: 2,
            maximumIntervalMs: max(settings.alertBackoffMaxMs, settings.alertBackoffInitialMs),
            maximumAttempts: settings.alertMaxAttempts)
        return WebhookDeliverer(store: store, configuration: configuration, logger: Logger(label: "synchealth.alerts"))
    }
}
