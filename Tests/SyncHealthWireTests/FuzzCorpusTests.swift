import Foundation
import SyncHealthFuzzTargets
import SyncHealthWire
import Testing
import SyncHealthTestTraits

/// The committed libFuzzer corpus (tools/fuzz-corpus/messages) through the
/// same entry logic `tools/fuzz messages` runs, so every seed and every crash
/// input added there stays a regression test without running the fuzzer.
@Suite("Fuzz corpus: messages", .offThePool)
struct MessageFuzzCorpusTests {
    static let corpus = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("tools/fuzz-corpus/messages")

    @Test func everyCommittedInputKeepsTheInvariants() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.corpus.path).sorted()
        #expect(files.count >= MessageFuzzTarget.codecs.count)
        for file in files {
            let input = try [UInt8](Data(contentsOf: Self.corpus.appendingPathComponent(file)))
            do {
                try MessageFuzzTarget.run(input)
            } catch {
                Issue.record("\(file): \(error)")
            }
        }
    }

    @Test func theFuzzTargetCoversEveryMessage() {
        #expect(Set(MessageFuzzTarget.codecs.map(\.protoName)) == Set(allMessages.map(\.protoName)))
        #expect(MessageFuzzTarget.codecs.count == allMessages.count, "no duplicates")
    }

    @Test func seedNamesMatchTheTypeTheirFirstByteSelects() throws {
        // "08-Sync.full" must start with byte 8 and codecs[8] must be Sync.
        for file in try FileManager.default.contentsOfDirectory(atPath: Self.corpus.path) {
            guard let index = Int(file.prefix(2)), file.dropFirst(2).first == "-" else { continue }
            let input = try [UInt8](Data(contentsOf: Self.corpus.appendingPathComponent(file)))
            #expect(input.first.map(Int.init) == index, "\(file)")
            let type = file.dropFirst(3).prefix { $0 != "." }
            #expect(MessageFuzzTarget.codecs[index].protoName == "synchealth.v1.\(type)", "\(file)")
        }
    }
}
