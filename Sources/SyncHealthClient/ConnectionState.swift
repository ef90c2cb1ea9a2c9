import SyncHealthWire

/// A call waiting for its RESPONSE.
struct PendingCall {
    let continuation: CheckedContinuation<Frame, any Error>
    let key: UInt64
    /// When the call fails DEADLINE_EXCEEDED; nil for none.
    let deadline: ContinuousClock.Instant?
}

/// Mutable state of a `SyncHealthConnection`, kept in its `Locked`.
struct ClientConnectionState {
    /// Where the connection is in its life.
    enum Phase {
        /// Taking calls.
        case ready
        /// The server sent GOAWAY: calls up to `lastStreamId` may still be answered; no new ones.
        case goingAway(lastStreamId: UInt32)
        /// Gone; every new call fails with this error.
        case closed(RPCError)
    }

    var phase = Phase.ready
    /// Next REQUEST stream id; allocated under the lock together with the
    /// write being queued, so ids reach the wire strictly increasing.
    var nextStreamId: UInt32 = 1
    var pending: [UInt32: PendingCall] = [:]
    /// Local call key -> stream id, so Task cancellation can find its stream.
    var streamByKey: [UInt64: UInt32] = [:]
    /// Calls whose Task was cancelled before they got a stream id.
    var cancelledKeys: Set<UInt64> = []
    /// Calls made and not yet finished (started or not).
    var liveKeys: Set<UInt64> = []
    var nextKey: UInt64 = 1
    var pings: [UInt64: CheckedContinuation<Void, any Error>] = [:]
    var nextPingId: UInt64 = 1
    /// Set on the write queue just before the descriptor is closed.
    var descriptorClosed = false
    /// When the earliest scheduled deadline sweep runs; nil when none is.
    var sweepAt: ContinuousClock.Instant?

    var isReady: Bool {
        if case .ready = phase { return true }
        return false
    }

    /// Removes the pending call on `streamId`.
    mutating func takeCall(_ streamId: UInt32) -> PendingCall? {
        guard let call = pending.removeValue(forKey: streamId) else { return nil }
        streamByKey[call.key] = nil
        liveKeys.remove(call.key)
        return call
    }

    /// Removes every pending call and ping.
    mutating func takeAll() -> (calls: [PendingCall], pings: [CheckedContinuation<Void, any Error>]) {
        let calls = pending.sorted { $0.key < $1.key }.map(\.value)
        let waiting = Array(pings.values)
        pending.removeAll()
        streamByKey.removeAll()
        liveKeys.removeAll()
        cancelledKeys.removeAll()
        pings.removeAll()
        return (calls, waiting)
    }
}
