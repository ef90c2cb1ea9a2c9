/// Reading string fields out of unpacked protobuf-c messages. protobuf-c
/// copies string bytes as they came off the wire without checking them, so
/// every string is validated here, at the wrapper boundary.
enum CString {
    /// The string a protobuf-c `char *` field holds. NULL reads as "" (proto3's
    /// default; protobuf-c may also point at its shared empty string).
    /// - Throws: `WireError.invalidUTF8(field:)` naming `field` when the bytes
    ///   are not well-formed UTF-8 (overlong forms, surrogates and code points
    ///   past U+10FFFF included).
    static func read(
        _ pointer: UnsafePointer<CChar>?,
        field: @autoclosure () -> String
    ) throws(WireError) -> String {
        guard let pointer else { return "" }
        guard let string = String(validatingCString: pointer) else {
            throw .invalidUTF8(field: field())
        }
        return string
    }

    /// The strings of a repeated `char **` field; a failure names the index,
    /// e.g. "notes[3]".
    static func read(
        count: Int,
        _ pointer: UnsafePointer<UnsafeMutablePointer<CChar>?>?,
        field: String
    ) throws(WireError) -> [String] {
        guard count > 0, let pointer else { return [] }
        var strings: [String] = []
        strings.reserveCapacity(count)
        for index in 0..<count {
            strings.append(try read(pointer[index], field: "\(field)[\(index)]"))
        }
        return strings
    }
}
