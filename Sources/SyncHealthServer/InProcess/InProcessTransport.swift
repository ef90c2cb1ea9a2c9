import SyncHealthConcurrency
public import SyncHealthWire

/// Calls to a `Router` in this process, carried as the same protocol v1
/// frames a TCP connection carries, without a socket: the client half
/// encodes the REQUEST frame (`CallFrames`), the server half decodes it with
/// the server's frame decoder, reads the header into a `CallContext` as a
/// connection does, runs the router's handler (and so its interceptor: the
/// access policy) on a Dispatch thread, and encodes the RESPONSE frame the
/// client half decodes. Used by the CLI's --database mode, so local
/// maintenance runs the real router, codecs and access policy.
///
/// What a socket adds is absent: no preface, no PING, no GOAWAY, no
/// connection limits. A deadline is honoured the way the server does it:
/// the call is answered DEADLINE_EXCEEDED and its context cancelled.
public final class InProcessTransport: RPCTransport {
    private let router: Router
    private let peer: String
    private let maxFrameSize: UInt32
    private let streams = Locked<UInt32>(1)

    /// A transport to `router`.
    /// - Parameter peer: what handlers and logs see as the caller's address.
    public init(router: Router, peer: String = "in-process", maxFrameSize: UInt32 = Frame.defaultMaxFrameSize) {
        self.router = router
        self.peer = peer
        self.maxFrameSize = maxFrameSize
    }

    public func exchange(_ call: RawCall) async throws -> [UInt8] {
        if let timeout = call.timeout, timeout <= .zero {
            throw RPCError(.deadlineExceeded, "deadline exceeded before the call started")
        }
        let streamId = streams.withLock { next -> UInt32 in
            defer { next = next >= UInt32.max - 2 ? 1 : next + 2 }  // client streams are odd
            return next
        }
        let requestFrame = try CallFrames.request(
            streamId: streamId, method: call.method, message: call.request,
            timeoutMs: call.timeout?.timeoutMilliseconds ?? 0, metadata: call.metadata, maxFrameSize: maxFrameSize)
        let responseFrame = await serve(requestFrame)
        var buffer = FrameBuffer(responseFrame)
        var decoder = FrameDecoder(role: .client, maxFrameSize: maxFrameSize)
        let frame: Frame?
        do {
            frame = try decoder.decode(&buffer)
        } catch {
            throw RPCError(.internal, "malformed response: \(error)")
        }
        guard let frame, frame.type == .response, frame.streamId == streamId else {
            throw RPCError(.internal, "malformed response")
        }
        return try CallFrames.responseMessage(frame)
    }

    /// The server half: one REQUEST frame in, its RESPONSE frame out.
    func serve(_ bytes: [UInt8]) async -> [UInt8] {
        let startedAt = ContinuousClock.now
        var buffer = FrameBuffer(bytes)
        var decoder = FrameDecoder(role: .server, maxFrameSize: maxFrameSize)
        let frame: Frame
        let header: RequestHeader
        let message: ArraySlice<UInt8>
        do {
            guard let decoded = try decoder.decode(&buffer), decoded.type == .request else {
                return Self.encode(.failure(RPCError(.internal, "not a request frame")), streamId: 1, requestId: RequestId.generate())
            }
            frame = decoded
            let parts = try frame.splitHeaderAndMessage()
            message = parts.message
            header = try RequestHeader(serializedBytes: Array(parts.header))
        } catch {
            return Self.encode(.failure(.invalidArgument("request does not decode")), streamId: 1, requestId: RequestId.generate())
        }
        let requestId = RequestId.resolve(RequestId.sent(in: header))
        guard let handler = router.handler(for: header.method) else {
            return Self.encode(.failure(RPCError(.unimplemented, "unknown method")), streamId: frame.streamId, requestId: requestId)
        }
        let context = CallContext(header: header, peer: peer, streamId: frame.streamId, startedAt: startedAt, requestId: requestId)
        let outcome = await Self.run(handler, request: Array(message), context: context, timeoutMs: header.timeoutMs)
        return Self.encode(outcome, streamId: frame.streamId, requestId: requestId)
    }

    /// Runs `handler` off the cooperative pool (handlers block on storage);
    /// answers DEADLINE_EXCEEDED when the deadline passes first, as the
    /// server's connection timer does.
    private static func run(_ handler: @escaping RPCHandler, request: [UInt8], context: CallContext, timeoutMs: UInt32) async -> CallOutcome {
        await BlockingWork.firstOf(
            "synchealth.inprocess.handler",
            timeout: timeoutMs > 0 ? .milliseconds(Int64(timeoutMs)) : nil,
            onTimeout: { context.cancel(.deadlineExceeded) ? .failure(RPCError(.deadlineExceeded, "deadline exceeded")) : nil }
        ) {
            CallOutcome.run(handler, request: request, context: context).handlerRan
        }
    }

    private static func encode(_ outcome: CallOutcome, streamId: UInt32, requestId: String) -> [UInt8] {
        FrameEncoder.encode(outcome.responseFrame(streamId, requestId: requestId))
    }
}
