public import ArgumentParser
import Foundation
import SyncHealthClient

/// Options every command takes: which server, which token, how to show times.
public struct GlobalOptions: ParsableArguments, Sendable {
    @Option(name: .long, help: "Server address host:port (default: $SYNCHEALTH_SERVER or 127.0.0.1:7410).")
    public var server: String?

    @Option(name: .long, help: "Bearer token for the server (default: $SYNCHEALTH_TOKEN).")
    public var token: String?

    @Flag(name: .long, help: "Show times in UTC instead of the local time zone.")
    public var utc = false

    @Option(name: .long, help: "Work on this database file in process instead of calling a server (maintenance while the server is down).")
    public var database: String?

    @Option(name: .long, help: "Deadline for each call, e.g. 10s or 2m.")
    public var timeout: String = "30s"

    public init() {}

    /// The server address from the flag, the environment or the default.
    public var resolvedServer: String {
        server ?? ProcessInfo.processInfo.environment["SYNCHEALTH_SERVER"] ?? "127.0.0.1:7410"
    }

    /// The token from the flag or the environment, if any.
    public var resolvedToken: String? {
        token ?? ProcessInfo.processInfo.environment["SYNCHEALTH_TOKEN"]
    }

    /// Time formatting in the chosen zone.
    public var timeText: TimeText { TimeText(utc: utc) }

    /// Who the CLI acts as in `--database` mode: "$USER@<host> (cli)".
    public var localActor: String {
        let user = ProcessInfo.processInfo.environment["USER"] ?? "operator"
        return "\(user)@\(ProcessInfo.processInfo.hostName) (cli)"
    }

    /// The per-call deadline in milliseconds.
    public func timeoutMs() throws -> Int64 {
        let ms = try DurationText.parseMs(timeout)
        guard ms > 0 else { throw CLIInputError("--timeout must be above 0") }
        return ms
    }
}

