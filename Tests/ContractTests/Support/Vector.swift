import Foundation
import SyncHealthWire

/// One cross-implementation test vector: a Swift value and the protobuf text
/// format that `protoc` must agree it is.
///
/// Checked both ways: the Swift encoding, decoded by `protoc --decode`, must
/// print exactly `text`; and `protoc --encode` of `text`, decoded in Swift,
/// must equal the value.
struct Vector: Sendable, CustomStringConvertible {
    enum Text: Sendable {
        /// Tests/ContractTests/Fixtures/vectors/<name>.txtpb, in protoc's
        /// canonical form; `#` lines are comments.
        case fixture
        /// Built by the test (empty messages, every enum value, large repeats).
        case inline(String)
    }

    /// "<Message>.<case>", also the fixture's file name without extension.
    let name: String
    /// The message name without package, e.g. "Sync".
    let messageType: String
    let source: Text
    /// The value's Swift encoding.
    let swiftBytes: @Sendable () -> [UInt8]
    /// Decodes bytes in Swift; nil when they decode to the expected value,
    /// else what went wrong.
    let mismatch: @Sendable ([UInt8]) -> String?

    var description: String { name }
    var fullType: String { "synchealth.v1." + messageType }

    init<M: WireMessage>(_ caseName: String, _ value: M, text: String? = nil) {
        let type = String(describing: M.self)
        messageType = type
        name = "\(type).\(caseName)"
        source = text.map(Text.inline) ?? .fixture
        swiftBytes = { value.serializedBytes() }
        mismatch = { bytes in
            do {
                let decoded = try M(serializedBytes: bytes)
                return decoded == value ? nil : "decoded \(decoded)\n  expected \(value)"
            } catch {
                return "Swift decoding threw \(error)"
            }
        }
    }

    static let fixtureDir = Repo.fixtures.appendingPathComponent("vectors")

    var fixtureURL: URL { Self.fixtureDir.appendingPathComponent(name + ".txtpb") }

    /// The text as written: comments included, for `protoc --encode`.
    func rawText() throws -> String {
        switch source {
        case .fixture: return try Repo.read(fixtureURL)
        case .inline(let text): return text
        }
    }

    /// The text as `protoc --decode` prints it: comment lines dropped.
    func expectedText() throws -> String {
        try rawText()
            .split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("#") }
            .joined(separator: "\n")
    }
}
