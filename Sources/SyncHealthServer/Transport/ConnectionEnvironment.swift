import Dispatch
import Logging

/// What every connection of one server shares.
struct ConnectionEnvironment: Sendable {
    let configuration: ServerConfiguration
    let router: Router
    let logger: Logger
    /// Called once, on the connection's queue, after its descriptor is closed.
    let onClosed: @Sendable (_ connectionId: UInt64) -> Void

    /// Runs a handler off every connection queue.
    ///
    /// Each call gets its own serial queue rather than sharing one concurrent
    /// queue: on Linux a concurrent queue targets the width-limited global
    /// pool, which adds a thread for blocked workers only about once a second
    /// (measured with swift-corelibs-libdispatch), so a few handlers blocked in
    /// SQLite would stall every other call. A fresh serial queue targets the
    /// overcommit pool and gets a thread at once (libdispatch caps that pool
    /// at 255 threads; beyond it work waits for a free thread).
    func runHandler(_ work: @escaping @Sendable () -> Void) {
        DispatchQueue(label: "synchealth.call").async(execute: work)
    }
}

extension DispatchTime {
    /// `self` plus `duration`, saturating instead of overflowing.
    func adding(_ duration: Duration) -> DispatchTime {
        let ns = UInt64(duration.nanosecondsClamped)
        let (sum, overflow) = uptimeNanoseconds.addingReportingOverflow(ns)
        return overflow ? .distantFuture : DispatchTime(uptimeNanoseconds: min(sum, DispatchTime.distantFuture.uptimeNanoseconds - 1))
    }
}
