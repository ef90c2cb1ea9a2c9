import SyncHealthConcurrency

/// Fingerprints of recent messages, so refreshing a sync with thousands of
/// failed items does not normalize every message again. Bounded: emptied
/// when full. Shared by every store in the process (a pure function's memo).
package final class FingerprintCache: Sendable {
    package static let shared = FingerprintCache(capacity: 20_000)

    private let capacity: Int
    private let entries = Locked<[String: ErrorFingerprint?]>([:])

    package init(capacity: Int) {
        self.capacity = capacity
    }

    /// `ErrorFingerprint(message:)`, memoized.
    package func fingerprint(_ message: String) -> ErrorFingerprint? {
        if let cached = entries.withLock({ $0[message] }) { return cached }
        let fingerprint = ErrorFingerprint(message: message)
        entries.withLock { entries in
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[message] = fingerprint
        }
        return fingerprint
    }
}
