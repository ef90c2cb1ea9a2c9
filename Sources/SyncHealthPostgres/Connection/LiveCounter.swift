import SyncHealthConcurrency

/// A process-wide count of live C objects of one kind (results, connections),
/// so tests can tell that every path freed what it allocated.
public final class LiveCounter: Sendable {
    private let count = Locked<Int>(0)

    func add(_ delta: Int) { count.withLock { $0 += delta } }

    /// How many are alive now.
    public var value: Int { count.withLock { $0 } }
}
