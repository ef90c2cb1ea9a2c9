import CProtobufC

/// Owns every piece of C memory built to pack one message: strings, arrays,
/// byte buffers and sub-messages. Everything is freed together in `deinit`,
/// so pointers handed out are valid exactly as long as the arena is alive;
/// `ProtobufCBacked.protobufCBytes()` keeps it alive across the `*__pack` call.
///
/// Not `Sendable`: an arena lives inside one encode call on one thread.
final class CArena {
    private var allocations: [UnsafeMutableRawPointer] = []
    private var sharedEmptyString: UnsafeMutablePointer<CChar>?

    init() {}

    deinit {
        for pointer in allocations {
            pointer.deallocate()
        }
    }

    /// Uninitialized memory for `count` values of `T`, freed with the arena.
    /// Only for trivial C types (structs, pointers, numbers, enums): the arena
    /// deallocates without deinitializing. (Swift 6.3 does not infer
    /// `BitwiseCopyable` for every imported C type, so this is not spelled out.)
    private func allocate<T>(_: T.Type, count: Int) -> UnsafeMutablePointer<T> {
        let pointer = UnsafeMutablePointer<T>.allocate(capacity: count)
        allocations.append(UnsafeMutableRawPointer(pointer))
        return pointer
    }

    /// A NUL-terminated copy of `string`. protobuf-c cannot represent an
    /// embedded NUL: the C string (and so the encoding) ends at the first one.
    func string(_ string: String) -> UnsafeMutablePointer<CChar> {
        if string.isEmpty {
            if let sharedEmptyString { return sharedEmptyString }
            let empty = allocate(CChar.self, count: 1)
            empty.initialize(to: 0)
            sharedEmptyString = empty
            return empty
        }
        var string = string
        return string.withUTF8 { utf8 in
            let copy = allocate(CChar.self, count: utf8.count + 1)
            UnsafeMutableRawBufferPointer(start: copy, count: utf8.count).copyMemory(from: UnsafeRawBufferPointer(utf8))
            copy[utf8.count] = 0
            return copy
        }
    }

    /// A C array of NUL-terminated copies, as `(n_field, field)`.
    func strings(_ strings: [String]) -> (Int, UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) {
        array(strings) { self.string($0) }
    }

    /// A C array of `values`, or NULL when empty, as `(n_field, field)`.
    func array<Element, C>(_ values: [Element], _ convert: (Element) -> C) -> (Int, UnsafeMutablePointer<C>?) {
        guard !values.isEmpty else { return (0, nil) }
        let pointer = allocate(C.self, count: values.count)
        for (index, value) in values.enumerated() {
            (pointer + index).initialize(to: convert(value))
        }
        return (values.count, pointer)
    }

    /// A copy of `bytes` as a protobuf-c `bytes` field (len 0 and NULL when empty).
    func bytes(_ bytes: [UInt8]) -> ProtobufCBinaryData {
        guard !bytes.isEmpty else { return ProtobufCBinaryData(len: 0, data: nil) }
        let pointer = allocate(UInt8.self, count: bytes.count)
        _ = UnsafeMutableBufferPointer(start: pointer, count: bytes.count).initialize(from: bytes)
        return ProtobufCBinaryData(len: bytes.count, data: pointer)
    }

    /// A C struct for `message`, set up by its generated `*__init` and filled in.
    func message<M: ProtobufCBacked>(_ message: M) -> UnsafeMutablePointer<M.CMessage> {
        let pointer = allocate(M.CMessage.self, count: 1)
        M.cInit(pointer)
        message.fill(&pointer.pointee, arena: self)
        return pointer
    }

    /// A C struct for `message`, or NULL for an absent (nil) sub-message.
    func optionalMessage<M: ProtobufCBacked>(_ message: M?) -> UnsafeMutablePointer<M.CMessage>? {
        message.map { self.message($0) }
    }

    /// A C array of sub-message pointers, as `(n_field, field)`.
    func messages<M: ProtobufCBacked>(
        _ messages: [M]
    ) -> (Int, UnsafeMutablePointer<UnsafeMutablePointer<M.CMessage>?>?) {
        array(messages) { Optional(self.message($0)) }
    }

    /// A C array of enum values, as `(n_field, field)`.
    func enums<E: WireEnum, C: CEnum>(_ values: [E]) -> (Int, UnsafeMutablePointer<C>?) {
        array(values) { $0.cValue() }
    }
}
