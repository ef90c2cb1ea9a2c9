/// Appends big-endian integers and length-prefixed bytes to a buffer; the
/// building block of page tokens, filter fingerprints and string lists.
package struct ByteWriter {
    private(set) var bytes: [UInt8] = []

    package mutating func write(_ value: UInt8) { bytes.append(value) }

    package mutating func write(_ value: UInt32) {
        for shift in stride(from: 24, through: 0, by: -8) {
            bytes.append(UInt8(truncatingIfNeeded: value >> UInt32(shift)))
        }
    }

    package mutating func write(_ value: Int64) {
        let bits = UInt64(bitPattern: value)
        for shift in stride(from: 56, through: 0, by: -8) {
            bytes.append(UInt8(truncatingIfNeeded: bits >> UInt64(shift)))
        }
    }

    /// A UInt32 length, then the bytes.
    package mutating func write(lengthPrefixed value: some Collection<UInt8>) {
        write(UInt32(value.count))
        bytes.append(contentsOf: value)
    }

    /// A UInt32 length, then the UTF-8 bytes.
    package mutating func write(_ value: String) {
        write(lengthPrefixed: Array(value.utf8))
    }

    package mutating func write(raw value: [UInt8]) { bytes.append(contentsOf: value) }
}

/// Reads what `ByteWriter` wrote; every read returns nil instead of reading
/// past the end, and lengths are checked against what is left before any
/// allocation.
package struct ByteReader {
    private let bytes: [UInt8]
    private var offset = 0

    package init(_ bytes: [UInt8]) { self.bytes = bytes }

    package var isAtEnd: Bool { offset == bytes.count }
    package var remaining: Int { bytes.count - offset }

    package mutating func readByte() -> UInt8? {
        guard offset < bytes.count else { return nil }
        defer { offset += 1 }
        return bytes[offset]
    }

    package mutating func readUInt32() -> UInt32? {
        guard remaining >= 4 else { return nil }
        var value: UInt32 = 0
        for _ in 0..<4 {
            value = value << 8 | UInt32(bytes[offset])
            offset += 1
        }
        return value
    }

    package mutating func readInt64() -> Int64? {
        guard remaining >= 8 else { return nil }
        var value: UInt64 = 0
        for _ in 0..<8 {
            value = value << 8 | UInt64(bytes[offset])
            offset += 1
        }
        return Int64(bitPattern: value)
    }

    package mutating func readRaw(count: Int) -> [UInt8]? {
        guard count >= 0, remaining >= count else { return nil }
        defer { offset += count }
        return Array(bytes[offset..<offset + count])
    }

    package mutating func readLengthPrefixed() -> [UInt8]? {
        guard let count = readUInt32(), UInt64(count) <= UInt64(remaining) else { return nil }
        return readRaw(count: Int(count))
    }

    /// A length-prefixed string; nil when the bytes are not valid UTF-8.
    package mutating func readString() -> String? {
        guard let raw = readLengthPrefixed() else { return nil }
        return String(validating: raw, as: UTF8.self)
    }
}
