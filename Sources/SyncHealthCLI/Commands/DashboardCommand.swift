public import ArgumentParser
import Foundation
public import SyncHealthClient
import SyncHealthWire

/// `synchealth dashboard`: the last days at a glance.
public struct DashboardCommand: APICommand {
    public static let configuration = CommandConfiguration(
        commandName: "dashboard",
        abstract: "Totals by status, success rate, a per-day chart, items and top error groups."
    )

    @OptionGroup public var global: GlobalOptions
    @Option(help: "How far back, e.g. 7d or 30d.") var since: String = "30d"
    @Option(help: "Only this company.") var company: String?
    @Option(help: "commerce or expenses.") var product: String?
    @Option(help: "Source platform key.") var source: String?
    @Option(help: "Target platform key.") var target: String?
    @Option(help: "table or json.") var format: OutputFormat = .table

    public init() {}

    /// The request for these options at `now` (ms): whole UTC days, today included.
    func request(now: Int64) throws -> GetDashboardRequest {
        let span = try DurationText.parseMs(since)
        guard span > 0 else { throw CLIInputError("--since must be above 0") }
        let day = Limits.millisecondsPerDay
        let to = (now / day + 1) * day
        let from = max(0, (now - span) / day * day)
        return GetDashboardRequest(
            fromMs: from, toMs: to, companyId: company ?? "", product: try DomainParsing.product(product),
            sourcePlatform: source ?? "", targetPlatform: target ?? ""
        )
    }

    public func execute(api: any SyncHealthAPI, output: any CLIOutput) async throws {
        let request = try request(now: Int64(Date().timeIntervalSince1970 * 1000))
        let response = try await api.getDashboard(request)
        if format == .json {
            output.line(DashboardRendering.json(response).rendered())
        } else {
            output.line(DashboardRendering(time: TimeText(utc: true)).text(response, request: request))
        }
    }
}
