/// A parsed JSON value, keeping what a configuration diff shows: object
/// members in document order and numbers as written.
package enum JSONValue: Sendable {
    case null
    case bool(Bool)
    /// The number's text as written, e.g. "31.20".
    case number(String)
    case string(String)
    case array([JSONValue])
    /// Members in document order; a repeated key keeps every occurrence
    /// here, and the last one counts (`lastMembers`).
    case object([Member])

    /// One object member.
    package struct Member: Sendable {
        package var key: String
        package var value: JSONValue
    }

    /// The kind of value, for telling a changed type apart.
    package var kind: Int {
        switch self {
        case .null: return 0
        case .bool: return 1
        case .number: return 2
        case .string: return 3
        case .array: return 4
        case .object: return 5
        }
    }

    /// Same JSON value: numbers by their decimal value (1.50 == 1.5 ==
    /// 15e-1), objects by key regardless of order.
    package func sameValue(as other: JSONValue) -> Bool {
        switch (self, other) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.number(let a), .number(let b)): return a == b || JSONNumber(a) == JSONNumber(b)
        case (.string(let a), .string(let b)): return a == b
        case (.array(let a), .array(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.sameValue(as: $1) }
        case (.object, .object):
            let a = lastMembers
            let b = other.lastMembers
            guard a.count == b.count else { return false }
            return a.allSatisfy { key, value in b[key].map { value.sameValue(as: $0) } ?? false }
        default:
            return false
        }
    }

    /// An object's members by key, the last occurrence of a repeated key winning.
    package var lastMembers: [String: JSONValue] {
        guard case .object(let members) = self else { return [:] }
        var result: [String: JSONValue] = [:]
        for member in members { result[member.key] = member.value }
        return result
    }

    /// Compact JSON text: no spaces, members in document order, numbers as written.
    package var compactText: String {
        var text = ""
        write(to: &text)
        return text
    }

    private func write(to text: inout String) {
        switch self {
        case .null: text += "null"
        case .bool(let value): text += value ? "true" : "false"
        case .number(let value): text += value
        case .string(let value): JSONValue.writeString(value, to: &text)
        case .array(let elements):
            text += "["
            for (index, element) in elements.enumerated() {
                if index > 0 { text += "," }
                element.write(to: &text)
            }
            text += "]"
        case .object(let members):
            text += "{"
            for (index, member) in members.enumerated() {
                if index > 0 { text += "," }
                JSONValue.writeString(member.key, to: &text)
                text += ":"
                member.value.write(to: &text)
            }
            text += "}"
        }
    }

    /// `value` as a JSON string literal: quotes, backslashes and control
    /// characters escaped, everything else as it is.
    package static func writeString(_ value: String, to text: inout String) {
        text += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    text.unicodeScalars.append(scalar)
                }
            }
        }
        text += "\""
    }
}

/// A JSON number's exact decimal value, for comparing numbers written
/// differently: sign, significant digits (no leading or trailing zeros) and
/// the power of ten of the last digit. Zero has no digits and no sign.
package struct JSONNumber: Equatable {
    package var negative: Bool
    package var digits: [UInt8]
    package var exponent: Int

    /// Reads a number in JSON's grammar (the parser checked it).
    package init(_ text: String) {
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
