internal import Foundation
internal import Glibc
internal import Subprocess
internal import SystemPackage
internal import SyncHealthConcurrency

/// A program run as a child process: the one process runner of the tests,
/// the benchmark and the tools, on swift-subprocess (spawned with
/// posix_spawn, reaped through a pidfd on its own monitor thread).
///
/// Every stream is a file, never a pipe, so a chatty child can never block
/// on a full pipe and a grandchild that keeps the stream open (pg_ctl's
/// server) cannot hold a reader forever. Nothing here blocks a thread:
/// waiting is `async` and polls state the monitor publishes.
public final class ChildProcess: Sendable {
    /// How a child ended.
    public enum Exit: Sendable, Hashable, CustomStringConvertible {
        /// It called exit with this code.
        case exited(Int32)
        /// A signal ended it.
        case signalled(Int32)

        /// The exit code, or nil when a signal ended it.
        public var code: Int32? {
            if case .exited(let code) = self { code } else { nil }
        }

        public var description: String {
            switch self {
            case .exited(let code): "exit \(code)"
            case .signalled(let signal): "signal \(signal)"
            }
        }
    }

    /// Where a child's stdout or stderr goes.
    public enum Destination: Sendable {
        /// Nowhere (/dev/null).
        case discard
        /// Into a file this object owns and deletes; read it with `stdout`/`stderr`.
        case capture
        /// Into the file at this path (created or truncated), kept afterwards.
        case file(String)
    }

    /// The executable's file name, for messages.
    public let name: String
    /// The child's process id.
    public let pid: Int32
    private let stdoutPath: String?
    private let stderrPath: String?
    private let ownedFiles: [String]
    private let state: Locked<Exit?>

    private init(name: String, pid: Int32, stdoutPath: String?, stderrPath: String?, ownedFiles: [String], state: Locked<Exit?>) {
        self.name = name
        self.pid = pid
        self.stdoutPath = stdoutPath
        self.stderrPath = stderrPath
        self.ownedFiles = ownedFiles
        self.state = state
    }

    /// Starts `executable` with `arguments`, the environment of this process
    /// plus `environment`, in `workingDirectory` (or this one), with `stdin`
    /// as its input. Returns once it has been spawned.
    /// - Throws: `ChildProcessError` when it cannot be spawned.
    public static func start(
        _ executable: String,
        _ arguments: [String],
        workingDirectory: String? = nil,
        environment: [String: String] = [:],
        stdin: [UInt8] = [],
        stdout: Destination = .capture,
        stderr: Destination = .discard
    ) async throws -> ChildProcess {
        let name = URL(fileURLWithPath: executable).lastPathComponent
        var owned: [String] = []
        func path(_ destination: Destination, _ stream: String) -> String? {
            switch destination {
            case .discard: return nil
            case .file(let path): return path
            case .capture:
                let path = NSTemporaryDirectory() + "/synchealth-child-\(UUID().uuidString).\(stream)"
                owned.append(path)
                return path
            }
        }
        let stdoutPath = path(stdout, "out")
        let stderrPath = path(stderr, "err")
        let inputPath = NSTemporaryDirectory() + "/synchealth-child-\(UUID().uuidString).in"
        guard FileManager.default.createFile(atPath: inputPath, contents: Data(stdin)) else {
            throw ChildProcessError("cannot write \(name)'s input to \(inputPath)")
        }
        defer { try? FileManager.default.removeItem(atPath: inputPath) }
        do {
            let input = try FileDescriptor.open(FilePath(inputPath), .readOnly, options: .closeOnExec)
            let output = try open(stdoutPath, for: name)
            let errors = try open(stderrPath, for: name)
            var overrides: [Environment.Key: String?] = [:]
            for (key, value) in environment {
                guard let key = Environment.Key(rawValue: key) else { throw ChildProcessError("bad environment name \(key)") }
                overrides[key] = value
            }
            let configuration = Configuration(
                executable: .path(FilePath(executable)),
                arguments: Arguments(arguments),
                environment: .inherit.updating(overrides),
                workingDirectory: workingDirectory.map { FilePath($0) })
            let state = Locked<Exit?>(nil)
            let started = StartSignal()
            let pid: Int32 = try await withCheckedThrowingContinuation { continuation in
                started.set(continuation)
                Task.detached {
                    do {
                        let result = try await Subprocess.run(
                            configuration,
                            input: .fileDescriptor(input, closeAfterSpawningProcess: true),
                            output: .fileDescriptor(output, closeAfterSpawningProcess: true),
                            error: .fileDescriptor(errors, closeAfterSpawningProcess: true)
                        ) { execution in
                            started.resume(returning: execution.processIdentifier.value)
                        }
                        let exit: Exit = switch result.terminationStatus {
                        case .exited(let code): .exited(code)
                        case .signaled(let signal): .signalled(signal)
                        }
                        state.withLock { $0 = exit }
                    } catch {
                        // A failure after the spawn (the child may still
                        // run) must not publish an exit for a live pid:
                        // send() and deinit would then never stop it. Kill
                        // it first (SIGKILL cannot be caught), then publish.
                        state.withLock { exit in
                            if let pid = started.spawnedPid {
                                _ = Glibc.kill(pid, SIGKILL)
                                exit = .signalled(SIGKILL)
                            } else {
                                exit = .exited(127)
                            }
                        }
                        started.resume(throwing: ChildProcessError("cannot start \(executable): \(error)"))
                    }
                }
            }
            return ChildProcess(
                name: name, pid: pid, stdoutPath: stdoutPath, stderrPath: stderrPath, ownedFiles: owned, state: state)
        } catch {
            for file in owned { try? FileManager.default.removeItem(atPath: file) }
            if let error = error as? ChildProcessError { throw error }
            throw ChildProcessError("cannot start \(executable): \(error)")
        }
    }

