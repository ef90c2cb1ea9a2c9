public import Dispatch

/// Blocking work (storage calls, handlers, waits on semaphores) taken off
/// Swift's cooperative pool, declared once.
///
/// The work runs on an overcommitting Dispatch queue: a thread of its own
/// when every other is busy. Never `DispatchQueue.global()`: that queue is
/// only as wide as the machine has cores (2 here) and on Linux it is where
/// Swift's cooperative pool runs, so blocking work there stalls every task
/// in the process.
public enum BlockingWork {
    /// Runs `work` off the pool and awaits its result.
    public static func run<T: Sendable, E: Error>(
        _ label: String = "synchealth.blocking", _ work: @escaping @Sendable () throws(E) -> T
    ) async throws(E) -> T {
        let result: Result<T, E> = await withCheckedContinuation { continuation in
            DispatchQueue(label: label).async {
                continuation.resume(returning: Result { () throws(E) -> T in try work() })
            }
        }
        return try result.get()
    }

    /// Runs `work` off the pool and answers with its result, or with what
    /// `onTimeout` returns when `timeout` passes first; `onTimeout` returning
    /// nil keeps waiting for the work. Work still running when the answer
    /// goes out keeps running; its late result is dropped.
    public static func firstOf<T: Sendable>(
        _ label: String = "synchealth.blocking",
        timeout: Duration?,
        onTimeout: @escaping @Sendable () -> T?,
        _ work: @escaping @Sendable () -> T
    ) async -> T {
        await withCheckedContinuation { (continuation: CheckedContinuation<T, Never>) in
            let answered = Locked(false)
            let answer: @Sendable (T) -> Void = { value in
                let first = answered.withLock { done -> Bool in
                    defer { done = true }
                    return !done
                }
                if first { continuation.resume(returning: value) }
            }
            if let timeout {
                DeadlineTimers.after(timeout) {
                    if let value = onTimeout() { answer(value) }
                }
            }
            DispatchQueue(label: label).async { answer(work()) }
        }
    }
}

