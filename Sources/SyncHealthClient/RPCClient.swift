public import SyncHealthWire
import SyncHealthConcurrency

/// A client for one SyncHealth server: calls share one connection, which is
/// dialled on first use and again after it drops. Idempotent calls that fail
/// UNAVAILABLE, or RESOURCE_EXHAUSTED marked not processed, are retried with
/// jittered backoff within their deadline (docs/PROTOCOL.md §13).
///
/// ```swift
/// let client = try RPCClient(target: "127.0.0.1:7443")
/// let reply: HealthCheckResponse = try await client.call(
///     "/synchealth.v1.Health/Check", HealthCheckRequest(), timeout: .seconds(2), idempotent: true)
/// ```
public final class RPCClient: RPCTransport {
    private enum Slot {
        case idle
        case connecting(Task<SyncHealthConnection, any Error>)
        case connected(SyncHealthConnection)
        case closed
    }

    /// The server.
    public let endpoint: Endpoint
    /// Timeouts, frame limit, retry policy.
    public let configuration: ClientConfiguration
    private let slot = Locked(Slot.idle)

    /// Creates a client for `endpoint`; nothing is dialled until the first call.
    public init(endpoint: Endpoint, configuration: ClientConfiguration = ClientConfiguration()) {
        self.endpoint = endpoint
        self.configuration = configuration
    }

    /// Creates a client for "host:port" or "[v6]:port".
    /// - Throws: `RPCError` INVALID_ARGUMENT for a malformed address.
    public convenience init(target: String, configuration: ClientConfiguration = ClientConfiguration()) throws(RPCError) {
        self.init(endpoint: try Endpoint(serverAddress: target), configuration: configuration)
    }

    deinit {
        // Ends the reader thread of a connection nobody can use any more.
        if case let .connected(connection) = slot.withLock({ $0 }) { connection.close() }
    }

    /// Calls `method`. See `SyncHealthConnection.call` for errors.
    /// - Parameter idempotent: retry on UNAVAILABLE (connection failures,
    ///   GOAWAY "not processed") and on RESOURCE_EXHAUSTED the server marked
    ///   not processed (over its concurrency limit), at most
    ///   `configuration.maxAttempts` attempts in all and never past `timeout`.
    ///   Non-idempotent calls are never retried.
    public func call<Req: WireMessage, Res: WireMessage>(
        _ method: String, _ request: Req, timeout: Duration? = nil,
        metadata: [String: String] = [:], idempotent: Bool = false
    ) async throws -> Res {
        let bytes = try await callRaw(method, try request.encodedForCall(), timeout: timeout, metadata: metadata, idempotent: idempotent)
        do {
            return try Res(serializedBytes: bytes)
        } catch {
            throw RPCError(.internal, "response message does not decode as \(Res.self)")
        }
    }

    /// `RPCTransport`: the call, over this client's connection.
    public func exchange(_ call: RawCall) async throws -> [UInt8] {
        try await callRaw(call.method, call.request, timeout: call.timeout, metadata: call.metadata, idempotent: call.idempotent)
    }

    /// `call` on encoded messages.
    public func callRaw(
        _ method: String, _ request: [UInt8], timeout: Duration? = nil,
        metadata: [String: String] = [:], idempotent: Bool = false
    ) async throws -> [UInt8] {
        let deadline = timeout.map { ContinuousClock.now + $0 }
        var attempt = 1
        while true {
            do {
                let remaining = deadline.map { $0 - ContinuousClock.now }
                if let remaining, remaining <= .zero { throw RPCError(.deadlineExceeded, "deadline exceeded") }
                let connection = try await connection()
                return try await connection.callRaw(method, request, timeout: remaining, metadata: metadata)
            } catch let error as RPCError {
                guard idempotent, Self.isRetryable(error), attempt < configuration.maxAttempts else { throw error }
                let delay = Duration.milliseconds(configuration.retryBackoff.delayMs(afterAttempts: attempt) ?? 0)
                if let deadline, ContinuousClock.now + delay >= deadline { throw error }
                do {
                    try await Task.sleep(for: delay)
                } catch {
                    throw RPCError(.cancelled, "call cancelled")
                }
                attempt += 1
            }
        }
    }

    /// Whether an idempotent call failing with `error` may be sent again:
    /// UNAVAILABLE, or RESOURCE_EXHAUSTED that the server marked not
    /// processed. RESOURCE_EXHAUSTED without the mark (a quota, a response
    /// too large) would only fail again.
    static func isRetryable(_ error: RPCError) -> Bool {
        switch error.code {
        case .unavailable: return true
        case .resourceExhausted: return error.notProcessed
        default: return false
        }
    }

    /// PING round trip on the current connection (dialling if needed).
    public func ping(timeout: Duration = .seconds(5)) async throws -> Duration {
        try await connection().ping(timeout: timeout)
    }

    /// Closes the connection; later calls fail with UNAVAILABLE.
    public func close() {
        let current = slot.withLock { slot -> SyncHealthConnection? in
            defer { slot = .closed }
            if case let .connected(connection) = slot { return connection }
            if case let .connecting(task) = slot { task.cancel() }
            return nil
        }
        current?.close()
    }

    /// The usable connection, dialling a new one when there is none or the
    /// last one dropped or got GOAWAY. Concurrent callers share one dial.
    func connection() async throws -> SyncHealthConnection {
        enum Next { case ready(SyncHealthConnection), dial(Task<SyncHealthConnection, any Error>) }
        let next = try slot.withLock { slot throws(RPCError) -> Next in
            switch slot {
            case .closed:
                throw RPCError(.unavailable, "client closed")
            case let .connected(connection) where connection.isUsable:
                return .ready(connection)
            case let .connecting(task):
                return .dial(task)
            case .idle, .connected:
                let endpoint = endpoint, configuration = configuration
                let task = Task { try await SyncHealthConnection.connect(to: endpoint, configuration: configuration) }
                slot = .connecting(task)
                return .dial(task)
            }
        }
        let task: Task<SyncHealthConnection, any Error>
        switch next {
        case let .ready(connection): return connection
        case let .dial(dial): task = dial
        }
        do {
            let connection = try await task.value
            let kept = slot.withLock { slot -> Bool in
                switch slot {
                case let .connecting(current) where current == task:
                    slot = .connected(connection)
                    return true
                case let .connected(current):
                    return current === connection
                default:
                    return false
                }
            }
            if !kept { connection.close() }  // close() raced with the dial
            return connection
        } catch {
            slot.withLock { slot in
                if case let .connecting(current) = slot, current == task { slot = .idle }
            }
            throw (error as? RPCError) ?? RPCError(.unavailable, "connect failed")
        }
    }
}
