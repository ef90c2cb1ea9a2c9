import Glibc

/// A value that only one thread at a time may use: the project's one lock.
///
/// The same shape as the standard library's `Synchronization.Mutex`, but on a
/// `pthread_mutex_t`. On Linux, `Mutex` locks with futex calls and atomics
/// inside the (uninstrumented) standard library, so ThreadSanitizer never
/// sees the lock and reports every contended access made under it as a race
/// (reproduced with 8 threads appending under one `Mutex`). TSan intercepts
/// pthread mutexes, so with this lock a TSan report is a real finding.
///
/// `@unchecked Sendable` is safe because `value` is only reached through
/// `withLock`, which holds the mutex for the whole access, and values move in
/// and out as `sending` (as with `Mutex`), so no non-Sendable state escapes
/// the lock still shared.
public final class Locked<Value: ~Copyable>: @unchecked Sendable {
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private var value: Value

    /// Creates the lock holding `initialValue`.
    public init(_ initialValue: consuming sending Value) {
        mutex = .allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        let code = pthread_mutex_init(mutex, nil)
        precondition(code == 0, "pthread_mutex_init failed: \(code)")
        value = initialValue
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deinitialize(count: 1)
        mutex.deallocate()
    }

    /// Runs `body` with the value while holding the lock; returns its result.
    /// Never call `withLock` on the same lock from inside `body` (it is not
    /// recursive).
    public func withLock<Result: ~Copyable, E: Error>(
        _ body: (inout sending Value) throws(E) -> sending Result
    ) throws(E) -> sending Result {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body(&value)
    }
}
