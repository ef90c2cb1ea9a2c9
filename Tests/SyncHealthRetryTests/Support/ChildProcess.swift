import SyncHealthTestSupport
import Foundation
import SyncHealthConcurrency

/// A program started for a test, its stdout collected as it comes.
final class ChildProcess: Sendable {
    // Foundation's Process is not Sendable; it is only touched through the
    // lock below, so one thread at a time uses it.
    private let process: Locked<Process>
    private let output = Collected()
    let name: String
    let pid: Int32

    /// Starts `executable` with `arguments`; stderr goes to `stderrPath`.
    init(_ executable: String, _ arguments: [String], stderrPath: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let stdout = Pipe()
        process.standardOutput = stdout
        _ = FileManager.default.createFile(atPath: stderrPath, contents: nil)
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: stderrPath))
        name = URL(fileURLWithPath: executable).lastPathComponent
        let output = output
        stdout.fileHandleForReading.readabilityHandler = { handle in
            let data = handle.availableData
            if data.isEmpty {
                handle.readabilityHandler = nil
            } else {
                output.text.withLock { $0 += String(decoding: data, as: UTF8.self) }
            }
        }
        try process.run()
        pid = process.processIdentifier
        self.process = Locked(process)
    }

    /// Waits for a stdout line starting with `prefix`; returns the rest of it.
    func waitForLine(startingWith prefix: String, seconds: Double = 30) async -> String? {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            let found = output.text.withLock { text in
                text.split(separator: "\n").first { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }
            }
            if let found { return found }
            if !isRunning { return nil }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return nil
    }

    /// The port at the end of a "... listening on HOST:PORT" line.
    func waitForPort(_ prefix: String) async -> UInt16? {
        await waitForLine(startingWith: prefix).flatMap { $0.split(separator: ":").last.flatMap { UInt16($0) } }
    }

    var isRunning: Bool { process.withLock { $0.isRunning } }

    /// The exit status once the process has exited; nil while it runs.
    var exitStatus: Int32? { process.withLock { $0.isRunning ? nil : $0.terminationStatus } }

    /// Waits (without blocking a thread) up to `seconds` for the process to
    /// exit by itself; returns its status, or nil when it is still running.
    func waitForExit(seconds: Double = 30) async -> Int32? {
        let deadline = Date().addingTimeInterval(seconds)
        while isRunning && Date() < deadline {
            try? await Task.sleep(for: .milliseconds(10))
        }
        return exitStatus
    }

    /// Sends `signal` and waits for the process to exit. Blocks: meant for
    /// SIGKILL (and `defer` clean-up), after which the exit is immediate.
    func stop(signal: Int32 = SIGKILL, wait: Bool = true) {
        guard isRunning else { return }
        kill(pid, signal)
        if wait { process.withLock { $0.waitUntilExit() } }
    }

    /// SIGTERM, then waits (without blocking a thread) for a graceful exit;
    /// SIGKILL after `seconds`.
    func terminate(seconds: Double = 20) async {
        guard isRunning else { return }
        kill(pid, SIGTERM)
        let deadline = Date().addingTimeInterval(seconds)
        while isRunning && Date() < deadline {
            try? await Task.sleep(for: .milliseconds(20))
        }
        stop(signal: SIGKILL)
    }

    deinit {
        stop(signal: SIGKILL)
    }
}

/// A child's stdout so far.
private final class Collected: Sendable {
    let text = Locked("")
}

/// Where this checkout's build products are.
enum BuildProducts {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `.build/debug/<name>`, or nil when it has not been built.
    static func executable(_ name: String) -> String? {
        let path = repositoryRoot.appendingPathComponent(".build/debug/\(name)").path
        return FileManager.default.isExecutableFile(atPath: path) ? path : nil
    }
}

/// What the retry tests that run real processes start with: the built
/// synchealthd, a temporary directory with a database path, and a running
/// synchealth-sandbox that logs every delivery.
struct SandboxRun {
    let daemon: String
    let directory: TemporaryDirectory
    let database: String
    let deliveries: String
    let sandbox: ChildProcess
    let sandboxPort: UInt16

    /// Starts the sandbox with `sandboxArguments` (besides its address and
    /// deliveries log). Throws when synchealthd or synchealth-sandbox is not built.
    static func start(prefix: String, sandboxArguments: [String]) async throws -> SandboxRun {
        guard let daemon = BuildProducts.executable("synchealthd"),
              let sandboxBinary = BuildProducts.executable("synchealth-sandbox")
        else {
            throw ChildProcessError("build synchealthd and synchealth-sandbox first (swift build --build-tests)")
        }
        let directory = TemporaryDirectory(prefix: prefix)
        let deliveries = directory.file("deliveries.log")
        let sandbox = try ChildProcess(
            sandboxBinary, ["--listen", "127.0.0.1:0", "--deliveries-log", deliveries] + sandboxArguments,
            stderrPath: directory.file("sandbox.err"))
        guard let port = await sandbox.waitForPort("synchealth-sandbox listening on ") else {
            sandbox.stop()
            throw ChildProcessError("synchealth-sandbox did not start")
        }
        return SandboxRun(
            daemon: daemon, directory: directory, database: directory.file("synchealth.sqlite"),
            deliveries: deliveries, sandbox: sandbox, sandboxPort: port)
    }
}

/// A test's child process could not be started.
struct ChildProcessError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
