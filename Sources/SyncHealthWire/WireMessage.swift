/// A protobuf message of the SyncHealth API with a hand-written protobuf-c codec.
public protocol WireMessage: Sendable, Hashable {
    /// Decodes the message from its protobuf encoding.
    /// - Throws: `WireError` when the bytes are not a valid encoding.
    init(serializedBytes bytes: [UInt8]) throws
    /// The message's protobuf encoding.
    /// - Precondition: no string field holds U+0000, which protobuf-c cannot
    ///   encode whole; see `checkedSerializedBytes()` for text that was not
    ///   validated where it entered.
    func serializedBytes() -> [UInt8]
}
