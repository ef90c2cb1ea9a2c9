import SyncHealthJSON
public import ArgumentParser
import Foundation
public import SyncHealthClient
import SyncHealthWire

/// `synchealth company history COMPANY_ID`: a company's own sync history, as
/// its customers see it (a customer token may only ask for its own company).
public struct CompanyHistoryCommand: APICommand {
    public static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "A company's sync history in client-friendly words: data range, start and end, status."
    )

    @OptionGroup public var global: GlobalOptions
    @Argument(help: "The company ID.") var companyId: String
    @Option(help: "Started within this long before now, e.g. 30d.") var since: String?
    @Option(help: "Rows per page (1-500).") var limit: Int32 = 50
    @Option(help: "Continue from a page token.") var pageToken: String?
    @Option(help: "table or json.") var format: OutputFormat = .table

    public init() {}

    public func execute(api: any SyncHealthAPI, output: any CLIOutput) async throws {
        var request = ListCompanySyncsRequest(companyId: companyId, pageSize: limit, pageToken: pageToken ?? "")
        if let since { request.startedFromMs = Int64(Date().timeIntervalSince1970 * 1000) - (try DurationText.parseMs(since)) }
        let response = try await api.listCompanySyncs(request)
        let time = global.timeText
        if format == .json {
            output.line(JSONValue.object([
                ("syncs", .array(response.syncs.map { sync in
                    .object([("syncId", .string(sync.syncId)), ("startedAtMs", .int(sync.startedAtMs)),
                             ("finishedAtMs", .int(sync.finishedAtMs)), ("dataFromMs", .int(sync.dataFromMs)),
                             ("dataToMs", .int(sync.dataToMs)), ("statusCode", .int(Int64(sync.statusCode.rawValue))),
                             ("status", .string(sync.statusDescription))])
                })),
                ("nextPageToken", .string(response.nextPageToken)),
            ]).rendered())
            return
        }
        let table = TextTable(
            columns: [.init("SYNC", minWidth: 8), .init("DATA FROM", minWidth: 11), .init("DATA TO", minWidth: 11),
                      .init("FINISHED", minWidth: 11), .init("STATUS", minWidth: 12)],
            rows: response.syncs.map { sync in
                [String(sync.syncId.prefix(8)), short(sync.dataFromMs, time), short(sync.dataToMs, time),
                 sync.finishedAtMs == 0 ? "running" : short(sync.finishedAtMs, time), sync.statusDescription]
            }
        )
        output.line(table.render(width: 120))
        output.line("\(response.syncs.count) sync\(response.syncs.count == 1 ? "" : "s") · times in \(time.zoneName)")
        output.nextPageHint(response.nextPageToken)
    }

    /// "11-28 14:00": the table leaves the year out to keep room for the status.
    private func short(_ ms: Int64, _ time: TimeText) -> String {
        ms == 0 ? "-" : String(time.format(ms, seconds: false).dropFirst(5))
    }
}
