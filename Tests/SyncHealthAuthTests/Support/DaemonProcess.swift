import Foundation
import SyncHealthTestSupport

/// The built `synchealthd` run as a child process, its output in files
/// (not pipes, so a chatty daemon cannot block on a full pipe).
final class DaemonProcess {
    let process = Process()
    let directory: TemporaryDirectory
    private let stdoutPath: String
    private let stderrPath: String

    /// The plain debug `synchealthd` (`.build/debug`), as every test that
    /// starts a daemon uses: under `tools/sanitize` the test bundle is built
    /// elsewhere, and the daemon it starts stays the ordinary build (a
    /// TSan-built daemon started by the TSan test bundle listened but refused
    /// every connection; see the issue 9 note).
    static var executable: String {
        SyncHealthTestSupport.DaemonProcess.productPath("synchealthd")
    }

    /// Why the executable cannot be run, or nil. `swift test` builds and
    /// relinks it with every other product before running tests.
    static func missing() -> String? {
        FileManager.default.isExecutableFile(atPath: executable)
            ? nil : "\(executable) is missing: run 'swift build --product synchealthd'"
    }

    /// Starts `synchealthd arguments` in `directory` with `stdin` as input.
    init(_ arguments: [String], in directory: TemporaryDirectory, stdin: String = "") throws {
        self.directory = directory
        stdoutPath = directory.file("stdout-\(UUID().uuidString)")
        stderrPath = directory.file("stderr-\(UUID().uuidString)")
        let stdinPath = directory.file("stdin-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: stdoutPath, contents: nil)
        _ = FileManager.default.createFile(atPath: stderrPath, contents: nil)
        _ = FileManager.default.createFile(atPath: stdinPath, contents: Data(stdin.utf8))
        process.executableURL = URL(fileURLWithPath: Self.executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory.path)
        process.standardInput = try FileHandle(forReadingFrom: URL(fileURLWithPath: stdinPath))
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: stdoutPath))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: stderrPath))
        try process.run()
    }

    var stdout: String { (try? String(contentsOfFile: stdoutPath, encoding: .utf8)) ?? "" }
    var stderr: String { (try? String(contentsOfFile: stderrPath, encoding: .utf8)) ?? "" }

    /// Waits for the process to exit; returns its status.
    func waitForExit() -> Int32 {
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Waits until stdout has a line starting with `prefix`, or the deadline.
    /// - Returns: that line, or nil.
    func waitForLine(startingWith prefix: String, timeout: Duration = .seconds(60)) async -> String? {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let line = stdout.split(separator: "\n").first(where: { $0.hasPrefix(prefix) }) { return String(line) }
            if !process.isRunning { return nil }
            try? await Task.sleep(for: .milliseconds(50))
        }
        return nil
    }

    /// SIGTERM (graceful shutdown) and wait.
    func stop() {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
    }

    deinit { stop() }
}
