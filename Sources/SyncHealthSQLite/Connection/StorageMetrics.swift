import Metrics

/// What the SQLite engine counts, through swift-metrics (nothing is kept
/// unless the daemon bootstrapped a backend: `--metrics-listen`).
enum StorageMetrics {
    /// Waiting for the one writer, and the write itself (statements and
    /// the commit with its fsync).
    static let writeWait = "synchealth_storage_write_wait_seconds"
    static let writeDuration = "synchealth_storage_write_seconds"
    /// Waiting for a free reader connection.
    static let readWait = "synchealth_storage_read_wait_seconds"
    /// Reader connections in the pool.
    static let readers = "synchealth_storage_readers"

    static func write(waited: Duration, took: Duration) {
        Timer(label: writeWait).record(duration: waited)
        Timer(label: writeDuration).record(duration: took)
    }

    static func read(waited: Duration) {
        Timer(label: readWait).record(duration: waited)
    }

    static func poolOpened(readers count: Int) {
        Gauge(label: readers).record(count)
    }
}
