public import SyncHealthWire
import SyncHealthConcurrency

/// A method handler on raw bytes: the request message in, the response
/// message out. Runs synchronously on a handler thread, never on a
/// connection's queue. Throw `RPCError` to answer with its status.
public typealias RPCHandler = @Sendable (_ request: [UInt8], _ context: CallContext) throws -> [UInt8]

/// Runs before every handler the router hands out, with the same request
/// bytes and context; throwing answers the call with that error instead of
/// running the handler (see `Authorizer`).
public typealias RPCInterceptor = @Sendable (_ request: [UInt8], _ context: CallContext) throws -> Void

/// Maps fully qualified method names to handlers.
public final class Router: Sendable {
    private let handlers = Locked<[String: RPCHandler]>([:])
    private let interceptor: RPCInterceptor?

    /// An empty router.
    /// - Parameter interceptor: consulted before every call to any method,
    ///   including methods registered later; unknown methods still answer
    ///   UNIMPLEMENTED without consulting it.
    public init(interceptor: RPCInterceptor? = nil) {
        self.interceptor = interceptor
    }

    /// Registers `handler` for `method` ("/synchealth.v1.Service/Method"),
    /// replacing an earlier one.
    /// - Precondition: `method` has the form "/Service/Method".
    public func register(_ method: String, _ handler: @escaping RPCHandler) {
        precondition(Self.isWellFormed(method), "method must look like /package.Service/Method: \(method)")
        handlers.withLock { $0[method] = handler }
    }

    /// Registers a typed handler for the method `descriptor` declares: the
    /// request is decoded as its request type (INVALID_ARGUMENT when it does
    /// not decode) and the returned response encoded (INTERNAL when a string
    /// in it holds U+0000, which the wire cannot carry).
    public func register<Req: WireMessage, Res: WireMessage>(
        _ descriptor: MethodDescriptor<Req, Res>,
        _ handler: @escaping @Sendable (Req, CallContext) throws -> Res
    ) {
        register(service: descriptor.info.service, method: descriptor.info.method, handler)
    }

    /// Registers a typed handler for "/\(service)/\(method)", a method with
    /// no descriptor (tests' own services). Prefer `register(_:_:)` with a
    /// `MethodDescriptor` for the service's methods.
    public func register<Req: WireMessage, Res: WireMessage>(
        service: String,
        method: String,
        _ handler: @escaping @Sendable (Req, CallContext) throws -> Res
    ) {
        register("/\(service)/\(method)") { bytes, context in
            let request: Req
            do {
                request = try Req(serializedBytes: bytes)
            } catch let error as WireError {
                throw error.rpcError
            } catch {
                throw RPCError.invalidArgument("request message does not decode")
            }
            let response = try handler(request, context)
            do {
                return try response.checkedSerializedBytes()
            } catch {
                // Storage refuses NUL in what it stores, so this is a bug, not bad input.
                throw RPCError.internal("response cannot be encoded: \(error)")
            }
        }
    }

    /// The handler for `method`, or nil. With an interceptor, the handler
    /// returned runs it first and the registered handler only if it returns.
    public func handler(for method: String) -> RPCHandler? {
        guard let handler = handlers.withLock({ $0[method] }) else { return nil }
        guard let interceptor else { return handler }
        return { request, context in
            try interceptor(request, context)
            return try handler(request, context)
        }
    }

    /// Whether any method of `service` ("synchealth.v1.Health") is registered.
    public func hasService(_ service: String) -> Bool {
        let prefix = "/\(service)/"
        return handlers.withLock { $0.keys.contains { $0.hasPrefix(prefix) } }
    }

    /// Every registered method, sorted.
    public var methods: [String] { handlers.withLock { $0.keys.sorted() } }

    private static func isWellFormed(_ method: String) -> Bool {
        let parts = method.split(separator: "/", omittingEmptySubsequences: false)
        return parts.count == 3 && parts[0].isEmpty && !parts[1].isEmpty && !parts[2].isEmpty
    }
}