    /// Opens the file a stream goes to (/dev/null when there is none).
    private static func open(_ path: String?, for name: String) throws -> FileDescriptor {
        guard let path else {
            return try FileDescriptor.open("/dev/null", .writeOnly, options: .closeOnExec)
        }
        return try FileDescriptor.open(
            FilePath(path), .writeOnly, options: [.create, .truncate, .closeOnExec], permissions: [.ownerReadWrite, .groupRead, .otherRead])
    }

    /// What the child has written to stdout so far ("" when discarded).
    public var stdout: String { String(decoding: stdoutBytes, as: UTF8.self) }
    /// stdout's bytes so far, for a child that writes binary.
    public var stdoutBytes: [UInt8] {
        guard let stdoutPath, let data = FileManager.default.contents(atPath: stdoutPath) else { return [] }
        return Array(data)
    }
    /// What the child has written to stderr so far ("" when discarded).
    public var stderr: String { Self.read(stderrPath) }

    /// stdout's complete lines so far.
    public var stdoutLines: [String] {
        let text = stdout
        guard let end = text.lastIndex(of: "\n") else { return [] }
        return text[..<end].split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    private static func read(_ path: String?) -> String {
        guard let path, let data = FileManager.default.contents(atPath: path) else { return "" }
        return String(decoding: data, as: UTF8.self)
    }

    /// How it ended; nil while it runs.
    public var exit: Exit? { state.withLock { $0 } }
    /// Whether it is still running.
    public var isRunning: Bool { exit == nil }

    /// Waits for a complete stdout line that satisfies `matches`.
    /// - Throws: `ChildProcessError` when the child exits first or `timeout` passes.
    public func waitForLine(timeout: Duration = .seconds(60), where matches: (String) -> Bool) async throws -> String {
        let deadline = ContinuousClock.now + timeout
        while true {
            if let line = stdoutLines.first(where: matches) { return line }
            if let exit {
                if let line = stdoutLines.first(where: matches) { return line }
                throw ChildProcessError("\(name) ended (\(exit)) first; stderr: \(stderr.suffix(2_000))")
            }
            guard ContinuousClock.now < deadline else { throw ChildProcessError("\(name): no such line within \(timeout)") }
            try await Task.sleep(for: .milliseconds(10))
        }
    }

    /// Waits for a stdout line containing `marker`; returns the whole line.
    public func waitForLine(containing marker: String, timeout: Duration = .seconds(60)) async throws -> String {
        try await waitForLine(timeout: timeout) { $0.contains(marker) }
    }

    /// Waits for a stdout line starting with `prefix`; returns the rest of it.
    public func waitForLine(startingWith prefix: String, timeout: Duration = .seconds(60)) async throws -> String {
        String(try await waitForLine(timeout: timeout) { $0.hasPrefix(prefix) }.dropFirst(prefix.count))
    }

    /// The "HOST:PORT" at the end of the first "... listening on HOST:PORT" line.
    public func listeningAddress(timeout: Duration = .seconds(120)) async throws -> String {
        let line = try await waitForLine(containing: "listening on ", timeout: timeout)
        guard let range = line.range(of: "listening on ") else { throw ChildProcessError("odd line: \(line)") }
        return String(line[range.upperBound...]).trimmingCharacters(in: .whitespaces)
    }

    /// The port of the first "... listening on HOST:PORT" line.
    public func listeningPort(timeout: Duration = .seconds(120)) async throws -> UInt16 {
        let address = try await listeningAddress(timeout: timeout)
        guard let port = address.split(separator: ":").last.flatMap({ UInt16($0) }) else {
            throw ChildProcessError("\(name) printed no port: \(address)")
        }
        return port
    }

    /// Sends `signal`, unless the child has already been reaped.
    public func send(_ signal: Int32) {
        // Under the lock that the monitor publishes the exit with: once the
        // exit is known the pid is never signalled again. What remains is
        // the moment between the monitor reaping the child and publishing;
        // the pid would have to be reused within it, after the kernel has
        // cycled through every other pid.
        state.withLock { exit in
            if exit == nil { _ = Glibc.kill(pid, signal) }
        }
    }

    /// Waits up to `timeout` for the child to exit by itself.
    /// - Returns: how it ended, or nil when it still runs.
    @discardableResult
    public func waitForExit(timeout: Duration = .seconds(60)) async -> Exit? {
        let deadline = ContinuousClock.now + timeout
        while true {
            if let exit { return exit }
            guard ContinuousClock.now < deadline else { return nil }
            try? await Task.sleep(for: .milliseconds(5))
        }
    }

    /// SIGTERM, then up to `grace` for a graceful exit, then SIGKILL.
    /// - Returns: how it ended.
    @discardableResult
    public func stop(grace: Duration = .seconds(30)) async -> Exit {
        send(SIGTERM)
        if let exit = await waitForExit(timeout: grace) { return exit }
        return await kill()
    }

    /// SIGKILL, and waits for the exit (immediate).
    @discardableResult
    public func kill() async -> Exit {
        send(SIGKILL)
        return await waitForExit(timeout: .seconds(3_600)) ?? .signalled(SIGKILL)
    }

    deinit {
        send(SIGKILL)
        for file in ownedFiles { try? FileManager.default.removeItem(atPath: file) }
    }
}

extension ChildProcess {
    /// What a program run to its end produced.
    public struct Result: Sendable {
        /// How it ended.
        public var exit: Exit
        /// Its stdout, as bytes.
        public var stdoutBytes: [UInt8]
        /// Its stdout.
        public var stdout: String { String(decoding: stdoutBytes, as: UTF8.self) }
        /// Its stderr.
        public var stderr: String
        /// stdout and stderr, for failure messages.
        public var output: String { stdout + stderr }
    }

