public import SyncHealthWire
import SyncHealthConcurrency

/// What a handler knows about the call it serves.
///
/// Handlers run synchronously on a handler thread; they may poll
/// `isCancelled` (set by the client's CANCEL, deadline expiry, connection loss
/// or server shutdown) and stop early. Whatever they return after that is dropped.
public final class CallContext: Sendable {
    /// Why a call stopped before its handler returned.
    public enum CancellationReason: Sendable, Hashable {
        /// The client sent CANCEL.
        case cancelledByClient
        /// The call's timeout_ms elapsed.
        case deadlineExceeded
        /// The connection closed under the call.
        case connectionClosed
        /// The server's shutdown grace period ended.
        case serverShutdown
    }

    /// Fully qualified method, "/synchealth.v1.Service/Method".
    public let method: String
    /// Call metadata by lower-cased key (the last value wins on duplicates).
    /// Values such as `authorization` are secrets: never log them.
    public let metadata: [String: String]
    /// The peer's address, "host:port".
    public let peer: String
    /// The call's stream id on its connection.
    public let streamId: UInt32
    /// When the call's deadline expires; nil when the client set none.
    public let deadline: ContinuousClock.Instant?
    /// The call's id: the client's `x-request-id` when usable, else made up;
    /// in the response trailers and the log line.
    public let requestId: String

    private let cancellation = Locked<CancellationReason?>(nil)
    private let identity = Locked<String?>(nil)
    /// Set by the `Authorizer`; read through `principal` (Auth/CallContext+Principal.swift).
    let principalStorage = Locked<Principal?>(nil)

    /// Creates a context; the server makes one per call, tests may make their own.
    public init(
        method: String,
        metadata: [String: String] = [:],
        peer: String = "test",
        streamId: UInt32 = 1,
        deadline: ContinuousClock.Instant? = nil,
        requestId: String? = nil
    ) {
        self.method = method
        self.metadata = metadata
        self.peer = peer
        self.streamId = streamId
        self.deadline = deadline
        self.requestId = requestId ?? RequestId.resolve(metadata[RequestId.metadataKey])
    }

    /// Whether the call was cancelled, timed out or lost its connection.
    public var isCancelled: Bool { cancellation.withLock { $0 != nil } }

    /// Why the call stopped, or nil while it is live.
    public var cancellationReason: CancellationReason? { cancellation.withLock { $0 } }

    /// Throws CANCELLED or DEADLINE_EXCEEDED once the call has stopped;
    /// handlers call it between units of work.
    public func checkCancellation() throws(RPCError) {
        switch cancellationReason {
        case nil: return
        case .deadlineExceeded: throw RPCError(.deadlineExceeded, "deadline exceeded")
        case .cancelledByClient, .connectionClosed, .serverShutdown: throw RPCError(.cancelled, "call cancelled")
        }
    }

    /// Who the caller is once authenticated (for example a token's subject);
    /// the server adds it to the call's log line. Never a secret.
    public var callerIdentity: String? { identity.withLock { $0 } }

    /// Records the authenticated caller for the call's log line.
    public func setCallerIdentity(_ caller: String) {
        identity.withLock { $0 = caller }
    }

    /// Marks the call stopped; the first reason wins.
    /// - Returns: whether this call did it.
    @discardableResult
    public func cancel(_ reason: CancellationReason) -> Bool {
        cancellation.withLock { current in
            guard current == nil else { return false }
            current = reason
            return true
        }
    }
}
