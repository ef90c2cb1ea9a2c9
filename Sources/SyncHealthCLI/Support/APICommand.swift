public import ArgumentParser
import Foundation
public import SyncHealthClient
public import SyncHealthWire

/// A command that talks to the server: `execute` holds its logic against any
/// `SyncHealthAPI` and output, so tests run it against a live server and read
/// what it printed; `run` wires it to the real client and standard output.
public protocol APICommand: AsyncParsableCommand {
    var global: GlobalOptions { get }
    /// Runs the command.
    func execute(api: any SyncHealthAPI, output: any CLIOutput) async throws
}

extension APICommand {
    public mutating func run() async throws {
        let output = StandardOutput()
        do {
            if let database = global.database {
                let local = try LocalService(path: database, actor: global.localActor)
                try await LocalService.$current.withValue(local) {
                    try await execute(api: local.client, output: output)
                }
            } else {
                try await execute(api: try makeClient(global), output: output)
            }
        } catch let error as RPCError {
            FileHandle.standardError.write(Data("error: \(error.code.name): \(error.message)\n".utf8))
            throw ExitCode(CLIExit.code(for: error.code))
        } catch let error as CLIInputError {
            FileHandle.standardError.write(Data("error: \(error.description)\n".utf8))
            throw ExitCode(64)
        }
    }
}

/// Exit codes: 0 ok, 1 a server-side status, 64 bad usage, 69 server
/// unavailable, 77 not allowed, 4 deadline exceeded, 2 not found.
public enum CLIExit {
    public static func code(for status: StatusCode) -> Int32 {
        switch status {
        case .ok: return 0
        case .notFound: return 2
        case .deadlineExceeded: return 4
        case .invalidArgument, .outOfRange: return 64
        case .unavailable: return 69
        case .permissionDenied, .unauthenticated: return 77
        default: return 1
        }
    }
}

/// A command about one sync: its `SyncIdArgument` (an ID or a unique
/// prefix) is resolved to the full ID before `execute(syncId:api:output:)`.
public protocol SyncCommand: APICommand {
    var syncArgument: SyncIdArgument { get }
    /// Runs the command for the sync `syncId` (a full ID).
    func execute(syncId: String, api: any SyncHealthAPI, output: any CLIOutput) async throws
}

extension SyncCommand {
    public func execute(api: any SyncHealthAPI, output: any CLIOutput) async throws {
        try await execute(syncId: try await syncArgument.resolve(api: api), api: api, output: output)
    }
}
