import CProtobufC
// protobuf-c.h is included by both C modules (CProtobufC's shim and every
// generated header of CSyncHealthProto), so Clang may give its declarations
// to either; importing both keeps them visible here whichever it picks (a
// clean build failed with "cannot find 'PROTOBUF_C_LABEL_REPEATED'" when it
// picked CSyncHealthProto).
import CSyncHealthProto

/// Owns every piece of C memory built to pack one message: strings, arrays,
/// byte buffers and sub-messages. Everything is freed together in `deinit`,
/// so pointers handed out are valid exactly as long as the arena is alive;
/// `ProtobufCBacked.protobufCBytes()` keeps it alive across the `*__pack` call.
///
/// Not `Sendable`: an arena lives inside one encode call on one thread.
final class CArena {
    /// What a string holding U+0000 is packed as: the single byte 0xFF, which
    /// no Swift string encodes to (it is never valid UTF-8), so it marks the
    /// field in the packed bytes. protobuf-c cannot carry the NUL; the encoder
    /// counts on `stringsWithNUL` to refuse the result
    /// (`ProtobufCBacked.checkedProtobufCBytes()`).
    static let nulMarker: UInt8 = 0xFF

    private var allocations: [UnsafeMutableRawPointer] = []
    private var sharedEmptyString: UnsafeMutablePointer<CChar>?
    private var sharedNULMarker: UnsafeMutablePointer<CChar>?
    /// Strings handed to `string(_:)` that held U+0000.
    private(set) var stringsWithNUL = 0

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
    /// embedded NUL (the C string would end at the first one), so a string
    /// holding one is counted in `stringsWithNUL` and packed as `nulMarker`.
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
            if utf8.contains(0) { return self.nulMarkerString() }
            let copy = allocate(CChar.self, count: utf8.count + 1)
            UnsafeMutableRawBufferPointer(start: copy, count: utf8.count).copyMemory(from: UnsafeRawBufferPointer(utf8))
            copy[utf8.count] = 0
            return copy
        }
    }

    private func nulMarkerString() -> UnsafeMutablePointer<CChar> {
        stringsWithNUL += 1
        if let sharedNULMarker { return sharedNULMarker }
        let marker = allocate(CChar.self, count: 2)
        marker.initialize(to: CChar(bitPattern: Self.nulMarker))
        (marker + 1).initialize(to: 0)
        sharedNULMarker = marker
        return marker
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
