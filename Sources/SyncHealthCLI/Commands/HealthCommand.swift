public import ArgumentParser
public import SyncHealthClient
import SyncHealthWire

/// `synchealth health`: is the server serving?
public struct HealthCommand: APICommand {
    public static let configuration = CommandConfiguration(
        commandName: "health",
        abstract: "Ask the server whether it is serving; exits non-zero when it is not."
    )

    @OptionGroup public var global: GlobalOptions
    @Option(help: "A service name, e.g. synchealth.v1.SyncHistory (default: the whole server).") var service: String = ""

    public init() {}

    public func execute(api: any SyncHealthAPI, output: any CLIOutput) async throws {
        let response = try await api.healthCheck(HealthCheckRequest(service: service))
        let target = service.isEmpty ? global.resolvedServer : "\(service) on \(global.resolvedServer)"
        switch response.status {
        case .serving:
            output.line("\(target): SERVING")
        case .notServing:
            output.line("\(target): NOT_SERVING")
            throw ExitCode(1)
        case .serviceUnknown:
            output.line("\(target): SERVICE_UNKNOWN")
            throw ExitCode(1)
        default:
            output.line("\(target): UNKNOWN")
            throw ExitCode(1)
        }
    }
}
