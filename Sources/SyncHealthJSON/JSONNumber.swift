/// A JSON number's exact decimal value, for comparing numbers written
/// differently: sign, significant digits (no leading or trailing zeros) and
/// the power of ten of the last digit. Zero has no digits and no sign.
public struct JSONNumber: Equatable {
    public var negative: Bool
    public var digits: [UInt8]
    public var exponent: Int

    /// Reads a number in JSON's grammar (the parser checked it).
    public init(_ text: String) {
        var negative = false
        var digits: [UInt8] = []
        var exponent = 0
        var afterPoint = false
        var bytes = Array(text.utf8)[...]
        if bytes.first == UInt8(ascii: "-") {
            negative = true
            bytes = bytes.dropFirst()
        }
        while let byte = bytes.first, byte != UInt8(ascii: "e"), byte != UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            if byte == UInt8(ascii: ".") {
                afterPoint = true
                continue
            }
            if digits.isEmpty && byte == UInt8(ascii: "0") {
                if afterPoint { exponent -= 1 }
                continue
            }
            digits.append(byte)
            if afterPoint { exponent -= 1 }
        }
        if !bytes.isEmpty {
            bytes = bytes.dropFirst()
            var exponentNegative = false
            if bytes.first == UInt8(ascii: "-") || bytes.first == UInt8(ascii: "+") {
                exponentNegative = bytes.first == UInt8(ascii: "-")
                bytes = bytes.dropFirst()
            }
            // Saturates: exponents past a billion compare as equal, which no
            // configuration will notice.
            var value = 0
            for byte in bytes { value = min(value * 10 + Int(byte - UInt8(ascii: "0")), 1_000_000_000) }
            exponent += exponentNegative ? -value : value
        }
        while digits.last == UInt8(ascii: "0") {
            digits.removeLast()
            exponent += 1
        }
        self.negative = digits.isEmpty ? false : negative
        self.digits = digits
        self.exponent = digits.isEmpty ? 0 : exponent
    }
}
