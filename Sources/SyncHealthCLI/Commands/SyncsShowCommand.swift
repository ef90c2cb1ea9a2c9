import SyncHealthJSON
public import ArgumentParser
public import SyncHealthClient
import SyncHealthWire

/// `synchealth syncs show SYNC_ID`: the detail view of one sync.
public struct SyncsShowCommand: SyncCommand {
    public static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one sync: times, platforms, status, notes, errors, items per data type, retries."
    )

    @OptionGroup public var global: GlobalOptions
    @OptionGroup public var syncArgument: SyncIdArgument
    @Option(help: "table or json.") var format: OutputFormat = .table

    public init() {}

    public func execute(syncId id: String, api: any SyncHealthAPI, output: any CLIOutput) async throws {
        let response = try await api.getSync(GetSyncRequest(syncId: id))
        guard let sync = response.sync else { throw RPCError(.`internal`, "server answered without the sync") }
        let time = global.timeText
        let rendering = SyncRendering(time: time, wide: true)
        if format == .json {
            var members: [(String, JSONValue)] = [("sync", rendering.json(sync))]
            members.append(("dataTypes", .array(response.dataTypes.map { dt in
                let c = dt.counts ?? ItemCounts()
                return .object([("dataType", .string(dt.dataType)), ("total", .int(c.total)), ("succeeded", .int(c.succeeded)),
                                ("failed", .int(c.failed)), ("timedOut", .int(c.timedOut)), ("pending", .int(c.pending))])
            })))
            let r = response.retries ?? RetrySummary()
            members.append(("retries", .object([("jobs", .int(r.jobs)), ("retriedAttempts", .int(r.retriedAttempts)),
                                                ("recoveredItems", .int(r.recoveredItems)), ("lastRetryAtMs", .int(r.lastRetryAtMs)),
                                                ("lastJobId", .string(r.lastJobId))])))
            output.line(JSONValue.object(members).rendered())
            return
        }
        output.line(SyncDetailText(time: time).render(response))
    }
}

/// The `syncs show` text layout.
struct SyncDetailText {
    let time: TimeText

    func render(_ response: GetSyncResponse) -> String {
        guard let sync = response.sync else { return "" }
        var lines: [String] = []
        func field(_ name: String, _ value: String) {
            lines.append(name.padding(toLength: 12, withPad: " ", startingAt: 0) + value)
        }
        field("Sync", sync.syncId)
        field("Company", sync.companyId)
        field("Product", DomainParsing.word(sync.product))
        field("Platforms", "\(sync.sourcePlatform) -> \(sync.targetPlatform)")
        let category = sync.statusCode.category
        field("Status", "\(sync.statusCode.rawValue) \(sync.statusText.isEmpty ? sync.statusCode.text : sync.statusText) (\(word(category)))")
        field("Started", "\(time.format(sync.startedAtMs)) \(time.zoneName)")
        if sync.finishedAtMs == 0 {
            field("Finished", "still running")
        } else {
            field("Finished", "\(time.format(sync.finishedAtMs)) \(time.zoneName) (took \(DurationText.format(ms: sync.finishedAtMs - sync.startedAtMs)))")
        }
        if sync.dataFromMs != 0 || sync.dataToMs != 0 {
            field("Data range", "\(time.format(sync.dataFromMs, seconds: false)) -> \(time.format(sync.dataToMs, seconds: false))")
        }
        let c = sync.itemCounts ?? ItemCounts()
        field("Items", "\(c.total) total: \(c.succeeded) succeeded, \(c.failed) failed, \(c.timedOut) timed out, \(c.pending) pending")
        if c.total > 0 && c.succeeded > 0 && c.failed + c.timedOut > 0 {
            field("", "partial failure: some items reached \(sync.targetPlatform), some did not")
        }
        field("Config", sync.configHash.isEmpty ? "none recorded" : "sha256 \(sync.configHash.prefix(12))… (synchealth config show \(sync.syncId.prefix(8)))")
        if !sync.notes.isEmpty {
            lines.append("")
            lines.append("Notes")
            lines += sync.notes.map { "  - \($0)" }
        }
        if !sync.errorMessages.isEmpty {
            lines.append("")
            lines.append("Errors")
            lines += sync.errorMessages.map { "  - \($0)" }
        }
        if !response.dataTypes.isEmpty {
            lines.append("")
            let table = TextTable(
                columns: [.init("DATA TYPE", minWidth: 10), .init("TOTAL", alignRight: true), .init("SUCCEEDED", alignRight: true),
                          .init("FAILED", alignRight: true), .init("TIMED OUT", alignRight: true), .init("PENDING", alignRight: true)],
                rows: response.dataTypes.map { dt in
                    let c = dt.counts ?? ItemCounts()
                    return [dt.dataType, String(c.total), String(c.succeeded), String(c.failed), String(c.timedOut), String(c.pending)]
                }
            )
            lines.append(table.render())
        }
        lines.append("")
        let r = response.retries ?? RetrySummary()
        if r.jobs == 0 && r.retriedAttempts == 0 {
            lines.append("Retries     none")
        } else {
            lines.append("Retries     \(r.jobs) job\(r.jobs == 1 ? "" : "s"), \(r.retriedAttempts) attempts, \(r.recoveredItems) items recovered; last \(time.format(r.lastRetryAtMs)) (job \(r.lastJobId))")
        }
        return lines.joined(separator: "\n")
    }

    private func word(_ category: StatusCategory) -> String {
        switch category {
        case .inProgress: return "in progress"
        case .success: return "success"
        case .failed: return "failed"
        default: return "unknown"
        }
    }
}
