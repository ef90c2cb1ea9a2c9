import SyncHealthJSON
public import ArgumentParser
public import SyncHealthClient
import SyncHealthWire

/// `synchealth alerts create NAME --kind KIND --webhook URL ...`.
public struct AlertsCreateCommand: APICommand {
    public static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Create an alert rule; prints its signing secret once.",
        discussion: """
            Kinds and their options:
              sync-failed                 [--company ID] [--status CODE ...]
              error-group-new
              error-group-threshold       --threshold N --window DURATION
              platform-failure-rate       --platform KEY --percent P --window DURATION [--minimum-syncs N]
              retry-job-partially-failed
            """)

    @OptionGroup public var global: GlobalOptions
    @Argument(help: "A unique name for the rule.") var name: String
    @Option(help: "What the rule watches (see below).") var kind: String
    @Option(help: "The https:// URL deliveries are POSTed to (http:// only to a loopback host).") var webhook: String
    @Option(help: "sync-failed: only this company's syncs.") var company: String?
    @Option(help: "sync-failed: only these failed status codes (4000-5999); repeatable or comma-separated.") var status: [String] = []
    @Option(help: "error-group-threshold: fire above this many occurrences in the window.") var threshold: Int64?
    @Option(help: "error-group-threshold, platform-failure-rate: the window, e.g. 15m, 1h, 1d.") var window: String?
    @Option(help: "platform-failure-rate: the target platform key.") var platform: String?
    @Option(help: "platform-failure-rate: fire above this failure rate, in percent (1-100).") var percent: Int32?
    @Option(help: "platform-failure-rate: at least this many finished syncs in the window.") var minimumSyncs: Int64 = 1
    @Option(help: "table or json.") var format: OutputFormat = .table

    public init() {}

    /// The rule the options describe (the server validates it again).
    func rule() throws -> AlertRule {
        guard let alertKind = AlertKind(name: kind.replacingOccurrences(of: "-", with: "_")) else {
            throw CLIInputError("unknown alert kind '\(kind)'; known: " + AlertKind.allKnown.dropFirst()
                .map { $0.name.replacingOccurrences(of: "_", with: "-") }.joined(separator: ", "))
        }
        var rule = AlertRule(name: name, kind: alertKind, webhookUrl: webhook)
        rule.companyId = company ?? ""
        rule.statusCodes = try DomainParsing.statusFilter(status).codes
        rule.threshold = threshold ?? 0
        rule.windowMs = try window.map(DurationText.parseMs) ?? 0
        rule.targetPlatform = platform ?? ""
        rule.failureRatePercent = percent ?? 0
        rule.minimumSyncs = alertKind == .platformFailureRate ? minimumSyncs : 0
        return rule
    }

    public func execute(api: any SyncHealthAPI, output: any CLIOutput) async throws {
        let response = try await api.createAlertRule(CreateAlertRuleRequest(rule: try rule()))
        guard let rule = response.rule else { throw RPCError(.internal, "the server returned no rule") }
        let rendering = AlertRendering(time: global.timeText)
        if format == .json {
            output.line(JSONValue.object([
                ("rule", rendering.ruleJSON(rule)), ("signingSecret", .string(response.signingSecret)),
            ]).rendered())
            return
        }
        output.line("created alert rule \(rule.ruleId) (\(rule.name))")
        output.line("signing secret: \(response.signingSecret)")
        output.line("Keep it now: it is not shown again. Deliveries carry X-SyncHealth-Signature: v1=HMAC-SHA256(secret, \"<X-SyncHealth-Timestamp>.<body>\").")
    }
}

/// `synchealth alerts list`.
public struct AlertsListCommand: APICommand {
    public static let configuration = CommandConfiguration(commandName: "list", abstract: "List alert rules.")

    @OptionGroup public var global: GlobalOptions
    @Option(help: "table or json.") var format: OutputFormat = .table

    public init() {}

    public func execute(api: any SyncHealthAPI, output: any CLIOutput) async throws {
        let rules = try await api.listAlertRules(ListAlertRulesRequest()).rules
        let rendering = AlertRendering(time: global.timeText)
        if format == .json {
            output.line(JSONValue.object([("rules", .array(rules.map(rendering.ruleJSON)))]).rendered())
            return
        }
        output.line(rendering.rulesTable(rules))
        output.line("\(rules.count) rule\(rules.count == 1 ? "" : "s")")
    }
}

/// `synchealth alerts delete RULE_ID`.
public struct AlertsDeleteCommand: APICommand {
    public static let configuration = CommandConfiguration(
        commandName: "delete", abstract: "Delete an alert rule and its deliveries not yet delivered.")

    @OptionGroup public var global: GlobalOptions
    @Argument(help: "The rule ID (ar_...).") var ruleId: String

    public init() {}

    public func execute(api: any SyncHealthAPI, output: any CLIOutput) async throws {
        let response = try await api.deleteAlertRule(DeleteAlertRuleRequest(ruleId: ruleId))
        output.line("deleted alert rule \(ruleId); \(response.deliveriesDropped) pending deliver\(response.deliveriesDropped == 1 ? "y" : "ies") dropped")
    }
}

/// `synchealth alerts deliveries [--rule RULE_ID]`.
public struct AlertsDeliveriesCommand: APICommand {
    public static let configuration = CommandConfiguration(
        commandName: "deliveries", abstract: "List webhook deliveries with their status, newest first.")

