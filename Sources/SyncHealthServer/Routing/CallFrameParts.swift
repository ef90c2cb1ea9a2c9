import SyncHealthWire

// What every transport does alike with a call's frames: the context from a
// REQUEST's header, the request id it sent, the RESPONSE for an outcome.
// ServerConnection (TCP) and InProcessTransport both use these, so a call
// is read and answered the same way whichever carried it.

extension CallContext {
    /// The context of a call whose REQUEST carried `header`: metadata keys
    /// lower-cased (the last of repeated keys wins), the deadline from
    /// `timeout_ms` counted from `startedAt`.
    convenience init(
        header: RequestHeader, peer: String, streamId: UInt32, startedAt: ContinuousClock.Instant, requestId: String
    ) {
        var metadata: [String: String] = [:]
        for entry in header.metadata { metadata[entry.key.lowercased()] = entry.value }
        self.init(
            method: header.method, metadata: metadata, peer: peer, streamId: streamId,
            deadline: header.timeoutMs > 0 ? startedAt + .milliseconds(Int64(header.timeoutMs)) : nil,
            requestId: requestId)
    }
}

extension RequestId {
    /// The x-request-id a REQUEST header carried (the last one, as for all
    /// metadata), before validation.
    static func sent(in header: RequestHeader) -> String? {
        header.metadata.last { $0.key.lowercased() == metadataKey }?.value
    }
}

extension CallOutcome {
    /// The RESPONSE frame of this outcome on `streamId`, with the request id
    /// as a trailer.
    func responseFrame(_ streamId: UInt32, requestId: String) -> Frame {
        let trailer = MetadataEntry(key: RequestId.metadataKey, value: requestId)
        switch self {
        case let .success(message):
            let header = ResponseHeader(statusCode: .ok, trailers: [trailer])
            return .response(streamId: streamId, header: header.serializedBytes(), message: message)
        case let .failure(error, _):
            var header = ResponseHeader(failure: error, statusMessage: LogText.statusMessage(error.message))
            header.trailers.append(trailer)
            return .response(streamId: streamId, header: header.serializedBytes(), message: [])
        }
    }
}