    /// Runs `executable` to its end and returns what it printed.
    /// - Throws: `ChildProcessError` when it cannot be spawned or outlives `timeout`
    ///   (it is killed then).
    public static func run(
        _ executable: String,
        _ arguments: [String],
        workingDirectory: String? = nil,
        environment: [String: String] = [:],
        stdin: [UInt8] = [],
        timeout: Duration = .seconds(600)
    ) async throws -> Result {
        let child = try await start(
            executable, arguments, workingDirectory: workingDirectory, environment: environment,
            stdin: stdin, stdout: .capture, stderr: .capture)
        guard let exit = await child.waitForExit(timeout: timeout) else {
            await child.kill()
            throw ChildProcessError("\(child.name) did not finish within \(timeout)")
        }
        return Result(exit: exit, stdoutBytes: child.stdoutBytes, stderr: child.stderr)
    }
}

/// A child process could not be started, or did not do what was awaited.
public struct ChildProcessError: Error, CustomStringConvertible {
    /// What went wrong.
    public let description: String
    /// Creates the error.
    public init(_ description: String) { self.description = description }
}

/// Hands the spawned child's pid (or the spawn error) to `start` exactly
/// once, and remembers whether a child was spawned at all.
private final class StartSignal: Sendable {
    private let continuation = Locked<CheckedContinuation<Int32, any Error>?>(nil)
    private let spawned = Locked<Int32?>(nil)

    /// The child's pid once it has been spawned; nil when the spawn failed.
    var spawnedPid: Int32? { spawned.withLock { $0 } }

    func set(_ continuation: CheckedContinuation<Int32, any Error>) {
        self.continuation.withLock { $0 = continuation }
    }

    func resume(returning pid: Int32) {
        spawned.withLock { $0 = pid }
        continuation.withLock { $0.take() }?.resume(returning: pid)
    }

    func resume(throwing error: any Error) {
        continuation.withLock { $0.take() }?.resume(throwing: error)
    }
}
