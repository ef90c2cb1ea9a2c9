public import ArgumentParser
import Foundation
public import SyncHealthClient
import SyncHealthRetry
import SyncHealthWire

/// `synchealth retry`: retry failed push items of one sync, or of every sync
/// matching a filter, through the server's retry executor.
public struct RetryCommand: APICommand {
    public static let configuration = CommandConfiguration(
        commandName: "retry",
        abstract: "Retry failed push items: one sync's, or those of every sync matching a filter.",
        discussion: """
        Examples:
          synchealth retry 9f1c2a7e --reason "Xero account 200 re-enabled" --dry-run
          synchealth retry 9f1c2a7e --data-type invoices --reason "..." --wait
          synchealth retry --status 5130 --target xero --since 24h --reason "Xero outage over" --wait
        Items that retrying cannot fix (configuration errors, de-authorized or deleted companies,
        billing expiry, items the platform rejected as non-retryable) are skipped unless --force.
        """
    )

    @OptionGroup public var global: GlobalOptions
    @Argument(help: "A sync ID (or a unique prefix). Leave out to retry by filter.") var syncId: String?
    @Option(name: .customLong("items"), help: "Only these item IDs (comma-separated or repeated).") var itemIds: [String] = []
    @Option(name: .customLong("data-type"), help: "Only items of this data type; repeat for several.") var dataTypes: [String] = []
    @Option(help: "Filter: status code(s) of the syncs, e.g. 5130.") var status: [String] = []
    @Option(help: "Filter: target platform key.") var target: String?
    @Option(help: "Filter: source platform key.") var source: String?
    @Option(help: "Filter: company ID.") var company: String?
    @Option(help: "Filter: commerce or expenses.") var product: String?
    @Option(help: "Filter: syncs started within this long before now, e.g. 24h.") var since: String?
    @Option(help: "Filter: syncs started at or after this time.") var from: String?
    @Option(help: "Filter: syncs started before this time.") var to: String?
    @Option(help: "Why the retry is needed (recorded with every attempt).") var reason: String
    @Option(help: "Idempotency key: the same key never makes a second job (default: a new random key).") var idempotencyKey: String?
    @Flag(help: "Show what would be retried and skipped, and why; change nothing.") var dryRun = false
    @Flag(help: "Also retry items classified as non-retryable.") var force = false
    @Flag(help: "Follow the job with a live progress bar until it ends.") var wait = false
    @Option(help: "With --database: the Connector service of a platform, PLATFORM=HOST:PORT (repeatable).") var connector: [String] = []
    @Option(help: "With --database: connector for other platforms, 'sandbox' or HOST:PORT.") var defaultConnector: String?
    @Option(help: "table or json.") var format: OutputFormat = .table

    public init() {}

    public func validate() throws {
        if reason.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--reason must say why") }
        let filterGiven = !status.isEmpty || target != nil || source != nil || company != nil || product != nil
            || since != nil || from != nil || to != nil
        if syncId != nil && filterGiven {
            throw ValidationError("give a sync ID or filter options (--status, --target, ...), not both")
        }
        if syncId == nil && !filterGiven {
            throw ValidationError("give a sync ID, or at least one filter option (--status, --target, --company, --since, ...)")
        }
        if syncId == nil && !itemIds.isEmpty { throw ValidationError("--items needs a sync ID") }
        if global.database == nil && (!connector.isEmpty || defaultConnector != nil) {
            throw ValidationError("--connector and --default-connector go with --database (the server has its own)")
        }
        if global.database != nil && !dryRun && connector.isEmpty && defaultConnector == nil {
            throw ValidationError("with --database, say where to push: --connector PLATFORM=HOST:PORT or --default-connector")
        }
    }

    /// The connectors named on the command line, for `--database` mode.
    func connectorRegistry() throws -> ConnectorRegistry {
        var byPlatform: [String: String] = [:]
        for entry in connector {
            guard let assignment = PlatformAssignment(parsing: entry) else { throw CLIInputError(PlatformAssignment.usage(entry)) }
            byPlatform[assignment.platform] = assignment.address
        }
        return try ConnectorRegistry.configured(connectors: byPlatform, defaultConnector: defaultConnector ?? "", sandboxSeed: 42)
    }

    /// The scope these options describe, at `now` (ms).
    func scope(now: Int64, api: any SyncHealthAPI) async throws -> RetryScope {
        if let syncId {
            let id = try await SyncIdResolver.resolve(syncId, api: api)
            let items = itemIds.flatMap { $0.split(separator: ",").map(String.init) }
            return RetryScope(scope: .sync(SyncRetryScope(syncId: id, itemIds: items, dataTypes: dataTypes)))
        }
        let time = global.timeText
        let parsedStatus = try DomainParsing.statusFilter(status)
        guard parsedStatus.categories.isEmpty else {
            throw CLIInputError("retry filters take status codes (e.g. 5130), not categories")
        }
        if since != nil && from != nil { throw CLIInputError("use --since or --from, not both") }
        var filter = FilterRetryScope(
            statusCodes: parsedStatus.codes, targetPlatform: target ?? "", companyId: company ?? "",
            dataTypes: dataTypes, sourcePlatform: source ?? "", product: try DomainParsing.product(product)
        )
        if let since { filter.startedFromMs = now - (try DurationText.parseMs(since)) }
        if let from { filter.startedFromMs = try time.parse(from, now: now) }
        if let to { filter.startedToMs = try time.parse(to, now: now) }
        return RetryScope(scope: .filter(filter))
    }

    public func execute(api: any SyncHealthAPI, output: any CLIOutput) async throws {
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        let request = RetryFailedItemsRequest(
            scope: try await scope(now: now, api: api), reason: reason,
            idempotencyKey: idempotencyKey ?? UUID().uuidString.lowercased(), dryRun: dryRun, force: force
        )
        // In --database mode the executor runs here, in this process: the
        // same executor module the server runs, against the same file.
        var local: RetryExecutor?
        if let store = LocalService.current?.store, !dryRun {
            let executor = RetryExecutor(store: store, connectors: try connectorRegistry())
            executor.start()
            local = executor
        }
        defer { local?.stop() }
        let response = try await api.retryFailedItems(request)
        local?.wake()
        let rendering = RetryRendering(time: global.timeText)
        if format == .json {
            output.line(rendering.json(response).rendered())
        } else {
            output.line(rendering.preview(response.preview ?? RetryPreview(), dryRun: dryRun))
            if let job = response.job {
                output.line("")
                output.line((response.existing ? "existing job " : "job ") + "\(job.jobId) \(RetryRendering.word(job.state))" +
                            " · idempotency key \(request.idempotencyKey)")
            }
        }
        guard wait || local != nil, !dryRun, let job = response.job else { return }
        let final = try await JobFollower(api: api, output: output, time: global.timeText).follow(jobId: job.jobId)
        if final.state == .failed || final.state == .partiallyFailed { throw ExitCode(3) }
    }
}
