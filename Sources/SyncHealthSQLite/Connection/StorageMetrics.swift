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
        Timer(label: writeWait).recordNanoseconds(nanoseconds(waited))
        Timer(label: writeDuration).recordNanoseconds(nanoseconds(took))
    }

    static func read(waited: Duration) {
        Timer(label: readWait).recordNanoseconds(nanoseconds(waited))
    }

    static func poolOpened(readers count: Int) {
        Gauge(label: readers).record(count)
    }

    private static func nanoseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}
