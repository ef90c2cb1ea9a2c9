import Dispatch
import SyncHealthConcurrency
public import SyncHealthStorage

/// A bounded set of PostgreSQL connections, checked out one caller at a time.
///
/// Connections open lazily, up to `size`. A caller waits at most
/// `waitTimeout` for a free one and then gets `PostgresPoolError` (mapped to
/// UNAVAILABLE, "no database connection became free in time") instead of
/// hanging. A connection that has been idle longer than `healthCheckAfter`
/// is checked (`SELECT 1`) before it is handed out; one that broke (the
/// server restarted, an administrator terminated it) is dropped and the slot
/// reconnects on its next use, so the pool heals without a restart. The call
/// that saw the break fails with UNAVAILABLE; `read` runs an idempotent read
/// once more on a fresh connection.
public final class PostgresPool: Sendable {
    /// Pool settings.
    public struct Configuration: Sendable {
        /// libpq connection URI, e.g. `postgresql://user@host:5432/db`.
        public var url: String
        /// Most connections open at once.
        public var size: Int
        /// Longest a caller waits for a free connection.
        public var waitTimeout: Duration
        /// Longest a connect waits for the server.
        public var connectTimeoutSeconds: Int
        /// Idle time after which a connection is checked before use.
        public var healthCheckAfter: Duration

        /// Creates a configuration: 8 connections, a 5 s wait, a 5 s connect
        /// timeout, a health check after 10 s idle.
        public init(
            url: String, size: Int = 8, waitTimeout: Duration = .seconds(5), connectTimeoutSeconds: Int = 5,
            healthCheckAfter: Duration = .seconds(10)
        ) {
            self.url = url
            self.size = size
            self.waitTimeout = waitTimeout
            self.connectTimeoutSeconds = connectTimeoutSeconds
            self.healthCheckAfter = healthCheckAfter
        }
    }

    /// What the pool has done, for metrics and tests.
    public struct Counters: Sendable, Equatable {
        /// Connections opened (first use and replacements).
        public var opened = 0
        /// Connections dropped because they broke.
        public var dropped = 0
        /// Callers that gave up waiting for a free connection.
        public var waitTimeouts = 0
        /// Reads run a second time after a connection loss.
        public var readRetries = 0
    }

    /// One place in the pool.
    ///
    /// `@unchecked Sendable` is safe: a slot is either in `idle` (guarded by
    /// the lock; nobody touches its connection) or checked out by exactly one
    /// caller, who uses it on its own thread and puts it back before anyone
    /// else can take it.
    private final class Slot: @unchecked Sendable {
        var connection: PostgresConnection?
        var lastUsed = ContinuousClock.now
    }

    public let configuration: Configuration
    private let idle: Locked<[Slot]>
    private let free: DispatchSemaphore
    private let counters = Locked(Counters())

    /// Creates the pool; no connection is opened until the first call.
    public init(configuration: Configuration) {
        precondition(configuration.size > 0, "a pool needs at least one connection")
        self.configuration = configuration
        self.idle = Locked((0..<configuration.size).map { _ in Slot() })
        self.free = DispatchSemaphore(value: configuration.size)
    }

    /// What the pool has done so far.
    public var currentCounters: Counters { counters.withLock { $0 } }

    /// Runs `body` with a connection of its own.
    /// - Throws: `PostgresPoolError` when none became free in time;
    ///   `PostgresError` when connecting failed or `body`'s statements did;
    ///   whatever `body` throws.
    public func withConnection<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
        let waitNanoseconds = Int(configuration.waitTimeout.components.seconds) * 1_000_000_000
            + Int(configuration.waitTimeout.components.attoseconds / 1_000_000_000)
        guard free.wait(timeout: .now() + .nanoseconds(waitNanoseconds)) == .success else {
            counters.withLock { $0.waitTimeouts += 1 }
            throw PostgresPoolError(size: configuration.size, waitTimeout: configuration.waitTimeout)
        }
        guard let slot = idle.withLock({ $0.popLast() }) else {
            preconditionFailure("pool semaphore and slots out of step")
        }
        defer {
            slot.lastUsed = .now
            idle.withLock { $0.append(slot) }
            free.signal()
        }
        let connection = try ready(slot)
        do {
            return try body(connection)
        } catch let error as PostgresError where error.brokeConnection || !connection.isOpen {
            drop(slot)
            throw error
        } catch {
            if !connection.isOpen { drop(slot) }
            throw error
        }
    }

    /// `withConnection` for an idempotent read: when the connection turns
    /// out to be broken (typically every idle connection after a server
    /// restart), the read runs once more on a fresh connection.
    public func read<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
        do {
            return try withConnection(body)
        } catch let error as PostgresError where error.brokeConnection {
            counters.withLock { $0.readRetries += 1 }
            return try withConnection(body)
        }
    }

    /// The slot's connection, opened or checked as needed.
    private func ready(_ slot: Slot) throws(PostgresError) -> PostgresConnection {
        if let connection = slot.connection {
            if !connection.isOpen {
                drop(slot)
            } else if ContinuousClock.now - slot.lastUsed > configuration.healthCheckAfter {
                do {
                    try connection.execute("SELECT 1")
                    return connection
                } catch {
                    drop(slot)
                }
            } else {
                return connection
            }
        }
        let connection = try PostgresConnection(url: configuration.url, connectTimeoutSeconds: configuration.connectTimeoutSeconds)
        counters.withLock { $0.opened += 1 }
        slot.connection = connection
        return connection
    }

    private func drop(_ slot: Slot) {
        guard slot.connection != nil else { return }
        slot.connection = nil
        counters.withLock { $0.dropped += 1 }
    }
}

/// Every connection of the pool stayed in use for the whole wait.
public struct PostgresPoolError: StorageEngineError, Sendable, Hashable, CustomStringConvertible {
    /// The pool's size.
    public var size: Int
    /// How long the caller waited.
    public var waitTimeout: Duration

    public var storageFailure: StorageFailure { StorageFailure(.exhausted, detail: description) }

    public var description: String {
        "all \(size) PostgreSQL connections stayed busy for \(waitTimeout); raise the pool size or find the slow statements"
    }
}
