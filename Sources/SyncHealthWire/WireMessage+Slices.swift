extension WireMessage {
    /// Decodes the message from a slice of a larger buffer, such as a frame
    /// payload after its inner header.
    /// - Throws: `WireError` when the bytes are not a valid encoding.
    public init(serializedBytes bytes: ArraySlice<UInt8>) throws {
        try self.init(serializedBytes: Array(bytes))
    }
}
