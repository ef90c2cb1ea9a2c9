public import SyncHealthProcess
public import Foundation

/// This checkout's build products, for tests that run a real process
/// (signals, restarts, crash recovery, the CLI).
public enum BuildProducts {
    /// The package root, found from this file's path.
    public static var packageRoot: String {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }

    /// The path of `name` in the plain debug build folder. Under
    /// `tools/sanitize` the test bundle is built elsewhere and the processes
    /// it starts stay the ordinary build (a TSan-built daemon started by the
    /// TSan test bundle listened but refused every connection; issue 9 note).
    public static func path(_ name: String) -> String {
        "\(packageRoot)/.build/debug/\(name)"
    }

    /// The path of `name`, which must be built.
    /// - Throws: `ChildProcessError` naming how to build it.
    public static func require(_ name: String) throws -> String {
        let path = path(name)
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw ChildProcessError("\(path) is not built: run `swift build --build-tests` (tools/test does)")
        }
        return path
    }
}

extension ChildProcess {
    /// Starts the built product `name` (synchealthd, synchealth,
    /// synchealth-sandbox) with `arguments`; stdout is captured.
    public static func product(
        _ name: String,
        _ arguments: [String],
        workingDirectory: String? = nil,
        stdin: [UInt8] = [],
        stderr: Destination = .discard
    ) async throws -> ChildProcess {
        try await start(
            try BuildProducts.require(name), arguments, workingDirectory: workingDirectory, stdin: stdin,
            stdout: .capture, stderr: stderr)
    }
}
