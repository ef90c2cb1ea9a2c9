/// The error every SyncHealth call fails with: a gRPC status code and a
/// message fit to show to the caller. Messages never contain SQL, tokens or
/// other secrets.
public struct RPCError: Error, Sendable, Hashable, CustomStringConvertible {
    public var code: StatusCode
    public var message: String
    /// The call was refused before any of it ran, so sending it again is
    /// safe: the response carried the `synchealth-not-processed: true`
    /// trailer (docs/PROTOCOL.md §13), or the client never got to send it or
    /// it was above a GOAWAY's last_stream_id. Set on the client side; a
    /// server marks only its own refusals, whatever a handler throws.
    public var notProcessed: Bool
    /// What went wrong underneath (a storage engine's typed error), for the
    /// server's log line of the call: never sent to the client, and not part
    /// of equality. Whoever sets it makes sure its description holds no
    /// secret (engine errors never record SQL or bound values).
    public var cause: (any Error & Sendable)?

    /// Creates an error with `code` and a caller-facing `message`.
    public init(_ code: StatusCode, _ message: String, notProcessed: Bool = false, cause: (any Error & Sendable)? = nil) {
        self.code = code
        self.message = message
        self.notProcessed = notProcessed
        self.cause = cause
    }

    public var description: String { "\(code.name): \(message)" }

    /// The same error with `cause` recorded.
    public func causedBy(_ cause: any Error & Sendable) -> RPCError {
        var error = self
        error.cause = cause
        return error
    }

    /// Code, message and `notProcessed`; the cause is not compared.
    public static func == (lhs: RPCError, rhs: RPCError) -> Bool {
        lhs.code == rhs.code && lhs.message == rhs.message && lhs.notProcessed == rhs.notProcessed
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(code)
        hasher.combine(message)
        hasher.combine(notProcessed)
    }

    /// INVALID_ARGUMENT with `message`.
    public static func invalidArgument(_ message: String) -> RPCError { RPCError(.invalidArgument, message) }
    /// NOT_FOUND with `message`.
    public static func notFound(_ message: String) -> RPCError { RPCError(.notFound, message) }
    /// FAILED_PRECONDITION with `message`.
    public static func failedPrecondition(_ message: String) -> RPCError { RPCError(.failedPrecondition, message) }
    /// INTERNAL with `message`.
    public static func `internal`(_ message: String) -> RPCError { RPCError(.`internal`, message) }
}

extension StatusCode {
    /// The canonical upper-case name, e.g. "INVALID_ARGUMENT".
    public var name: String {
        switch self {
        case .ok: return "OK"
        case .cancelled: return "CANCELLED"
        case .unknown: return "UNKNOWN"
        case .invalidArgument: return "INVALID_ARGUMENT"
        case .deadlineExceeded: return "DEADLINE_EXCEEDED"
        case .notFound: return "NOT_FOUND"
        case .alreadyExists: return "ALREADY_EXISTS"
        case .permissionDenied: return "PERMISSION_DENIED"
        case .resourceExhausted: return "RESOURCE_EXHAUSTED"
        case .failedPrecondition: return "FAILED_PRECONDITION"
        case .aborted: return "ABORTED"
        case .outOfRange: return "OUT_OF_RANGE"
        case .unimplemented: return "UNIMPLEMENTED"
        case .`internal`: return "INTERNAL"
        case .unavailable: return "UNAVAILABLE"
        case .dataLoss: return "DATA_LOSS"
        case .unauthenticated: return "UNAUTHENTICATED"
        case .unrecognized(let value): return "CODE_\(value)"
        }
    }
}
