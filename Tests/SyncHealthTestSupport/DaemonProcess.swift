public import Foundation

/// A built executable of this package (synchealthd, synchealth-sandbox) run as
/// a child process, for tests that need a real process: signals, restarts,
/// crash recovery.
public final class DaemonProcess: @unchecked Sendable {
    // @unchecked Sendable: `process` and the pipe are only touched from the
    // test that owns this object; the stdout lines are guarded by `lock`.
    public let process = Process()
    private let output = Pipe()
    private let lock = NSLock()
    private var lines: [String] = []
    private var partial = ""

    /// The package root, found from this file's path.
    public static var packageRoot: String {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }

    /// The path of a built product in the debug build folder.
    public static func productPath(_ name: String) -> String {
        "\(packageRoot)/.build/debug/\(name)"
    }

    /// Starts `product` with `arguments`; stderr goes to `stderrPath` (or is discarded).
    public init(product: String, arguments: [String], stderrPath: String? = nil) throws {
        let path = Self.productPath(product)
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw DaemonProcessError("\(path) is not built: run `swift build --build-tests` (tools/test does)")
        }
        process.executableURL = URL(fileURLWithPath: path)
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
            self.lock.lock()
            self.partial += String(decoding: data, as: UTF8.self)
            while let newline = self.partial.firstIndex(of: "\n") {
                self.lines.append(String(self.partial[..<newline]))
                self.partial = String(self.partial[self.partial.index(after: newline)...])
            }
            self.lock.unlock()
        }
        try process.run()
    }

    /// Lines printed on stdout so far.
    public var stdoutLines: [String] {
        lock.lock()
        defer { lock.unlock() }
        return lines
    }

    /// Waits until a stdout line contains `marker`; returns that line.
    public func waitForLine(containing marker: String, timeout: Duration = .seconds(120)) async throws -> String {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let line = stdoutLines.first(where: { $0.contains(marker) }) { return line }
            guard process.isRunning else { throw DaemonProcessError("process exited (status \(process.terminationStatus)) before printing '\(marker)'") }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw DaemonProcessError("no line containing '\(marker)' within \(timeout)")
    }

    /// The "host:port" from a "... listening on host:port" line.
    public func waitForListeningAddress() async throws -> String {
        let line = try await waitForLine(containing: "listening on ")
        guard let range = line.range(of: "listening on ") else { throw DaemonProcessError("odd line: \(line)") }
        return String(line[range.upperBound...]).trimmingCharacters(in: .whitespaces)
    }

    /// Sends `signal` to the process.
    public func send(_ signal: Int32) {
        kill(process.processIdentifier, signal)
    }

    /// Waits for the process to exit; returns its status, or nil on timeout.
    public func waitForExit(timeout: Duration = .seconds(60)) async -> Int32? {
        let deadline = ContinuousClock.now + timeout
        while process.isRunning && ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(20))
        }
        return process.isRunning ? nil : process.terminationStatus
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        output.fileHandleForReading.readabilityHandler = nil
    }
}

/// A child process did not behave.
public struct DaemonProcessError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
