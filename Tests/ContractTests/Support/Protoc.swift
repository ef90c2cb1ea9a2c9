import Foundation
import SyncHealthProcess
import Testing

/// The reference protobuf implementation, `protoc`, as an oracle: text
/// format to binary and back for the API's messages.
struct Protoc {
    /// Where imports resolve: the repository's proto/ plus any extra directory.
    var includeDirs: [URL] = [Repo.protoDir]
    /// Files to load, relative to an include directory.
    var files: [String]

    /// protoc over every file in proto/.
    static func api() throws -> Protoc {
        Protoc(files: try Repo.protoFiles())
    }

    private var baseArguments: [String] {
        includeDirs.map { "-I" + $0.path } + files
    }

    /// `protoc --encode=<type>`: text format in, binary out.
    func encode(_ type: String, _ text: String) async throws -> [UInt8] {
        let result = try await Command.run(try Command.protoc(), ["--encode=" + type] + baseArguments, stdin: Array(text.utf8))
        guard result.exit == .exited(0) else { throw ProtocFailed(command: "--encode=\(type)", result: result) }
        return result.stdoutBytes
    }

    /// `protoc --decode=<type>`: binary in, text format out.
    func decode(_ type: String, _ bytes: [UInt8]) async throws -> String {
        let result = try await Command.run(try Command.protoc(), ["--decode=" + type] + baseArguments, stdin: bytes)
        guard result.exit == .exited(0) else { throw ProtocFailed(command: "--decode=\(type)", result: result) }
        return result.stdout
    }
}

/// protoc exited non-zero.
struct ProtocFailed: Error, CustomStringConvertible {
    var command: String
    var result: ChildProcess.Result
    var description: String { "protoc \(command) ended (\(result.exit)): \(result.stderr)" }
}
