import Foundation

/// proto/api-snapshot.txt, parsed: the API as the tests see it. The
/// snapshot is checked against protoc's view of proto/ by ApiCompatibilityTests.
struct ApiSnapshot: Sendable {
    struct Field: Hashable, Sendable {
        var number: Int
        var name: String
        /// A scalar name ("int64") or a full type name ("synchealth.v1.Sync").
        var type: String
        var label: String
    }

    struct Method: Hashable, Sendable {
        var service: String
        var name: String
        var request: String
        var response: String
        /// "/synchealth.v1.Service/Method".
        var path: String { "/\(service)/\(name)" }
    }

    /// Fields by full message name.
    var messages: [String: [Field]] = [:]
    /// (number, name) values by full enum name, in number order.
    var enums: [String: [(number: Int32, name: String)]] = [:]
    var methods: [Method] = []

    static func load() throws -> ApiSnapshot {
        try parse(try Repo.read(Repo.snapshot))
    }

    static func parse(_ text: String) throws -> ApiSnapshot {
        var snapshot = ApiSnapshot()
        var kind = ""
        var name = ""
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let words = line.split(separator: " ").map(String.init)
            guard let first = words.first else { continue }
            if !line.hasPrefix(" ") {
                guard words.count == 2 else { throw SnapshotError(line: String(line)) }
                (kind, name) = (first, words[1])
                if kind == "message" { snapshot.messages[name] = [] }
                if kind == "enum" { snapshot.enums[name] = [] }
                continue
            }
            switch (kind, first) {
            case ("message", "field"):
                guard words.count >= 5, let number = Int(words[1]) else { throw SnapshotError(line: String(line)) }
                snapshot.messages[name, default: []].append(Field(number: number, name: words[2], type: words[3], label: words[4]))
            case ("enum", "value"):
                guard words.count == 3, let number = Int32(words[1]) else { throw SnapshotError(line: String(line)) }
                snapshot.enums[name, default: []].append((number, words[2]))
            case ("service", "rpc"):
                guard words.count >= 4 else { throw SnapshotError(line: String(line)) }
                snapshot.methods.append(Method(service: name, name: words[1], request: words[2], response: words[3]))
            case (_, "reserved"), (_, "reserved-name"):
                continue
            default:
                throw SnapshotError(line: String(line))
            }
        }
        return snapshot
    }

    /// The proto name of `number` in enum `name` ("synchealth.v1.Product").
    func enumValueName(_ name: String, _ number: Int32) -> String? {
        enums[name]?.first { $0.number == number }?.name
    }
}

struct SnapshotError: Error, CustomStringConvertible {
    var line: String
    var description: String { "cannot parse api-snapshot.txt line: \(line)" }
}
