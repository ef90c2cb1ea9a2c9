/// Stores a sync's notes and error messages (`repeated string`) in one BLOB
/// column: a version byte, a count, then each string length-prefixed.
package enum StringListCodec {
    private static let version: UInt8 = 1

    package static func encode(_ strings: [String]) -> [UInt8] {
        var writer = ByteWriter()
        writer.write(version)
        writer.write(UInt32(strings.count))
        for string in strings {
            writer.write(string)
        }
        return writer.bytes
    }

    /// Decodes what `encode` wrote. A blob that does not decode (only
    /// possible if the file was edited by hand) reads as an empty list rather
    /// than failing the whole read; the empty blob is also an empty list.
    package static func decode(_ bytes: [UInt8]) -> [String] {
        var reader = ByteReader(bytes)
        guard let version = reader.readByte(), version == Self.version,
              let count = reader.readUInt32(),
              UInt64(count) <= UInt64(reader.remaining / 4)
        else { return [] }
        var strings: [String] = []
        strings.reserveCapacity(Int(count))
        for _ in 0..<count {
            guard let string = reader.readString() else { return [] }
            strings.append(string)
        }
        return reader.isAtEnd ? strings : []
    }
}
