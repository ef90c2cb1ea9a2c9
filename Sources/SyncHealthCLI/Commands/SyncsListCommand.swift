import SyncHealthJSON
public import ArgumentParser
import Foundation
public import SyncHealthClient
import SyncHealthWire

/// `synchealth syncs list`: the sync history, filtered, sorted and paginated.
public struct SyncsListCommand: APICommand {
    public static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List syncs: search, filter by company, time, status, product and platform; sort; page."
    )

    @OptionGroup public var global: GlobalOptions

    @Option(help: "Sync ID or company ID, exact or prefix.") var search: String?
    @Option(help: "Only this company.") var company: String?
    @Option(help: "Started at or after: 2026-11-20, '2026-11-20 10:00', or 7d (ago).") var from: String?
    @Option(help: "Started before (exclusive), same forms as --from.") var to: String?
    @Option(help: "Started within this long before now, e.g. 24h or 7d (same as --from 7d).") var since: String?
    @Option(help: "Status code (5130) or category (in-progress, success, failed); repeat or comma-separate.") var status: [String] = []
    @Option(help: "commerce or expenses.") var product: String?
    @Option(help: "Source platform key, e.g. shopify.") var source: String?
    @Option(help: "Target platform key, e.g. xero.") var target: String?
    @Option(help: "Only syncs with errors of this group (see synchealth errors list).") var errorGroup: String?
    @Option(help: "Sort by started, finished, duration, status or company.") var sort: String = "started"
    @Flag(help: "Ascending order (default: descending).") var asc = false
    @Option(help: "Rows per page (1-500).") var limit: Int32 = 50
    @Option(help: "Continue from a page token printed by an earlier call.") var pageToken: String?
    @Flag(help: "Fetch every page.") var all = false
    @Flag(help: "Also print the total number of matches.") var total = false
    @Flag(help: "Show full ids in the table.") var wide = false
    @Option(help: "table, json or csv.") var format: OutputFormat = .table

    public init() {}

    /// The request these options describe, relative to `now` (ms).
    func request(now: Int64) throws -> ListSyncsRequest {
        let time = global.timeText
        let status = try DomainParsing.statusFilter(self.status)
        if since != nil && from != nil { throw CLIInputError("use --since or --from, not both") }
        var request = ListSyncsRequest(
            search: search ?? "",
            companyId: company ?? "",
            statusCodes: status.codes,
            categories: status.categories,
            product: try DomainParsing.product(product),
            sourcePlatform: source ?? "",
            targetPlatform: target ?? "",
            sortBy: try DomainParsing.sortField(sort),
            order: asc ? .ascending : .descending,
            pageSize: limit,
            pageToken: pageToken ?? "",
            includeTotal: total,
            errorGroupId: errorGroup ?? ""
        )
        if let since { request.startedFromMs = now - (try DurationText.parseMs(since)) }
        if let from { request.startedFromMs = try time.parse(from, now: now) }
        if let to { request.startedToMs = try time.parse(to, now: now) }
        return request
    }

    public func execute(api: any SyncHealthAPI, output: any CLIOutput) async throws {
        var request = try request(now: Int64(Date().timeIntervalSince1970 * 1000))
        var syncs: [Sync] = []
        var response: ListSyncsResponse
        var totalCount: Int64?
        repeat {
            response = try await api.listSyncs(request)
            syncs += response.syncs
            if let total = response.total { totalCount = total.value }
            request.pageToken = response.nextPageToken
            request.includeTotal = false
        } while all && !response.nextPageToken.isEmpty
        let renderer = SyncRendering(time: global.timeText, wide: wide)
        switch format {
        case .table:
            output.line(renderer.table(syncs, showCompany: company == nil))
            var footer = "\(syncs.count) sync\(syncs.count == 1 ? "" : "s")"
            if let totalCount { footer += " of \(totalCount)" }
            footer += " · times in \(global.timeText.zoneName)"
            output.line(footer)
            output.nextPageHint(response.nextPageToken)
        case .json:
            var members: [(String, JSONValue)] = [("syncs", .array(syncs.map(renderer.json)))]
            if let totalCount { members.append(("total", .int(totalCount))) }
            members.append(("nextPageToken", .string(response.nextPageToken)))
            output.line(JSONValue.object(members).rendered())
        case .csv:
            output.write(renderer.csv(syncs))
        }
    }
}
