import Foundation

/// synchealthd run as a child process on a loopback port, so the benchmark
/// can read its RSS and CPU time from /proc.
public final class ServerProcess: @unchecked Sendable {
    // @unchecked Sendable: `process` is only touched by the owner (start,
    // stop); the stdout text is guarded by `lock`.
    private let process = Process()
    private let output = Pipe()
    private let lock = NSLock()
    private var text = ""

    /// "host:port" the server listens on.
    public private(set) var target = ""
    /// The server's process id.
    public var pid: Int32 { process.processIdentifier }

    /// Starts `executable` on 127.0.0.1 (any free port) serving `database`,
    /// without auth, logging warnings only; waits for its "listening on" line.
    public convenience init(
        executable: String, database: String, maxConnections: Int = 2_000, extraArguments: [String] = [], stderrPath: String? = nil
    ) async throws {
        try await self.init(executable: executable, arguments: [
            "--listen", "127.0.0.1:0", "--database", database, "--no-auth",
            "--log-level", "warning", "--max-connections", String(maxConnections),
        ] + extraArguments, stderrPath: stderrPath)
    }

    /// Starts `executable` with `arguments` (which must make it print
    /// "... listening on HOST:PORT"), e.g. synchealth-sandbox; waits for that line.
    public init(executable: String, arguments: [String], stderrPath: String? = nil) async throws {
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = output
        if let stderrPath {
            _ = FileManager.default.createFile(atPath: stderrPath, contents: nil)
            process.standardError = FileHandle(forWritingAtPath: stderrPath)
        } else {
            process.standardError = FileHandle.nullDevice
        }
        output.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            guard let self, !data.isEmpty else { return }
            self.lock.withLock { self.text += String(decoding: data, as: UTF8.self) }
        }
        try process.run()
        let deadline = ContinuousClock.now + .seconds(300)  // migrations of a big file can take a while
        while ContinuousClock.now < deadline {
            let seen = lock.withLock { text }
            if let range = seen.range(of: "listening on ") {
                let rest = seen[range.upperBound...]
                if let end = rest.firstIndex(of: "\n") {
                    target = String(rest[..<end]).trimmingCharacters(in: .whitespaces)
                    return
                }
            }
            guard process.isRunning else { throw BenchError("\(executable) exited with status \(process.terminationStatus) before listening") }
            try await Task.sleep(for: .milliseconds(20))
        }
        stop()
        throw BenchError("\(executable) did not print its address within 300 s")
    }

    /// RSS and CPU time now; nil once the process has exited.
    public var stats: ProcessStats? { ProcessStats.read(pid: pid) }

    /// SIGTERM, then waits (bounded) for the graceful drain; SIGKILL after 30 s.
    public func stop() {
        guard process.isRunning else { return }
        process.terminate()
        let deadline = Date().addingTimeInterval(30)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    deinit { stop() }
}

/// A benchmark set-up failure.
public struct BenchError: Error, CustomStringConvertible {
    /// What went wrong.
    public var description: String
    /// Creates the error.
    public init(_ description: String) { self.description = description }
}
