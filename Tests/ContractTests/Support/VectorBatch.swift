import Foundation

/// Runs many vectors through one `protoc` call each way, so the whole set
/// costs two process launches instead of hundreds.
///
/// A generated `contract.Vectors` message has one repeated field per message
/// type (`repeated synchealth.v1.Sync v7 = 7;`). protoc prints and encodes
/// fields in number order and keeps the order of repeated elements, so the
/// i-th element out is the i-th vector in `ordered`.
struct VectorBatch {
    /// The vectors grouped by message type, in field order.
    let ordered: [Vector]
    private let fieldNumbers: [String: Int]
    private let protoc: Protoc
    private let dir: URL

    init(_ vectors: [Vector]) throws {
        let types = Set(vectors.map(\.messageType)).sorted()
        var numbers: [String: Int] = [:]
        for (index, type) in types.enumerated() { numbers[type] = index + 1 }
        fieldNumbers = numbers
        ordered = vectors.enumerated()
            .sorted { (numbers[$0.element.messageType] ?? 0, $0.offset) < (numbers[$1.element.messageType] ?? 0, $1.offset) }
            .map(\.element)

        dir = try Repo.temporaryDirectory()
        var proto = "syntax = \"proto3\";\npackage contract;\n"
        for file in try Repo.protoFiles() { proto += "import \"\(file)\";\n" }
        proto += "message Vectors {\n"
        for type in types { proto += "  repeated synchealth.v1.\(type) v\(numbers[type] ?? 0) = \(numbers[type] ?? 0);\n" }
        proto += "}\n"
        try proto.write(to: dir.appendingPathComponent("vectors.proto"), atomically: true, encoding: .utf8)
        protoc = Protoc(includeDirs: [dir, Repo.protoDir], files: ["vectors.proto"])
    }

    /// Removes the generated proto.
    func close() { Repo.removeTemporary(dir) }

    /// protoc's text for each vector's Swift encoding, in `ordered` order.
    func decodeSwiftEncodings() async throws -> [String] {
        var container: [UInt8] = []
        for vector in ordered {
            appendField(fieldNumbers[vector.messageType] ?? 0, vector.swiftBytes(), to: &container)
        }
        let text: String
        do {
            text = try await protoc.decode("contract.Vectors", container)
        } catch {
            throw BatchError(text: "protoc rejected the batch (\(error)); culprits: \(await culprits())")
        }
        return try splitText(text)
    }

    /// protoc's encoding of each vector's text, in `ordered` order.
    func encodeTexts() async throws -> [[UInt8]] {
        var text = ""
        for vector in ordered {
            text += "v\(fieldNumbers[vector.messageType] ?? 0) {\n\(try vector.rawText())\n}\n"
        }
        let bytes = try await protoc.encode("contract.Vectors", text)
        var elements: [[UInt8]] = []
        var reader = ByteReader(bytes: bytes)
        while !reader.atEnd {
            let key = try reader.varint()
            guard key & 7 == 2 else { throw BatchError(text: "unexpected wire type in protoc output") }
            let length = Int(try reader.varint())
            elements.append(try reader.take(length))
        }
        guard elements.count == ordered.count else {
            throw BatchError(text: "protoc returned \(elements.count) elements for \(ordered.count) vectors")
        }
        return elements
    }

    /// Splits `v3 {` ... `}` blocks back into per-vector text, unindented.
    private func splitText(_ text: String) throws -> [String] {
        var blocks: [String] = []
        var current: [Substring]?
        for line in text.split(separator: "\n") {
            if current == nil, line.hasPrefix("v"), line.hasSuffix(" {") {
                current = []
            } else if line == "}", let lines = current {
                blocks.append(lines.map { $0 + "\n" }.joined())
                current = nil
            } else if current != nil {
                current?.append(line.dropFirst(2))
            } else {
                throw BatchError(text: "unexpected line in protoc output: \(line)")
            }
        }
        guard blocks.count == ordered.count else {
            throw BatchError(text: "protoc printed \(blocks.count) elements for \(ordered.count) vectors")
        }
        return blocks
    }

    /// The vectors whose Swift encoding protoc cannot decode on its own.
    private func culprits() async -> [String] {
        var names: [String] = []
        for vector in ordered where (try? await protoc.decode(vector.fullType, vector.swiftBytes())) == nil {
            names.append(vector.name)
        }
        return names
    }

    private func appendField(_ number: Int, _ bytes: [UInt8], to out: inout [UInt8]) {
        appendVarint(UInt64(number << 3 | 2), to: &out)
        appendVarint(UInt64(bytes.count), to: &out)
        out += bytes
    }

    private func appendVarint(_ value: UInt64, to out: inout [UInt8]) {
        var v = value
        while v >= 0x80 {
            out.append(UInt8(v & 0x7F) | 0x80)
            v >>= 7
        }
        out.append(UInt8(v))
    }
}

/// Reads varints and byte runs off protoc's output.
private struct ByteReader {
    let bytes: [UInt8]
    var index = 0

    var atEnd: Bool { index >= bytes.count }

    mutating func varint() throws -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while index < bytes.count, shift < 64 {
            let byte = bytes[index]
            index += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
        throw BatchError(text: "truncated varint in protoc output")
    }

    mutating func take(_ count: Int) throws -> [UInt8] {
        guard count >= 0, count <= bytes.count - index else { throw BatchError(text: "length past the end of protoc output") }
        defer { index += count }
        return Array(bytes[index..<index + count])
    }
}

struct BatchError: Error, CustomStringConvertible {
    var text: String
    var description: String { text }
}
