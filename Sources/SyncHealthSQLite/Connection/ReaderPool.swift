import SyncHealthStorage
import Dispatch
import SyncHealthConcurrency

/// A fixed set of read-only connections, checked out one caller at a time.
///
/// In WAL mode each reader sees a consistent snapshot inside a transaction and
/// never waits for the writer, so reads run in parallel with each other and
/// with writes.
final class ReaderPool: Sendable {
    /// One reader connection in the pool.
    ///
    /// `@unchecked Sendable` is safe: a slot is either in `available` (guarded
    /// by the mutex, nobody uses its connection) or checked out by exactly one
    /// caller, who uses the connection on its own thread and returns the slot
    /// before anyone else can take it.
    private final class Slot: @unchecked Sendable {
        let connection: Connection
        init(_ connection: Connection) { self.connection = connection }
    }

    private let available: Locked<[Slot]>
    /// Counts free slots, so a caller waits when all readers are busy.
    private let free: DispatchSemaphore

    init(connections: [Connection]) {
        precondition(!connections.isEmpty, "a reader pool needs at least one connection")
        self.available = Locked(connections.map(Slot.init))
        self.free = DispatchSemaphore(value: connections.count)
        StorageMetrics.poolOpened(readers: connections.count)
    }

    /// Runs `body` with a free reader connection, waiting for one if all are
    /// busy. The connection is returned to the pool afterwards.
    func read<T>(_ body: (Connection) throws -> T) rethrows -> T {
        let asked = ContinuousClock.now
        free.wait()
        StorageMetrics.read(waited: ContinuousClock.now - asked)
        let slot = available.withLock { slots in
            slots.popLast()
        }
        guard let slot else {
            preconditionFailure("reader semaphore and pool out of step")
        }
        defer {
            available.withLock { slots in slots.append(slot) }
            free.signal()
        }
        return try body(slot.connection)
    }
}
