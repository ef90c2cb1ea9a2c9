import SyncHealthJSON
public import ArgumentParser
public import SyncHealthClient
import SyncHealthWire

/// `synchealth items list SYNC_ID`: the push items of one sync.
public struct ItemsListCommand: SyncCommand {
    public static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List a sync's push items: search by core ID or data type, filter by status."
    )

    @OptionGroup public var global: GlobalOptions
    @OptionGroup public var syncArgument: SyncIdArgument
    @Option(help: "Core ID (exact or prefix) or data type.") var search: String?
    @Option(name: .customLong("data-type"), help: "Only this data type; repeat for several.") var dataTypes: [String] = []
    @Option(help: "pending, success, failed or timed-out; repeat or comma-separate.") var status: [String] = []
    @Flag(help: "Show each item's attempt history.") var attempts = false
    @Option(help: "Rows per page (1-500).") var limit: Int32 = 50
    @Option(help: "Continue from a page token printed by an earlier call.") var pageToken: String?
    @Flag(help: "Fetch every page.") var all = false
    @Option(help: "table, json or csv.") var format: OutputFormat = .table

    public init() {}

    public func execute(syncId id: String, api: any SyncHealthAPI, output: any CLIOutput) async throws {
        var request = ListPushItemsRequest(
            syncId: id, search: search ?? "", dataTypes: dataTypes, statuses: try DomainParsing.itemStatuses(status),
            pageSize: limit, pageToken: pageToken ?? "", includeAttempts: attempts, includeTotal: true
        )
        var items: [PushItem] = []
        var response: ListPushItemsResponse
        var total: Int64?
        repeat {
            response = try await api.listPushItems(request)
            items += response.items
            if let t = response.total { total = t.value }
            request.pageToken = response.nextPageToken
            request.includeTotal = false
        } while all && !response.nextPageToken.isEmpty
        let time = global.timeText
        switch format {
        case .json:
            output.line(JSONValue.object([
                ("items", .array(items.map { ItemRendering.json($0, time: time) })),
                ("total", total.map { .int($0) } ?? .null),
                ("nextPageToken", .string(response.nextPageToken)),
            ]).rendered())
        case .csv:
            output.write(CSVWriter.render(
                header: ["item_id", "core_id", "data_type", "status", "attempts", "last_attempt_at", "retryable", "target_record_id", "error"],
                rows: items.map { [$0.itemId, $0.coreId, $0.dataType, DomainParsing.word($0.status), String($0.attemptCount),
                                   time.format($0.lastAttemptAtMs), String($0.retryable), $0.targetRecordId, $0.errorMessage] }
            ))
        case .table:
            output.line(ItemRendering.table(items, time: time, attempts: attempts))
            output.line("\(items.count) item\(items.count == 1 ? "" : "s")\(total.map { " of \($0)" } ?? "") · times in \(time.zoneName)")
            output.nextPageHint(response.nextPageToken)
        }
    }
}

/// How push items look in tables and JSON.
enum ItemRendering {
    static func table(_ items: [PushItem], time: TimeText, attempts: Bool) -> String {
        let table = TextTable(
            columns: [.init("ITEM", minWidth: 8), .init("CORE ID", minWidth: 10), .init("DATA TYPE", minWidth: 9),
                      .init("STATUS", minWidth: 7), .init("TRIES", minWidth: 5, alignRight: true),
                      .init("LAST ATTEMPT", minWidth: 16), .init("ERROR", minWidth: 10)],
            rows: items.map { [String($0.itemId.prefix(8)), $0.coreId, $0.dataType, DomainParsing.word($0.status),
                               String($0.attemptCount), time.format($0.lastAttemptAtMs, seconds: false), $0.errorMessage] }
        )
        guard attempts else { return table.render() }
        var lines: [String] = []
        for item in items {
            lines.append("\(item.itemId)  \(item.coreId)  \(item.dataType)  \(DomainParsing.word(item.status))" +
                         (item.retryable ? "" : "  (not retryable)"))
            if !item.targetRecordId.isEmpty { lines.append("  target record: \(item.targetRecordId)") }
            for attempt in item.attempts {
                var text = "  #\(attempt.number) \(time.format(attempt.attemptedAtMs)) \(DomainParsing.word(attempt.outcome)) · \(DomainParsing.word(attempt.trigger))"
                if !attempt.actor.isEmpty { text += " by \(attempt.actor)" }
                if !attempt.reason.isEmpty { text += " (\"\(attempt.reason)\")" }
                if !attempt.retryJobId.isEmpty { text += " job \(attempt.retryJobId)" }
                lines.append(text)
                if !attempt.errorMessage.isEmpty { lines.append("     \(attempt.errorMessage)") }
                if !attempt.idempotencyKey.isEmpty { lines.append("     key \(attempt.idempotencyKey)") }
            }
        }
        return lines.joined(separator: "\n")
    }

    static func json(_ item: PushItem, time: TimeText) -> JSONValue {
        .object([
            ("itemId", .string(item.itemId)), ("syncId", .string(item.syncId)), ("coreId", .string(item.coreId)),
            ("dataType", .string(item.dataType)), ("status", .string(DomainParsing.word(item.status))),
            ("errorMessage", .string(item.errorMessage)), ("attemptCount", .int(Int64(item.attemptCount))),
            ("lastAttemptAt", .string(time.format(item.lastAttemptAtMs))), ("targetRecordId", .string(item.targetRecordId)),
            ("retryable", .bool(item.retryable)),
            ("attempts", .array(item.attempts.map { a in
                .object([("number", .int(Int64(a.number))), ("attemptedAt", .string(time.format(a.attemptedAtMs))),
                         ("outcome", .string(DomainParsing.word(a.outcome))), ("trigger", .string(DomainParsing.word(a.trigger))),
                         ("actor", .string(a.actor)), ("reason", .string(a.reason)), ("retryJobId", .string(a.retryJobId)),
                         ("idempotencyKey", .string(a.idempotencyKey)), ("errorMessage", .string(a.errorMessage))])
            })),
        ])
    }
}
