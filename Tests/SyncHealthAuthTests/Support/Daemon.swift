import SyncHealthProcess
import SyncHealthTestSupport

extension ChildProcess {
    /// The built `synchealthd` run with `arguments` in `directory` (so
    /// relative paths in them land there), `stdin` as its input, stdout and
    /// stderr captured.
    static func daemon(_ arguments: [String], in directory: TemporaryDirectory, stdin: String = "") async throws -> ChildProcess {
        try await product(
            "synchealthd", arguments, workingDirectory: directory.path, stdin: Array(stdin.utf8), stderr: .capture)
    }
}
