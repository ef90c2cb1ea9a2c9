import Dispatch
public import Testing

/// A suite trait: every test of the suite runs with a task executor that
/// gives each job an overcommitting Dispatch queue, not on Swift's
/// cooperative pool.
///
/// Why: `swift test` runs tests in parallel on the cooperative pool, which
/// on Linux has one thread per core (2 here). Tests call the store and other
/// blocking code synchronously; two of them at once held both threads for
/// seconds, and every other test's awaits, deadlines and handshakes stalled
/// behind them. Under this trait a blocking test holds a thread of its own.
/// Child tasks inherit the preference; task-locals (and so `#expect`) work
/// as usual.
public struct OffThePool: SuiteTrait, TestTrait, TestScoping {
    public var isRecursive: Bool { true }

    public func provideScope(
        for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
    ) async throws {
        guard testCase != nil else { return try await function() }  // the suite itself
        try await withTaskExecutorPreference(JobPerQueueExecutor.shared) {
            try await function()
        }
    }
}

extension Trait where Self == OffThePool {
    /// Runs the suite's tests off the cooperative pool (see `OffThePool`).
    public static var offThePool: Self { OffThePool() }
}

/// Runs each job on a fresh serial Dispatch queue (overcommitting: a new
/// thread when the others are busy or blocked). A task's jobs never run at
/// once, so a serial queue per job is enough.
final class JobPerQueueExecutor: TaskExecutor {
    static let shared = JobPerQueueExecutor()

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        DispatchQueue(label: "synchealth.test-job").async {
            job.runSynchronously(on: executor)
        }
    }
}
