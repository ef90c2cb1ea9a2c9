import SyncHealthProcess
import SyncHealthTestSupport

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
        let daemon = try BuildProducts.require("synchealthd")
        let directory = TemporaryDirectory(prefix: prefix)
        let deliveries = directory.file("deliveries.log")
        let sandbox = try await ChildProcess.product(
            "synchealth-sandbox", ["--listen", "127.0.0.1:0", "--deliveries-log", deliveries] + sandboxArguments,
            stderr: .file(directory.file("sandbox.err")))
        let port = try await sandbox.listeningPort()
        return SandboxRun(
            daemon: daemon, directory: directory, database: directory.file("synchealth.sqlite"),
            deliveries: deliveries, sandbox: sandbox, sandboxPort: port)
    }
}

extension ChildProcess {
    /// `synchealthd --config config --no-auth`, its stderr in `stderrPath`.
    static func daemon(_ executable: String, config: String, stderrPath: String) async throws -> ChildProcess {
        try await start(executable, ["--config", config, "--no-auth"], stdout: .capture, stderr: .file(stderrPath))
    }
}
