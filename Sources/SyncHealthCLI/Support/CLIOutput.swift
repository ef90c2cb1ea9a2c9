import Foundation
import SyncHealthConcurrency

/// Where a command writes its output: standard output, or a buffer in tests.
public protocol CLIOutput: Sendable {
    /// Writes `text` followed by a newline.
    func line(_ text: String)
    /// Writes `text` as it is.
    func write(_ text: String)
}

/// Writes to the process's standard output.
public struct StandardOutput: CLIOutput {
    public init() {}
    public func line(_ text: String) { write(text + "\n") }
    public func write(_ text: String) { FileHandle.standardOutput.write(Data(text.utf8)) }
}

/// Collects everything written, for tests.
public final class CapturedOutput: CLIOutput {
    private let buffer = Locked("")
    public init() {}
    public func line(_ text: String) { write(text + "\n") }
    public func write(_ text: String) { buffer.withLock { $0 += text } }
    /// Everything written so far.
    public var text: String { buffer.withLock { $0 } }
}

extension CLIOutput {
    /// The footer every paginated table ends with when more pages remain:
    /// how to ask for the next one. Prints nothing on the last page.
    func nextPageHint(_ token: String) {
        if !token.isEmpty { line("next page: --page-token \(token)") }
    }
}
