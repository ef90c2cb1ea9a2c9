import Logging
import SyncHealthRetry
import SyncHealthDaemon
import SyncHealthServer
import SyncHealthStorage
import SyncHealthWire

/// Builds the retry executor from the daemon's settings.
enum RetryWiring {
    /// The connectors: one RPC connector per `connector.<platform>`, and the
    /// default one (the sandbox in the demo, or `default-connector`).
    static func connectors(_ settings: DaemonSettings) throws -> ConnectorRegistry {
        try ConnectorRegistry.configured(
            connectors: settings.connectors, defaultConnector: settings.effectiveDefaultConnector, sandboxSeed: settings.demoSeed)
    }

    static func makeExecutor(
        settings: DaemonSettings, store: any RetryStore, logger: Logger, metrics: RetryMetrics? = nil
    ) throws -> RetryExecutor {
        var configuration = RetryExecutorConfiguration()
        configuration.metrics = metrics
        configuration.owner = "synchealthd"
        configuration.workerCount = settings.retryWorkers
        configuration.perPlatformConcurrency = settings.retryPlatformConcurrency
        configuration.ratePerSecond = settings.retryRate > 0 ? settings.retryRate : nil
        configuration.rateBurst = max(1, settings.retryRate)
        configuration.leaseDurationMs = settings.retryLeaseDurationMs
        configuration.pushTimeoutMs = settings.retryPushTimeoutMs
        configuration.pollIntervalMs = settings.retryPollIntervalMs
        configuration.backoff = BackoffPolicy(
            initialIntervalMs: settings.retryBackoffInitialMs, multiplier: 2,
            maximumIntervalMs: settings.retryBackoffMaxMs, maximumAttempts: settings.retryMaxAttempts)
        let log = Logger(label: "synchealth.retry")
        configuration.onEvent = { event in Self.log(event, to: log) }
        let connectors = try connectors(settings)
        logger.notice("retry executor", metadata: [
            "workers": "\(settings.retryWorkers)", "per_platform": "\(settings.retryPlatformConcurrency)",
            "connectors": "\(connectors.byPlatform.keys.sorted().joined(separator: ","))",
            "default_connector": "\(settings.effectiveDefaultConnector.isEmpty ? "none" : settings.effectiveDefaultConnector)",
        ])
        return RetryExecutor(store: store, connectors: connectors, configuration: configuration)
    }

    /// One log line per event; never an idempotency key.
    static func log(_ event: RetryExecutorEvent, to logger: Logger) {
        switch event {
        case let .attemptRecorded(lease, response, requeueAt):
            logger.debug("retry attempt", metadata: metadata(lease).merging([
                "outcome": "\(response.outcome)", "requeued": "\(requeueAt != nil)",
            ]) { $1 })
        case let .leaseLost(lease):
            logger.notice("retry attempt lost its lease; outcome dropped", metadata: metadata(lease))
        case let .recordingFailed(lease, error):
            logger.warning("retry attempt not recorded; it will be delivered again", metadata: metadata(lease).merging(["error": "\(error)"]) { $1 })
        case let .leasingFailed(error):
            logger.warning("retry queue unavailable", metadata: ["error": "\(error)"])
        }
    }

    private static func metadata(_ lease: RetryLeaseSummary) -> Logger.Metadata {
        [
            "job": "\(lease.jobId)", "sync": "\(lease.syncId)", "item": "\(lease.itemId)",
            "platform": "\(lease.targetPlatform)", "attempt": "\(lease.attemptNumber)",
            "redelivery": "\(lease.isRedelivery)",
        ]
    }
}
