import Foundation
import SyncHealthProcess

/// synchealthd (or synchealth-sandbox) run as a child process on a loopback
/// port, so the benchmark can read its RSS and CPU time from /proc. Dropped
/// without `stop()` (a run that failed), it is killed.
public final class ServerProcess: Sendable {
    private let child: ChildProcess
    /// "host:port" the server listens on.
    public let target: String
    /// The server's process id.
    public var pid: Int32 { child.pid }

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
        child = try await ChildProcess.start(
            executable, arguments, stdout: .capture, stderr: stderrPath.map { .file($0) } ?? .discard)
        do {
            // Migrations of a big file can take a while.
            target = try await child.listeningAddress(timeout: .seconds(300))
        } catch {
            await child.kill()
            throw BenchError("\(executable): \(error)")
        }
    }

    /// RSS and CPU time now; nil once the process has exited.
    public var stats: ProcessStats? { ProcessStats.read(pid: pid) }

    /// SIGTERM, then waits for the graceful drain; SIGKILL after 30 s.
    public func stop() async {
        await child.stop(grace: .seconds(30))
    }
}

/// A benchmark set-up failure.
public struct BenchError: Error, CustomStringConvertible {
    /// What went wrong.
    public var description: String
    /// Creates the error.
    public init(_ description: String) { self.description = description }
}
