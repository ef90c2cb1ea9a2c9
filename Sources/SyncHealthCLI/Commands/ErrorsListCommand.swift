import SyncHealthJSON
public import ArgumentParser
import Foundation
public import SyncHealthClient
import SyncHealthWire

/// `synchealth errors list`: error groups, most frequent first.
public struct ErrorsListCommand: APICommand {
    public static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "Error groups: errors that differ only in ids, numbers, amounts or dates, counted together.",
        discussion: "Follow a group to its syncs with: synchealth syncs list --error-group GROUP_ID"
    )

    @OptionGroup public var global: GlobalOptions
    @Option(help: "How far back, e.g. 24h or 7d.") var since: String = "7d"
    @Option(help: "Only this company.") var company: String?
    @Option(help: "Target platform key.") var target: String?
    @Option(help: "Source platform key.") var source: String?
    @Option(help: "commerce or expenses.") var product: String?
    @Option(help: "Groups per page (1-500).") var limit: Int32 = 20
    @Option(help: "Continue from a page token.") var pageToken: String?
    @Option(help: "table or json.") var format: OutputFormat = .table

    public init() {}

    func request(now: Int64) throws -> ListErrorGroupsRequest {
        let span = try DurationText.parseMs(since)
        return ListErrorGroupsRequest(
            startedFromMs: max(1, now - span), startedToMs: now + 1, companyId: company ?? "", targetPlatform: target ?? "",
            product: try DomainParsing.product(product), sourcePlatform: source ?? "", pageSize: limit, pageToken: pageToken ?? ""
        )
    }

    public func execute(api: any SyncHealthAPI, output: any CLIOutput) async throws {
        let response = try await api.listErrorGroups(try request(now: Int64(Date().timeIntervalSince1970 * 1000)))
        let rendering = ErrorGroupRendering(time: global.timeText)
        if format == .json {
            output.line(JSONValue.object([("groups", .array(response.groups.map(rendering.json))),
                                          ("nextPageToken", .string(response.nextPageToken))]).rendered())
            return
        }
        output.line(rendering.list(response.groups))
        output.line("\(response.groups.count) group\(response.groups.count == 1 ? "" : "s") · syncs of a group: synchealth syncs list --error-group GROUP_ID")
        output.nextPageHint(response.nextPageToken)
    }
}

/// How error groups look in the terminal and as JSON.
struct ErrorGroupRendering {
    let time: TimeText

    /// Each group on three lines: id and counts, the fingerprint, an example.
    func list(_ groups: [ErrorGroup]) -> String {
        var lines: [String] = []
        for group in groups {
            let platforms = group.topTargetPlatforms.map { "\($0.platform) \($0.count)" }.joined(separator: ", ")
            lines.append("\(group.groupId)  \(group.count)×  \(group.syncsAffected) syncs  \(group.companiesAffected) companies"
                         + (platforms.isEmpty ? "" : "  [\(platforms)]"))
            lines.append("  " + TextTable.truncate(group.fingerprint, to: 78))
            lines.append("  e.g. " + TextTable.truncate(group.exampleMessage, to: 73))
            lines.append("  seen \(time.format(group.firstSeenMs, seconds: false)) .. \(time.format(group.lastSeenMs, seconds: false))"
                         + (group.exampleSyncIds.isEmpty ? "" : " · syncs \(group.exampleSyncIds.prefix(3).map { String($0.prefix(8)) }.joined(separator: " "))"))
        }
        return lines.joined(separator: "\n")
    }

    func json(_ group: ErrorGroup) -> JSONValue {
        .object([
            ("groupId", .string(group.groupId)), ("fingerprint", .string(group.fingerprint)), ("count", .int(group.count)),
            ("syncsAffected", .int(group.syncsAffected)), ("itemOccurrences", .int(group.itemOccurrences)),
            ("companiesAffected", .int(group.companiesAffected)), ("firstSeenMs", .int(group.firstSeenMs)),
            ("lastSeenMs", .int(group.lastSeenMs)), ("exampleMessage", .string(group.exampleMessage)),
            ("exampleSyncIds", .array(group.exampleSyncIds.map(JSONValue.string))),
            ("topTargetPlatforms", .array(group.topTargetPlatforms.map { .object([("platform", .string($0.platform)), ("count", .int($0.count))]) })),
        ])
    }
}
