import Foundation
import Testing
import SyncHealthTestTraits

/// proto/ must compile with the reference compiler and with protoc-c, and the
/// committed C must be what protoc-c makes of it today.
@Suite("proto/ compiles", .offThePool)
struct ProtoCompileTests {
    @Test("protoc builds a descriptor set of every file, imports included")
    func referenceCompiler() async throws {
        let out = try Repo.temporaryDirectory()
        defer { Repo.removeTemporary(out) }
        let files = try Repo.protoFiles()
        #expect(files.count == 8)
        let set = out.appendingPathComponent("api.pb")
        let result = try await Command.run(try Command.protoc(), [
            "-I" + Repo.protoDir.path, "--include_imports", "--descriptor_set_out=" + set.path,
        ] + files)
        #expect(result.exit == .exited(0), "\(result.stderr)")

        // Every file is in the set, as a FileDescriptorProto named for it.
        let text = try await Protoc(includeDirs: [], files: ["google/protobuf/descriptor.proto"])
            .decode("google.protobuf.FileDescriptorSet", Array(try Data(contentsOf: set)))
        for file in files {
            #expect(text.contains("name: \"\(file)\""), "\(file) missing from the descriptor set")
        }
        #expect(text.contains("package: \"synchealth.v1\""))
        #expect(!text.contains("syntax: \"proto2\""))
    }

    @Test("protoc-c compiles every file")
    func protobufC() async throws {
        let out = try Repo.temporaryDirectory()
        defer { Repo.removeTemporary(out) }
        let files = try Repo.protoFiles()
        let result = try await Command.run(try Command.protocC(), ["-I" + Repo.protoDir.path, "--c_out=" + out.path] + files)
        #expect(result.exit == .exited(0), "\(result.stderr)")
        for file in files {
            let stem = String(file.dropLast(".proto".count))
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(stem + ".pb-c.c").path))
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(stem + ".pb-c.h").path))
        }
    }

    @Test("the committed protoc-c output is not stale (tools/generate-proto --check)")
    func generatedCIsCurrent() async throws {
        _ = try Command.protocC()
        let result = try await Command.run(Repo.root.appendingPathComponent("tools/generate-proto").path, ["--check"])
        #expect(result.exit == .exited(0), "run tools/generate-proto: \(result.output)")
    }

    @Test("no message refers to itself, directly or through others (protobuf-c has no depth limit)")
    func noRecursiveMessages() throws {
        let snapshot = try ApiSnapshot.load()
        for message in snapshot.messages.keys {
            var seen: Set<String> = []
            var queue = [message]
            while let next = queue.popLast() {
                for field in snapshot.messages[next] ?? [] where snapshot.messages[field.type] != nil {
                    #expect(field.type != message, "\(message) reaches itself through \(next).\(field.name)")
                    if seen.insert(field.type).inserted { queue.append(field.type) }
                }
            }
        }
    }
}
