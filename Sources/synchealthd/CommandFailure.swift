import ArgumentParser
import Foundation

/// Writes "`command`: `message`" to stderr and returns the exit status to
/// throw: the one way synchealthd and its subcommands report a failure.
func commandFailure(_ command: String, _ message: String, exit status: Int32) -> ExitCode {
    FileHandle.standardError.write(Data("\(command): \(message)\n".utf8))
    return ExitCode(status)
}
