import CProtobufC
// protobuf-c.h is included by both C modules (CProtobufC's shim and every
// generated header of CSyncHealthProto), so Clang may give its declarations
// to either; importing both keeps them visible here whichever it picks (a
// clean build failed with "cannot find 'PROTOBUF_C_LABEL_REPEATED'" when it
// picked CSyncHealthProto).
import CSyncHealthProto

/// Walks protobuf bytes alongside a protobuf-c message descriptor to find a
/// string field whose raw bytes hold a given byte.
///
/// Why: protobuf-c hands string fields over as NUL-terminated C strings, so
/// once a message is unpacked "a\0b" is indistinguishable from "a". Only the
/// raw bytes still show the whole value. Decoding scans them for 0x00 (see
/// `ProtobufCBacked.init(protobufCBytes:)`); encoding uses the same walk to
/// name the field it could not pack (see `CArena.nulMarker`).
///
/// Tags and length prefixes are read exactly as protobuf-c's unpacker reads
/// them (at most 5 bytes each, 32-bit values), so the walk sees the same field
/// boundaries protobuf-c did. Fields are looked up with protobuf-c's own
/// `protobuf_c_message_descriptor_get_field`. String fields (singular,
/// repeated or in a oneof) are checked; message fields are walked with their
/// own descriptor; `bytes`, packed scalars and unknown fields are skipped.
/// Depth is bounded by the schema: the walk only descends where a descriptor
/// says a field is a message, and our proto has no recursive messages.
enum StringFieldScan {
    enum Finding: Equatable {
        /// No string field holds the byte.
        case none
        /// The first string field that does, e.g. "items[3].error_message".
        case found(path: String)
        /// The bytes are not a protobuf encoding protobuf-c would accept.
        case unreadable
    }

    /// The descriptor of a protobuf-c message (every generated struct starts
    /// with a `ProtobufCMessage`).
    static func descriptor(of message: UnsafeRawPointer) -> UnsafePointer<ProtobufCMessageDescriptor>? {
        message.load(as: ProtobufCMessage.self).descriptor
    }

    /// Scans `bytes`, an encoding of the message `descriptor` describes, for
    /// a string field containing `byte`.
    static func firstString(
        containing byte: UInt8,
        in bytes: UnsafeBufferPointer<UInt8>,
        descriptor: UnsafePointer<ProtobufCMessageDescriptor>
    ) -> Finding {
        var reader = ProtobufCReader(bytes)
        var occurrences: [UInt32: Int] = [:]  // repeated fields only, for "[i]"
        while !reader.isAtEnd {
            guard let (number, wireType) = reader.readTag() else { return .unreadable }
            let field = protobuf_c_message_descriptor_get_field(descriptor, number)
            switch wireType {
            case 0:
                guard reader.skipVarint() else { return .unreadable }
            case 1:
                guard reader.skip(8) else { return .unreadable }
            case 5:
                guard reader.skip(4) else { return .unreadable }
            case 2:
                guard let value = reader.readLengthPrefixed() else { return .unreadable }
                guard let field else { continue }  // unknown field
                var index: Int?
                if field.pointee.label == PROTOBUF_C_LABEL_REPEATED {
                    index = occurrences[number, default: 0]
                    occurrences[number] = (index ?? 0) + 1
                }
                switch field.pointee.type {
                case PROTOBUF_C_TYPE_STRING:
                    if value.contains(byte) { return .found(path: name(field, index)) }
                case PROTOBUF_C_TYPE_MESSAGE:
                    guard let raw = field.pointee.descriptor else { return .unreadable }
                    let sub = raw.assumingMemoryBound(to: ProtobufCMessageDescriptor.self)
                    switch firstString(containing: byte, in: value, descriptor: sub) {
                    case .none: break
                    case .found(let inner): return .found(path: "\(name(field, index)).\(inner)")
                    case .unreadable: return .unreadable
                    }
                default:
                    break  // bytes, or a packed repeated scalar
                }
            default:
                return .unreadable  // groups (3, 4) and 6, 7: protobuf-c rejects them
            }
        }
        return .none
    }

    private static func name(_ field: UnsafePointer<ProtobufCFieldDescriptor>, _ index: Int?) -> String {
        let base = field.pointee.name.map { String(cString: $0) } ?? "#\(field.pointee.id)"
        guard let index else { return base }
        return "\(base)[\(index)]"
    }
}

/// Reads protobuf keys and lengths the way protobuf-c 1.4's unpacker does
/// (`parse_tag_and_wiretype`, `scan_length_prefixed_data`).
struct ProtobufCReader {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var offset = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    var isAtEnd: Bool { offset >= bytes.count }
    private var remaining: Int { bytes.count - offset }

    /// A key: field number and wire type. At most 5 bytes; the first holds 4
    /// bits of the number, each further byte 7.
    mutating func readTag() -> (number: UInt32, wireType: UInt8)? {
        guard !isAtEnd else { return nil }
        let first = bytes[offset]
        var number = UInt32(first & 0x7F) >> 3
        let wireType = first & 0x07
        if first & 0x80 == 0 {
            offset += 1
            return (number, wireType)
        }
        var shift: UInt32 = 4
        for i in 1..<min(remaining, 5) {
            let byte = bytes[offset + i]
            number |= UInt32(byte & 0x7F) << shift
            if byte & 0x80 == 0 {
                offset += i + 1
                return (number, wireType)
            }
            shift += 7
        }
        return nil
    }

    /// Skips a varint value (at most 10 bytes).
    mutating func skipVarint() -> Bool {
        for i in 0..<min(remaining, 10) where bytes[offset + i] & 0x80 == 0 {
            offset += i + 1
            return true
        }
        return false
    }

    /// Skips `count` fixed bytes.
    mutating func skip(_ count: Int) -> Bool {
        guard remaining >= count else { return false }
        offset += count
        return true
    }

    /// The value of a length-prefixed field. The prefix is at most 5 bytes
    /// and read into 32 bits, dropping higher bits as protobuf-c does.
    mutating func readLengthPrefixed() -> UnsafeBufferPointer<UInt8>? {
        var length: UInt32 = 0
        var shift: UInt32 = 0
        for i in 0..<min(remaining, 5) {
            let byte = bytes[offset + i]
            length |= UInt32(byte & 0x7F) << shift
            shift += 7
            if byte & 0x80 == 0 {
                let start = offset + i + 1
                guard Int(length) <= bytes.count - start else { return nil }
                offset = start + Int(length)
                return UnsafeBufferPointer(rebasing: bytes[start..<offset])
            }
        }
        return nil
    }
}
