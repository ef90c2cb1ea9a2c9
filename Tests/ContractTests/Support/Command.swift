import Foundation

/// A required command-line tool is not installed. The contract tests fail
/// (never skip) on it: CI installs every tool they need.
struct MissingTool: Error, CustomStringConvertible {
    var name: String
    var package: String
    var description: String {
        "\(name) not found on PATH: install it (apt-get install \(package)); the contract tests need it and CI installs it"
    }
}

/// What a finished command produced.
struct CommandResult {
    var status: Int32
    var stdout: [UInt8]
    var stderr: String

    var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
    /// stdout and stderr, for failure messages.
    var output: String { stdoutText + stderr }
}

/// Runs tools through Foundation's `Process`. Output goes to temporary files,
/// not pipes, so a chatty tool cannot fill a pipe and deadlock.
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
    static func run(_ executable: String, _ arguments: [String], stdin: [UInt8] = [], in directory: URL = Repo.root) throws -> CommandResult {
        let scratch = try Repo.temporaryDirectory()
        defer { Repo.removeTemporary(scratch) }
        let input = scratch.appendingPathComponent("stdin")
        let output = scratch.appendingPathComponent("stdout")
        let errors = scratch.appendingPathComponent("stderr")
        try Data(stdin).write(to: input)
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let inHandle = try FileHandle(forReadingFrom: input)
        let outHandle = try FileHandle(forWritingTo: output)
        let errHandle = try FileHandle(forWritingTo: errors)
        defer {
            try? inHandle.close()
            try? outHandle.close()
            try? errHandle.close()
        }
        process.standardInput = inHandle
        process.standardOutput = outHandle
        process.standardError = errHandle
        try process.run()
        process.waitUntilExit()
        return CommandResult(
            status: process.terminationStatus,
            stdout: Array(try Data(contentsOf: output)),
            stderr: String(decoding: try Data(contentsOf: errors), as: UTF8.self)
        )
    }
}
