/// A protobuf message of the SyncHealth API with a hand-written protobuf-c codec.
public protocol WireMessage: Sendable, Hashable {
    /// Decodes the message from its protobuf encoding.
    /// - Throws: `WireError` when the bytes are not a valid encoding.
    init(serializedBytes bytes: [UInt8]) throws
    /// The message's protobuf encoding.
    func serializedBytes() -> [UInt8]
}
