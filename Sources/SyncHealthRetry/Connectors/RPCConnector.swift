import Dispatch
public import SyncHealthClient
public import SyncHealthWire
import SyncHealthConcurrency

/// Pushes through a connector service: `Connector/Push` over protocol v1 on
/// one endpoint (one per target platform, usually).
///
/// The client dials on first use and again after the connection drops, and
/// repeats a call that failed UNAVAILABLE within its deadline: a push is
/// idempotent by its key. Transport trouble never escapes as an error:
///
/// - a deadline, a cancelled call, a lost connection or a garbled answer is
///   TIMED_OUT (the push may have landed; the next attempt reuses the key);
/// - the service refusing the request itself (INVALID_ARGUMENT,
///   FAILED_PRECONDITION, OUT_OF_RANGE, NOT_FOUND, ALREADY_EXISTS) is a
///   non-retryable failure: the same request will be refused again;
/// - any other status is a retryable failure.
///
/// `push` blocks its thread until the call ends: call it from a Dispatch
/// worker (the retry executor does), never from the cooperative pool. The
/// client's own async work runs on the cooperative pool, so in a process
/// whose pool threads are all blocked a push waits, and may time out.
public final class RPCConnector: PushConnector {
    /// The connector service's transport.
    public let client: RPCClient
    /// Sent as `authorization: Bearer <token>` when set.
    private let token: String?

    /// A connector for the service at "host:port"; nothing is dialled until
    /// the first push.
    /// - Throws: INVALID_ARGUMENT for a malformed address.
    public init(target: String, token: String? = nil, configuration: ClientConfiguration = ClientConfiguration()) throws(RPCError) {
        client = try RPCClient(target: target, configuration: configuration)
        self.token = token
    }

    /// Closes the connection.
    public func close() { client.close() }

    /// Calls `Connector/Push` with a `timeoutMs` deadline and waits for it.
    public func push(_ request: PushRequest, timeoutMs: Int64) -> PushResponse {
        let outcome = Locked<Result<PushResponse, any Error>?>(nil)
        let done = DispatchSemaphore(value: 0)
        let client = client
        let metadata = token.map { ["authorization": "Bearer \($0)"] } ?? [:]
        let task = Task {
            let result: Result<PushResponse, any Error>
            do {
                let response = try await client.call(
                    Methods.Connector.push, request, timeout: .milliseconds(max(timeoutMs, 1)), metadata: metadata)
                result = .success(response)
            } catch {
                result = .failure(error)
            }
            outcome.withLock { $0 = result }
            done.signal()
        }
        // The client's deadline ends the call; the margin covers scheduling.
        if done.wait(timeout: .now() + .milliseconds(Int(clamping: timeoutMs) + 2_000)) == .timedOut {
            task.cancel()
            return Self.timedOut("the connector did not answer within \(timeoutMs) ms")
        }
        switch outcome.withLock({ $0 }) {
        case .success(let response)?:
            return response
        case .failure(let error as RPCError)?:
            return Self.response(for: error)
        case .failure?, nil:
            return Self.timedOut("the connector call failed")
        }
    }

    /// The push response standing for a failed call.
    static func response(for error: RPCError) -> PushResponse {
        switch error.code {
        case .deadlineExceeded, .cancelled, .unavailable, .unknown, .internal, .dataLoss:
            return timedOut("connector call failed (\(error.code.name)); the push may have landed")
        case .invalidArgument, .failedPrecondition, .outOfRange, .notFound, .alreadyExists:
            return PushResponse(outcome: .failed, errorMessage: "The connector refused the push (\(error.code.name)): \(error.message)", retryable: false)
        default:
            return PushResponse(outcome: .failed, errorMessage: "The connector refused the push (\(error.code.name)): \(error.message)", retryable: true)
        }
    }

    private static func timedOut(_ message: String) -> PushResponse {
        PushResponse(outcome: .timedOut, errorMessage: "The push did not complete: \(message).", retryable: true)
    }
}
