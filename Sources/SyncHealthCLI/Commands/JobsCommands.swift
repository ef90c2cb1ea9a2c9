import SyncHealthJSON
public import ArgumentParser
public import SyncHealthClient
import SyncHealthWire

/// `synchealth jobs list`.
public struct JobsListCommand: APICommand {
    public static let configuration = CommandConfiguration(commandName: "list", abstract: "List retry jobs, newest first.")

    @OptionGroup public var global: GlobalOptions
    @Option(help: "Only jobs in this state: queued, running, succeeded, partially-failed, failed, cancelled.") var state: [String] = []
    @Option(help: "Only jobs touching this sync.") var sync: String?
    @Option(help: "Rows per page (1-500).") var limit: Int32 = 50
    @Option(help: "Continue from a page token.") var pageToken: String?
    @Option(help: "table or json.") var format: OutputFormat = .table

    public init() {}

    static func parseStates(_ values: [String]) throws -> [RetryJobState] {
        try values.flatMap { $0.split(separator: ",").map(String.init) }.map { raw in
            switch raw.lowercased() {
            case "queued": return .queued
            case "running": return .running
            case "succeeded", "success": return .succeeded
            case "partially-failed", "partially_failed", "partial": return .partiallyFailed
            case "failed": return .failed
            case "cancelled", "canceled": return .cancelled
            default: throw CLIInputError("unknown job state '\(raw)'")
            }
        }
    }

    public func execute(api: any SyncHealthAPI, output: any CLIOutput) async throws {
        var syncId = ""
        if let sync { syncId = try await SyncIdResolver.resolve(sync, api: api) }
        let response = try await api.listRetryJobs(ListRetryJobsRequest(
            states: try Self.parseStates(state), syncId: syncId, pageSize: limit, pageToken: pageToken ?? ""
        ))
        let rendering = RetryRendering(time: global.timeText)
        if format == .json {
            output.line(JSONValue.object([("jobs", .array(response.jobs.map(rendering.jobJSON))),
                                          ("nextPageToken", .string(response.nextPageToken))]).rendered())
            return
        }
        output.line(rendering.jobsTable(response.jobs))
        output.line("\(response.jobs.count) job\(response.jobs.count == 1 ? "" : "s") · times in \(global.timeText.zoneName)")
        output.nextPageHint(response.nextPageToken)
    }
}

/// `synchealth jobs show JOB_ID`.
public struct JobsShowCommand: APICommand {
    public static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one retry job.")

    @OptionGroup public var global: GlobalOptions
    @Argument(help: "The job ID.") var jobId: String
    @Flag(help: "Follow the job with a live progress bar until it ends.") var wait = false
    @Option(help: "table or json.") var format: OutputFormat = .table

    public init() {}

    public func execute(api: any SyncHealthAPI, output: any CLIOutput) async throws {
        let jobId = try await JobIdResolver.resolve(self.jobId, api: api)
        if wait {
            _ = try await JobFollower(api: api, output: output, time: global.timeText).follow(jobId: jobId)
            return
        }
        let response = try await api.getRetryJob(GetRetryJobRequest(jobId: jobId))
        guard let job = response.job else { throw RPCError(.notFound, "job \(jobId) not found") }
        let rendering = RetryRendering(time: global.timeText)
        output.line(format == .json ? rendering.jobJSON(job).rendered() : rendering.job(job))
    }
}

/// `synchealth jobs cancel JOB_ID`.
public struct JobsCancelCommand: APICommand {
    public static let configuration = CommandConfiguration(commandName: "cancel", abstract: "Cancel a queued or running retry job.")

    @OptionGroup public var global: GlobalOptions
    @Argument(help: "The job ID.") var jobId: String
    @Option(help: "Why the job is cancelled.") var reason: String = ""

    public init() {}

    public func execute(api: any SyncHealthAPI, output: any CLIOutput) async throws {
        let jobId = try await JobIdResolver.resolve(self.jobId, api: api)
        let response = try await api.cancelRetryJob(CancelRetryJobRequest(jobId: jobId, reason: reason))
        guard let job = response.job else { throw RPCError(.`internal`, "server answered without the job") }
        output.line(RetryRendering(time: global.timeText).job(job))
    }
}

/// Lets operators type the 12-character job ids the jobs table shows.
enum JobIdResolver {
    static func resolve(_ id: String, api: any SyncHealthAPI) async throws -> String {
        guard !id.isEmpty else { throw CLIInputError("a job id is required") }
        if id.count >= 27 { return id }
        let page = try await api.listRetryJobs(ListRetryJobsRequest(pageSize: 500))
        let matches = Set(page.jobs.map(\.jobId).filter { $0.hasPrefix(id) })
        if matches.count > 1 { throw CLIInputError("job id prefix '\(id)' matches \(matches.count) jobs; type more of it") }
        return matches.first ?? id
    }
}
