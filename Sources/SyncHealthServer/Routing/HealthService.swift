public import SyncHealthWire
import SyncHealthConcurrency

/// Whether the server takes calls, as `/synchealth.v1.Health/Check` reports it.
/// Starts SERVING; `RPCServer.shutdown` flips it to NOT_SERVING.
public final class ServingState: Sendable {
    private let value = Locked<ServingStatus>(.serving)

    /// A state that starts SERVING.
    public init() {}

    /// The current status.
    public var status: ServingStatus { value.withLock { $0 } }

    /// Sets the status (for example NOT_SERVING while storage is unavailable).
    public func set(_ status: ServingStatus) {
        value.withLock { $0 = status }
    }
}

/// The built-in `synchealth.v1.Health` service.
public enum HealthService {
    /// "/synchealth.v1.Health/Check" (`Methods.Health.check`).
    public static var checkMethod: String { Methods.Health.check.fullName }

    /// Registers `Check`: the server's status for an empty service name or a
    /// registered service, NOT_FOUND for any other.
    public static func register(on router: Router, state: ServingState) {
        router.register(Methods.Health.check) {
            @Sendable [weak router] (request: HealthCheckRequest, _: CallContext) throws -> HealthCheckResponse in
            if !request.service.isEmpty, router?.hasService(request.service) != true {
                throw RPCError.notFound("unknown service")
            }
            return HealthCheckResponse(status: state.status)
        }
    }
}
