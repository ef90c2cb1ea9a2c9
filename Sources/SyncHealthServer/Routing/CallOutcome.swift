import SyncHealthWire

/// How a call ended, as the server answers it.
enum CallOutcome: Sendable {
    /// OK with the encoded response message.
    case success([UInt8])
    /// A non-OK status. `cause` names a non-`RPCError` error's type for the
    /// log line (never its text, which might hold SQL or a token).
    case failure(RPCError, cause: String? = nil)

    var statusCode: StatusCode {
        switch self {
        case .success: return .ok
        case let .failure(error, _): return error.code
        }
    }

    /// Runs `handler` and maps what it throws: `RPCError` is its status
    /// (an OK code there becomes UNKNOWN), anything else INTERNAL with a
    /// generic message.
    static func run(_ handler: RPCHandler, request: [UInt8], context: CallContext) -> CallOutcome {
        do {
            return .success(try handler(request, context))
        } catch let error as RPCError {
            if error.code == .ok { return .failure(RPCError(.unknown, error.message)) }
            // A storage failure's detail (engine code and message, never SQL
            // or arguments) goes to the log line, not to the client.
            return .failure(error, cause: error.cause.map { String(describing: $0) })
        } catch {
            return .failure(RPCError(.internal, "internal error"), cause: String(describing: type(of: error)))
        }
    }
}
