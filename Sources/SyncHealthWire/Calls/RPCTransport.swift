/// One unary call as a transport carries it: the method, the encoded
/// request, and how it is sent.
public struct RawCall: Sendable {
    /// "/synchealth.v1.Service/Method".
    public var method: String
    /// The encoded request message.
    public var request: [UInt8]
    /// The call's deadline; nil for none.
    public var timeout: Duration?
    /// Call metadata (e.g. `authorization`), keys case-insensitive.
    public var metadata: [String: String]
    /// The transport may send it again after UNAVAILABLE.
    public var idempotent: Bool

    /// Describes a call.
    public init(method: String, request: [UInt8], timeout: Duration? = nil, metadata: [String: String] = [:], idempotent: Bool = false) {
        self.method = method
        self.request = request
        self.timeout = timeout
        self.metadata = metadata
        self.idempotent = idempotent
    }
}

/// What carries calls to a SyncHealth server: `RPCClient` over TCP, or
/// `InProcessTransport` to a router in the same process. `SyncHealthClient`
/// and the typed calls below work on either.
public protocol RPCTransport: Sendable {
    /// Sends `call` and returns the encoded response message.
    /// - Throws: `RPCError` with the server's status, or one the transport
    ///   chose (UNAVAILABLE, DEADLINE_EXCEEDED, CANCELLED).
    func exchange(_ call: RawCall) async throws -> [UInt8]
}

extension RPCTransport {
    /// Calls `method` with an encoded request; returns the encoded response.
    public func callRaw(
        _ method: String, _ request: [UInt8], timeout: Duration? = nil, metadata: [String: String] = [:],
        idempotent: Bool = false
    ) async throws -> [UInt8] {
        try await exchange(RawCall(method: method, request: request, timeout: timeout, metadata: metadata, idempotent: idempotent))
    }

    /// Calls the method `descriptor` declares, typed by it; repeated after
    /// UNAVAILABLE only when the descriptor says it is idempotent.
    public func call<Req: WireMessage, Res: WireMessage>(
        _ descriptor: MethodDescriptor<Req, Res>, _ request: Req, timeout: Duration? = nil,
        metadata: [String: String] = [:]
    ) async throws -> Res {
        let bytes = try await exchange(RawCall(
            method: descriptor.fullName, request: try request.encodedForCall(), timeout: timeout,
            metadata: metadata, idempotent: descriptor.info.idempotent))
        do {
            return try Res(serializedBytes: bytes)
        } catch {
            throw RPCError(.internal, "response message does not decode as \(Res.self)")
        }
    }
}

extension WireMessage {
    /// The encoding to send; a string holding U+0000 fails the call locally
    /// with INVALID_ARGUMENT instead of reaching the wire cut short.
    public func encodedForCall() throws(RPCError) -> [UInt8] {
        do {
            return try checkedSerializedBytes()
        } catch {
            throw error.rpcError
        }
    }
}