    @OptionGroup public var global: GlobalOptions
    @Option(help: "Only this rule's deliveries.") var rule: String?
    @Option(help: "Only deliveries in this state: pending, delivered, failed.") var state: [String] = []
    @Option(help: "Rows per page (1-500).") var limit: Int32 = 50
    @Option(help: "Continue from a page token.") var pageToken: String?
    @Option(help: "table or json.") var format: OutputFormat = .table

    public init() {}

    public func execute(api: any SyncHealthAPI, output: any CLIOutput) async throws {
        let states = try state.flatMap { $0.split(separator: ",").map(String.init) }.map { raw in
            guard let state = AlertDeliveryState(name: raw.lowercased()) else {
                throw CLIInputError("unknown delivery state '\(raw)'; use pending, delivered or failed")
            }
            return state
        }
        let response = try await api.listAlertDeliveries(ListAlertDeliveriesRequest(
            ruleId: rule ?? "", states: states, pageSize: limit, pageToken: pageToken ?? ""))
        let rendering = AlertRendering(time: global.timeText)
        if format == .json {
            output.line(JSONValue.object([
                ("deliveries", .array(response.deliveries.map(rendering.deliveryJSON))),
                ("nextPageToken", .string(response.nextPageToken)),
            ]).rendered())
            return
        }
        output.line(rendering.deliveriesTable(response.deliveries))
        output.line("\(response.deliveries.count) deliver\(response.deliveries.count == 1 ? "y" : "ies") · times in \(global.timeText.zoneName)")
        output.nextPageHint(response.nextPageToken)
    }
}

/// Tables and JSON of rules and deliveries.
struct AlertRendering {
    var time: TimeText

    func ruleJSON(_ rule: AlertRule) -> JSONValue {
        .object([
            ("ruleId", .string(rule.ruleId)), ("name", .string(rule.name)), ("kind", .string(rule.kind.name)),
            ("webhookUrl", .string(rule.webhookUrl)), ("companyId", .string(rule.companyId)),
            ("statusCodes", .array(rule.statusCodes.map { .int(Int64($0.rawValue)) })), ("threshold", .int(rule.threshold)),
            ("windowMs", .int(rule.windowMs)), ("targetPlatform", .string(rule.targetPlatform)),
            ("failureRatePercent", .int(Int64(rule.failureRatePercent))), ("minimumSyncs", .int(rule.minimumSyncs)),
            ("createdAt", .string(time.format(rule.createdAtMs))), ("createdBy", .string(rule.createdBy)),
        ])
    }

    /// What the rule watches, in words.
    func condition(_ rule: AlertRule) -> String {
        switch rule.kind {
        case .syncFailed:
            let codes = rule.statusCodes.isEmpty ? "any failed status" : rule.statusCodes.map { String($0.rawValue) }.joined(separator: ",")
            return "\(rule.companyId.isEmpty ? "any company" : rule.companyId): \(codes)"
        case .errorGroupNew: return "a new error group"
        case .errorGroupThreshold: return "> \(rule.threshold) in \(DurationText.format(ms: rule.windowMs))"
        case .platformFailureRate:
            return "\(rule.targetPlatform) > \(rule.failureRatePercent)% of >= \(rule.minimumSyncs) in \(DurationText.format(ms: rule.windowMs))"
        case .retryJobPartiallyFailed: return "a retry job partially failed"
        case .unspecified, .unrecognized: return ""
        }
    }

    func rulesTable(_ rules: [AlertRule]) -> String {
        TextTable(
            columns: [.init("RULE"), .init("NAME"), .init("KIND"), .init("WHEN"), .init("WEBHOOK")],
            rows: rules.map { [$0.ruleId, $0.name, $0.kind.name, condition($0), $0.webhookUrl] }
        ).render(width: 160)
    }

    func deliveryJSON(_ delivery: AlertDelivery) -> JSONValue {
        .object([
            ("deliveryId", .string(delivery.deliveryId)), ("ruleId", .string(delivery.ruleId)),
            ("kind", .string(delivery.kind.name)), ("event", .string(delivery.event)), ("state", .string(delivery.state.name)),
            ("attempts", .int(Int64(delivery.attempts))), ("lastHttpStatus", .int(Int64(delivery.lastHttpStatus))),
            ("lastError", .string(delivery.lastError)), ("createdAt", .string(time.format(delivery.createdAtMs))),
            ("nextAttemptAt", .string(delivery.nextAttemptAtMs == 0 ? "" : time.format(delivery.nextAttemptAtMs))),
            ("deliveredAt", .string(delivery.deliveredAtMs == 0 ? "" : time.format(delivery.deliveredAtMs))),
            ("payload", JSONParser.parse(Array(delivery.payloadJson.utf8)) ?? .string(delivery.payloadJson)),
        ])
    }

    func deliveriesTable(_ deliveries: [AlertDelivery]) -> String {
        TextTable(
            columns: [.init("DELIVERY"), .init("RULE"), .init("STATE"), .init("TRIES", alignRight: true), .init("CREATED"), .init("LAST"), .init("EVENT")],
            rows: deliveries.map { delivery in
                let last = delivery.state == .delivered ? "HTTP \(delivery.lastHttpStatus)" : delivery.lastError
                return [delivery.deliveryId, delivery.ruleId, delivery.state.name, String(delivery.attempts),
                        time.format(delivery.createdAtMs), last, delivery.event]
            }
        ).render(width: 200)
    }
}
