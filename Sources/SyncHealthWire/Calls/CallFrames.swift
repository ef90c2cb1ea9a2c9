/// The REQUEST and RESPONSE frames of a unary call, built and read the same
/// way by every transport: the TCP client (`SyncHealthConnection`) and the
/// in-process transport (`InProcessTransport`) send byte-identical frames.
public enum CallFrames {
    /// The encoded REQUEST frame of a call on `streamId`.
    /// - Parameters:
    ///   - timeoutMs: the call's deadline in whole milliseconds; 0 for none.
    ///   - metadata: keys are sent lower-cased, in sorted order.
    /// - Throws: `RPCError` INVALID_ARGUMENT when a metadata value holds
    ///   U+0000 or the metadata is over 64 KiB; RESOURCE_EXHAUSTED when the
    ///   frame would pass `maxFrameSize`.
    public static func request(
        streamId: UInt32, method: String, message: [UInt8], timeoutMs: UInt32, metadata: [String: String],
        maxFrameSize: UInt32
    ) throws(RPCError) -> [UInt8] {
        let header = RequestHeader(
            method: method,
            timeoutMs: timeoutMs,
            metadata: metadata.sorted { $0.key < $1.key }.map { MetadataEntry(key: $0.key.lowercased(), value: $0.value) }
        )
        let headerBytes: [UInt8]
        do {
            headerBytes = try header.checkedSerializedBytes()
        } catch {
            throw error.rpcError
        }
        guard headerBytes.count <= Int(UInt16.max) else { throw RPCError.invalidArgument("call metadata too large") }
        guard 2 + headerBytes.count + message.count <= Int(maxFrameSize) else {
            throw RPCError(.resourceExhausted, "request larger than the server's maximum frame size")
        }
        return FrameEncoder.encode(.request(streamId: streamId, header: headerBytes, message: message))
    }

    /// The message of an OK RESPONSE, or its status as an `RPCError`.
    public static func responseMessage(_ frame: Frame) throws(RPCError) -> [UInt8] {
        let parts: (header: ArraySlice<UInt8>, message: ArraySlice<UInt8>)
        do {
            parts = try frame.splitHeaderAndMessage()
        } catch {
            throw RPCError(.internal, "malformed response: \(error)")
        }
        let header: ResponseHeader
        do {
            header = try ResponseHeader(serializedBytes: parts.header)
        } catch {
            throw RPCError(.internal, "malformed response header")
        }
        guard header.statusCode == .ok else { throw header.error }
        return Array(parts.message)
    }
}
