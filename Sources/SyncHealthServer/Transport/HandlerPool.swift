import Dispatch
import SyncHealthConcurrency

/// A fixed set of handler threads shared by every server in the process,
/// taking calls from one FIFO.
///
/// Why not a Dispatch queue per call (the previous design): each call then
/// gets an overcommit thread of its own. Under load every in-flight call
/// holds a thread (177 threads at 16 connections x 8 calls in flight,
/// measured), nearly all blocked on the 4 SQLite readers, and the server
/// spends its CPU switching between them. Why not a concurrent queue: on
/// Linux its width-limited pool adds a thread for blocked workers only about
/// once a second, so handlers blocked in SQLite would stall the rest.
///
/// Here a slow or blocked handler holds one worker; the others keep
/// draining the queue, so other calls (on the same connection too) are not
/// held behind it unless every worker is busy.
final class HandlerPool: Sendable {
    /// The pool every `RPCServer` uses.
    static let shared = HandlerPool(workers: 16)

    private let pending = Locked(WorkQueue())
    private let ready = DispatchSemaphore(value: 0)

    /// Starts `workers` threads (long-lived serial queues, parked between calls).
    init(workers: Int) {
        precondition(workers > 0, "a handler pool needs a worker")
        for index in 0..<workers {
            DispatchQueue(label: "synchealth.handler.\(index)").async { self.work() }
        }
    }

    /// Runs `work` on the next free worker.
    func submit(_ work: @escaping @Sendable () -> Void) {
        pending.withLock { $0.push(work) }
        ready.signal()
    }

    private func work() {
        while true {
            ready.wait()
            if let next = pending.withLock({ $0.pop() }) { next() }
        }
    }
}

/// A FIFO of closures: an array with a moving head, compacted as it drains.
struct WorkQueue: ~Copyable {
    private var items: [(@Sendable () -> Void)?] = []
    private var head = 0

    mutating func push(_ item: @escaping @Sendable () -> Void) { items.append(item) }

    mutating func pop() -> (@Sendable () -> Void)? {
        guard head < items.count else { return nil }
        let item = items[head]
        items[head] = nil
        head += 1
        if head > 64 && head * 2 > items.count {
            items.removeFirst(head)
            head = 0
        }
        return item
    }
}
