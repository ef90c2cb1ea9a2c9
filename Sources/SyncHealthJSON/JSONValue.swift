/// A JSON value: the one JSON type of SyncHealth. Parsed (`JSONParser`) it
/// keeps what a configuration diff shows, object members in document order
/// and numbers as written; built (`--format json` output) it renders
/// deterministically, members in the order given.
public indirect enum JSONValue: Sendable, Hashable {
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
    public typealias Member = (key: String, value: JSONValue)

    /// An integer.
    public static func int(_ value: Int64) -> JSONValue { .number(String(value)) }

    /// A double; not a number or an infinity (which JSON cannot carry) is null.
    public static func double(_ value: Double) -> JSONValue { value.isFinite ? .number(String(value)) : .null }

    /// The same text, member for member (not `sameValue`).
    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool { lhs.compactText == rhs.compactText }
    public func hash(into hasher: inout Hasher) { hasher.combine(compactText) }

    /// The kind of value, for telling a changed type apart.
    public var kind: Int {
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
    public func sameValue(as other: JSONValue) -> Bool {
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
    public var lastMembers: [String: JSONValue] {
        guard case .object(let members) = self else { return [:] }
        var result: [String: JSONValue] = [:]
        for member in members { result[member.key] = member.value }
        return result
    }

    /// Compact JSON text: no spaces, members in order, numbers as written.
    public var compactText: String { rendered(indent: 0) }

    /// The value as JSON text; `indent` spaces per level, 0 for one line
    /// without spaces.
    public func rendered(indent: Int = 2) -> String {
        var out = ""
        write(to: &out, indent: indent, level: 0)
        return out
    }

    private func write(to out: inout String, indent: Int, level: Int) {
        let newline = indent > 0 ? "\n" : ""
        let pad = String(repeating: " ", count: indent * (level + 1))
        let closePad = String(repeating: " ", count: indent * level)
        switch self {
        case .null: out += "null"
        case .bool(let value): out += value ? "true" : "false"
        case .number(let value): out += value
        case .string(let value): Self.writeString(value, to: &out)
        case .array(let values):
            if values.isEmpty { out += "[]"; return }
            out += "[" + newline
            for (index, value) in values.enumerated() {
                out += pad
                value.write(to: &out, indent: indent, level: level + 1)
                out += (index < values.count - 1 ? "," : "") + newline
            }
            out += closePad + "]"
        case .object(let members):
            if members.isEmpty { out += "{}"; return }
            out += "{" + newline
            for (index, member) in members.enumerated() {
                out += pad
                Self.writeString(member.key, to: &out)
                out += indent > 0 ? ": " : ":"
                member.value.write(to: &out, indent: indent, level: level + 1)
                out += (index < members.count - 1 ? "," : "") + newline
            }
            out += closePad + "}"
        }
    }

    /// `text` as a JSON string literal.
    public static func quote(_ text: String) -> String {
        var out = ""
        writeString(text, to: &out)
        return out
    }

    /// Appends `value` as a JSON string literal: quotes, backslashes and
    /// control characters escaped, everything else as it is.
    public static func writeString(_ value: String, to text: inout String) {
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
