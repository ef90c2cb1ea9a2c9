import Foundation
import SyncHealthWire
import Testing
import SyncHealthTestTraits

/// The Swift protobuf-c codecs against the reference implementation,
/// protoc, for every message of the API. See `Vector` and `VectorBatch`.
@Suite("Cross-implementation vectors", .offThePool)
struct CrossImplementationTests {
    static func fixtureVectors() -> [Vector] {
        ProtocolVectors.all + SyncVectors.all + HistoryVectors.all + InsightsVectors.all
            + IngestRetryVectors.ingest + IngestRetryVectors.retry + IngestRetryVectors.alerts + IngestRetryVectors.connector
    }

    static func allVectors() throws -> [Vector] {
        let snapshot = try ApiSnapshot.load()
        return fixtureVectors() + EmptyVectors.all + (try EnumVectors.all(snapshot)) + (try LargeVectors.all(snapshot))
    }

    /// The first line where `actual` differs from `expected`.
    static func firstDifference(_ expected: String, _ actual: String) -> String {
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(e.count, a.count) {
            let want = index < e.count ? String(e[index]) : "(end)"
            let got = index < a.count ? String(a[index]) : "(end)"
            if want != got { return "line \(index + 1): expected \(want.prefix(200)), got \(got.prefix(200))" }
        }
        return "no line differs"
    }

    @Test("Swift encodings decode with protoc --decode to the expected text")
    func swiftToProtoc() async throws {
        let batch = try VectorBatch(try Self.allVectors())
        defer { batch.close() }
        let texts = try await batch.decodeSwiftEncodings()
        for (vector, text) in zip(batch.ordered, texts) {
            let expected = try vector.expectedText()
            if text != expected {
                Issue.record("\(vector.name): protoc printed something else; \(Self.firstDifference(expected, text))")
            }
        }
    }

    @Test("protoc --encode of the expected text decodes in Swift to the expected value")
    func protocToSwift() async throws {
        let batch = try VectorBatch(try Self.allVectors())
        defer { batch.close() }
        let encodings = try await batch.encodeTexts()
        for (vector, bytes) in zip(batch.ordered, encodings) {
            if let problem = vector.mismatch(bytes) {
                Issue.record("\(vector.name): \(problem.prefix(3000))")
            }
        }
    }

    @Test("Swift encodes byte for byte as protoc does (fields in number order, repeated scalars packed)")
    func sameBytes() async throws {
        let batch = try VectorBatch(try Self.allVectors())
        defer { batch.close() }
        let encodings = try await batch.encodeTexts()
        for (vector, bytes) in zip(batch.ordered, encodings) {
            let swift = vector.swiftBytes()
            if swift != bytes {
                let at = zip(swift, bytes).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(swift.count, bytes.count)
                Issue.record("\(vector.name): Swift \(swift.count) bytes, protoc \(bytes.count); first difference at byte \(at)")
            }
        }
    }

    @Test("every message has an empty and a fixture vector; the fixtures set every field; no fixture is unused")
    func coverage() throws {
        let snapshot = try ApiSnapshot.load()
        let vectors = try Self.allVectors()
        let fixtures = Self.fixtureVectors()
        for (message, fields) in snapshot.messages {
            let type = String(message.dropFirst("synchealth.v1.".count))
            #expect(vectors.contains { $0.name == "\(type).empty" }, "\(type) has no empty vector")
            let own = fixtures.filter { $0.messageType == type }
            #expect(!own.isEmpty, "\(type) has no fixture vector")
            var set: Set<String> = []
            for vector in own {
                for line in try vector.expectedText().split(separator: "\n") where !line.hasPrefix(" ") && line != "}" {
                    set.insert(String(line.prefix { $0 != ":" && $0 != " " }))
                }
            }
            let unset = fields.map(\.name).filter { !set.contains($0) }
            #expect(unset.isEmpty, "\(type): no fixture sets \(unset)")
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: Vector.fixtureDir.path)
            .filter { $0.hasSuffix(".txtpb") }
            .map { String($0.dropLast(".txtpb".count)) }
        #expect(Set(files) == Set(fixtures.map(\.name)), "fixture files and fixture vectors differ")
        #expect(files.count == fixtures.count, "two vectors share a fixture name")
    }

    @Test("every enum's allKnown is exactly its values in proto/")
    func enumCoverage() throws {
        let snapshot = try ApiSnapshot.load()
        #expect(Set(EnumVectors.enums.map(\.protoName)) == Set(snapshot.enums.keys))
        for enumCase in EnumVectors.enums {
            let proto = snapshot.enums[enumCase.protoName]?.map(\.number) ?? []
            #expect(enumCase.numbers.sorted() == proto.sorted(), "\(enumCase.protoName)")
            #expect(Set(enumCase.numbers).count == enumCase.numbers.count, "\(enumCase.protoName) lists a value twice")
        }
    }
}
