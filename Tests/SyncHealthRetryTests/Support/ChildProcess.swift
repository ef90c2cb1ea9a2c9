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
