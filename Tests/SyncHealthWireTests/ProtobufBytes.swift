// Hand-built protobuf encodings, for known-bytes checks and for crafting
// inputs protobuf-c must reject or skip.

/// Protobuf wire types.
enum WireType: UInt8 {
    case varint = 0
    case fixed64 = 1
    case lengthDelimited = 2
    case fixed32 = 5
}

/// Base-128 varint of `value`.
func varint(_ value: UInt64) -> [UInt8] {
    var value = value
    var bytes: [UInt8] = []
    while value >= 0x80 {
        bytes.append(UInt8(value & 0x7F) | 0x80)
        value >>= 7
    }
    bytes.append(UInt8(value))
    return bytes
}

/// The key of field `number` with `type`.
func tag(_ number: UInt64, _ type: WireType) -> [UInt8] {
    varint(number << 3 | UInt64(type.rawValue))
}

/// A varint field; negative Int64 / int32 / enum values are sign-extended to 10 bytes.
func varintField(_ number: UInt64, _ value: Int64) -> [UInt8] {
    tag(number, .varint) + varint(UInt64(bitPattern: value))
}

/// A length-delimited field (string, bytes, sub-message or packed repeated).
func lengthDelimitedField(_ number: UInt64, _ payload: [UInt8]) -> [UInt8] {
    tag(number, .lengthDelimited) + varint(UInt64(payload.count)) + payload
}

/// A string field.
func stringField(_ number: UInt64, _ value: String) -> [UInt8] {
    lengthDelimitedField(number, Array(value.utf8))
}

/// Unknown fields of every wire type, with field numbers no message uses;
/// appending them to a valid encoding must not change what it decodes to.
let unknownFields: [UInt8] =
    varintField(900, 12345)
    + tag(901, .fixed64) + [1, 2, 3, 4, 5, 6, 7, 8]
    + lengthDelimitedField(902, Array("ignored".utf8) + [0xFF, 0xFE])
    + tag(903, .fixed32) + [9, 9, 9, 9]

/// Byte sequences that are not UTF-8: bad bytes, a truncated sequence, an
/// overlong form, a UTF-16 surrogate, a code point past U+10FFFF, a lone
/// continuation byte.
let invalidUTF8Samples: [[UInt8]] = [
    [0xFF, 0xFE],
    [0x61, 0xE6, 0x97],
    [0xC0, 0x80],
    [0xED, 0xA0, 0x80],
    [0xF4, 0x90, 0x80, 0x80],
    [0x80],
]

/// Non-ASCII text for round trips.
let unicodeText = "Café ✓ 日本 🚀"
