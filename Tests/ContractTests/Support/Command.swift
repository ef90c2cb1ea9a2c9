import Foundation
import SyncHealthProcess

/// A required command-line tool is not installed. The contract tests fail
/// (never skip) on it: CI installs every tool they need.
struct MissingTool: Error, CustomStringConvertible {
    var name: String
    var package: String
    var description: String {
        "\(name) not found on PATH: install it (apt-get install \(package)); the contract tests need it and CI installs it"
    }
}

/// Finds and runs the tools the contract tests need, through the one
/// process runner (`ChildProcess`).
enum Command {
    /// The full path of `name` on PATH.
    static func find(_ name: String, package: String) throws -> String {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            let candidate = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        throw MissingTool(name: name, package: package)
    }

    static func protoc() throws -> String { try find("protoc", package: "protobuf-compiler") }
    static func protocC() throws -> String { try find("protoc-c", package: "protobuf-c-compiler") }

    /// Runs `executable` with `arguments` and `stdin`, in `directory`.
    static func run(_ executable: String, _ arguments: [String], stdin: [UInt8] = [], in directory: URL = Repo.root) async throws -> ChildProcess.Result {
        try await ChildProcess.run(executable, arguments, workingDirectory: directory.path, stdin: stdin)
    }
}
