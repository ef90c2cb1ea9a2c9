import CProtobufC
// protobuf-c.h is included by both C modules (CProtobufC's shim and every
// generated header of CSyncHealthProto), so Clang may give its declarations
// to either; importing both keeps them visible here whichever it picks (a
// clean build failed with "cannot find 'PROTOBUF_C_LABEL_REPEATED'" when it
// picked CSyncHealthProto).
import CSyncHealthProto

/// A message value type with a protobuf-c counterpart `CMessage` (the
/// generated `Synchealth__V1__*` struct) and the generated functions that
/// init, pack, unpack and free it. Internal: no C type leaves this module.
protocol ProtobufCBacked: Sendable {
    /// A trivial C struct (no Swift references), so `CArena` may free it
    /// without deinitializing. Not spelled `BitwiseCopyable`: Swift 6.3 does
    /// not infer that for C structs with anonymous unions (oneofs).
    associatedtype CMessage
    /// The full proto name, e.g. "synchealth.v1.RequestHeader", for errors.
    static var protoName: String { get }
    /// The generated `*__init`: sets the descriptor and every default.
    static func cInit(_ message: UnsafeMutablePointer<CMessage>)
    /// The generated `*__get_packed_size` / `*__pack` / `*__unpack` /
    /// `*__free_unpacked` functions.
    static var cFunctions: CFunctions<CMessage> { get }
    /// Reads and validates a C message that protobuf-c unpacked. Borrowed:
    /// `message` is valid only during the call.
    init(cMessage message: UnsafePointer<CMessage>) throws(WireError)
    /// Sets the fields of a C message that `cInit` initialized; everything
    /// it points to is allocated in `arena`.
    func fill(_ message: inout CMessage, arena: CArena)
}

/// The generated packing functions of one protobuf-c message type.
struct CFunctions<CMessage> {
    let packedSize: (UnsafePointer<CMessage>?) -> Int
    let pack: (UnsafePointer<CMessage>?, UnsafeMutablePointer<UInt8>?) -> Int
    let unpack: (UnsafeMutablePointer<ProtobufCAllocator>?, Int, UnsafePointer<UInt8>?) -> UnsafeMutablePointer<CMessage>?
    let freeUnpacked: (UnsafeMutablePointer<CMessage>?, UnsafeMutablePointer<ProtobufCAllocator>?) -> Void
}

extension ProtobufCBacked {
    /// Decodes `bytes` with the generated `*__unpack`. The unpacked message is
    /// freed with `*__free_unpacked` on every path, errors included.
    ///
    /// Every decode passes here, so this is where string fields holding a NUL
    /// are rejected (`WireError.embeddedNUL`): protobuf-c's C strings would
    /// otherwise cut "a\0b" to "a" without a word. The raw bytes are walked
    /// with the unpacked message's descriptor (`StringFieldScan`).
    init(protobufCBytes bytes: [UInt8]) throws(WireError) {
        let functions = Self.cFunctions
        let unpacked = bytes.withUnsafeBufferPointer { buffer in
            functions.unpack(nil, buffer.count, buffer.baseAddress)
        }
        guard let unpacked else {
            throw .malformed(message: Self.protoName)
        }
        defer { functions.freeUnpacked(unpacked, nil) }
        let nul = bytes.withUnsafeBufferPointer { buffer in
            Self.scanStrings(buffer, message: UnsafeRawPointer(unpacked), for: 0)
        }
        switch nul {
        case .none: break
        case .found(let path): throw WireError.embeddedNUL(field: path).within(Self.protoName)
        case .unreadable: throw .malformed(message: Self.protoName)
        }
        do {
            self = try Self(cMessage: unpacked)
        } catch {
            throw error.within(Self.protoName)
        }
    }

    /// `StringFieldScan` over `bytes`, an encoding of `message`'s type.
    private static func scanStrings(
        _ bytes: UnsafeBufferPointer<UInt8>, message: UnsafeRawPointer, for byte: UInt8
    ) -> StringFieldScan.Finding {
        guard let descriptor = StringFieldScan.descriptor(of: message) else { return .unreadable }
        return StringFieldScan.firstString(containing: byte, in: bytes, descriptor: descriptor)
    }

    /// Encodes with the generated `*__get_packed_size` and `*__pack` over a
    /// C struct built in an arena that lives until packing is done.
    /// - Precondition: no string field holds U+0000 (see `checkedProtobufCBytes()`).
    func protobufCBytes() -> [UInt8] {
        do {
            return try checkedProtobufCBytes()
        } catch {
            preconditionFailure("cannot encode: \(error); protobuf-c strings end at the first NUL, so text must be checked where it enters (see WireMessage.checkedSerializedBytes())")
        }
    }

    /// Encodes like `protobufCBytes()`, or throws `WireError.embeddedNUL`
    /// naming the first string field that holds U+0000: protobuf-c packs
    /// strings with `strlen`, so such a value would silently lose everything
    /// from the NUL on. Such strings are packed as `CArena.nulMarker`, found
    /// again in the packed bytes to name the field, and the bytes dropped.
    func checkedProtobufCBytes() throws(WireError) -> [UInt8] {
        let arena = CArena()
        defer { withExtendedLifetime(arena) {} }
        let message = arena.message(self)
        let functions = Self.cFunctions
        let size = functions.packedSize(message)
        guard size > 0 else { return [] }
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initializedCount in
            initializedCount = functions.pack(message, buffer.baseAddress)
        }
        precondition(bytes.count == size, "protobuf-c packed \(bytes.count) bytes, expected \(size)")
        guard arena.stringsWithNUL > 0 else { return bytes }
        let finding = bytes.withUnsafeBufferPointer { buffer in
            Self.scanStrings(buffer, message: UnsafeRawPointer(message), for: CArena.nulMarker)
        }
        guard case .found(let path) = finding else {
            throw WireError.embeddedNUL(field: "(a string field)").within(Self.protoName)
        }
        throw WireError.embeddedNUL(field: path).within(Self.protoName)
    }
}
