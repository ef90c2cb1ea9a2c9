import Foundation
import SyncHealthFuzzTargets
import Testing
import SyncHealthTestTraits

/// The committed libFuzzer corpus (tools/fuzz-corpus/frame) through the same
/// entry logic `tools/fuzz frame` runs, so every seed and every crash input
/// added there stays a regression test without running the fuzzer.
@Suite("Fuzz corpus: frames", .offThePool)
struct FrameFuzzCorpusTests {
    static let corpus = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("tools/fuzz-corpus/frame")

    @Test func everyCommittedInputKeepsTheInvariants() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.corpus.path).sorted()
        #expect(files.count >= 10)
        for file in files {
            let input = try [UInt8](Data(contentsOf: Self.corpus.appendingPathComponent(file)))
            do {
                try FrameFuzzTarget.run(input)
            } catch {
                Issue.record("\(file): \(error)")
            }
        }
    }

    @Test func theWorkedExampleDecodesToFrames() throws {
        let input = try [UInt8](Data(contentsOf: Self.corpus.appendingPathComponent("server-worked-example")))
        #expect(throws: Never.self) { try FrameFuzzTarget.run(input) }
        #expect(input.first == 0b110, "server role, 4 MiB frames")
    }
}
