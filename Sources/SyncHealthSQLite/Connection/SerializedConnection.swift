import SyncHealthStorage
import Dispatch

/// The single writer connection, confined to its own serial queue.
///
/// `@unchecked Sendable` is safe here: the only mutable state is the
/// `Connection`, and it is touched only inside `queue.sync`, which runs one
/// block at a time. `write` asserts both that callers are not already on the
/// queue (which would deadlock) and, inside, that the block runs on it.
final class SerializedConnection: @unchecked Sendable {
    private let connection: Connection
    private let queue: DispatchQueue
    private static let queueKey = DispatchSpecificKey<ObjectIdentifier>()

    init(connection: Connection, label: String) {
        self.connection = connection
        self.queue = DispatchQueue(label: label)
        queue.setSpecific(key: Self.queueKey, value: ObjectIdentifier(self))
    }

    /// True when the caller is running on this connection's queue.
    var isOnQueue: Bool {
        DispatchQueue.getSpecific(key: Self.queueKey) == ObjectIdentifier(self)
    }

    /// Runs `body` with the connection, on the writer queue, and waits.
    /// - Precondition: not called from inside another `write` (re-entrancy
    ///   would deadlock the serial queue).
    func write<T>(_ body: (Connection) throws -> T) rethrows -> T {
        precondition(!isOnQueue, "re-entrant write on the writer queue")
        dispatchPrecondition(condition: .notOnQueue(queue))
        let asked = ContinuousClock.now
        return try queue.sync {
            dispatchPrecondition(condition: .onQueue(queue))
            let started = ContinuousClock.now
            defer { StorageMetrics.write(waited: started - asked, took: ContinuousClock.now - started) }
            return try body(connection)
        }
    }
}
