extension WireMessage {
    /// The message's protobuf encoding, refusing text protobuf-c cannot carry.
    ///
    /// protobuf-c packs string fields as NUL-terminated C strings, so a string
    /// holding U+0000 cannot be encoded whole. `serializedBytes()` treats that
    /// as a programming error (it traps rather than cut the string short);
    /// use this where the message carries text from callers or peers, and
    /// answer the error instead. Decoding rejects such strings in the same
    /// way (`WireError.embeddedNUL`), so anything decoded re-encodes.
    /// - Throws: `WireError.embeddedNUL(field:)` naming the first string field
    ///   that holds U+0000, e.g. "synchealth.v1.RequestHeader.metadata[0].value".
    public func checkedSerializedBytes() throws(WireError) -> [UInt8] {
        guard let backed = self as? any ProtobufCBacked else { return serializedBytes() }
        return try backed.checkedProtobufCBytes()
    }
}
