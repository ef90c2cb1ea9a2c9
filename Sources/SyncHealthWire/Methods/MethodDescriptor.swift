/// One RPC, declared once: its service and method, its request and response
/// types, whether a client may repeat it, and the permission a caller needs.
/// The router registers handlers by it, the client calls by it, the access
/// policy and the method catalog are built from `Methods.all`, and a
/// contract test holds it equal to the rpc lines of proto/.
public struct MethodDescriptor<Request: WireMessage, Response: WireMessage>: Sendable, Hashable {
    /// The untyped description (names, idempotency, permission).
    public let info: MethodInfo

    /// Declares a method of `service` ("synchealth.v1.SyncHistory").
    /// - Parameters:
    ///   - idempotent: the client may send it again after UNAVAILABLE (the
    ///     server's answer would be the same); false for calls whose repeat
    ///     could do something twice.
    ///   - permission: what a caller needs (`AccessPolicy`).
    public init(service: String, method: String, idempotent: Bool, permission: Permission) {
        info = MethodInfo(
            service: service, method: method,
            requestType: String(describing: Request.self), responseType: String(describing: Response.self),
            idempotent: idempotent, permission: permission)
    }

    /// "/synchealth.v1.Service/Method", as carried in `RequestHeader.method`.
    public var fullName: String { info.fullName }
}

/// A method's description without its types: what tables of methods hold.
public struct MethodInfo: Sendable, Hashable, CustomStringConvertible {
    /// The fully qualified service, e.g. "synchealth.v1.SyncHistory".
    public let service: String
    /// The method, e.g. "ListSyncs".
    public let method: String
    /// The request message's name, e.g. "ListSyncsRequest" (as in proto/).
    public let requestType: String
    /// The response message's name, e.g. "ListSyncsResponse".
    public let responseType: String
    /// Whether a client may repeat the call after UNAVAILABLE.
    public let idempotent: Bool
    /// What a caller needs.
    public let permission: Permission

    /// "/synchealth.v1.Service/Method".
    public var fullName: String { "/\(service)/\(method)" }

    public var description: String { fullName }
}
