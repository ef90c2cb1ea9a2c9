import SyncHealthConcurrency
import Dispatch
import Logging

/// What every connection of one server shares.
struct ConnectionEnvironment: Sendable {
    let configuration: ServerConfiguration
    let router: Router
    let logger: Logger
    /// Called on the connection's queue when its preface arrives; false when
    /// the server evicted it first, and it must close.
    let onHandshake: @Sendable (_ connectionId: UInt64) -> Bool
    /// Called once, on the connection's queue, after its descriptor is closed.
    let onClosed: @Sendable (_ connectionId: UInt64) -> Void

    /// Runs a handler off every connection queue, on the shared handler
    /// pool (see `HandlerPool` for why a pool and not a queue per call).
    func runHandler(_ work: @escaping @Sendable () -> Void) {
        HandlerPool.shared.submit(work)
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
