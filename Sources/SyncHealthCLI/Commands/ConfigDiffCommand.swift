import SyncHealthJSON
public import ArgumentParser
public import SyncHealthClient
import SyncHealthWire

/// `synchealth config diff SYNC_ID`: what changed in the configuration since
/// the company's last successful sync ("it worked yesterday").
public struct ConfigDiffCommand: SyncCommand {
    public static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare a sync's configuration with the one of the company's last successful sync."
    )

    @OptionGroup public var global: GlobalOptions
    @OptionGroup public var syncArgument: SyncIdArgument
    @Option(help: "table or json.") var format: OutputFormat = .table

    public init() {}

    public func execute(syncId id: String, api: any SyncHealthAPI, output: any CLIOutput) async throws {
        let response = try await api.getSyncConfig(GetSyncConfigRequest(syncId: id, includeDiff: true))
        guard let diff = response.diff else { throw RPCError(.`internal`, "server answered without a diff") }
        if format == .json {
            output.line(JSONValue.object([
                ("syncId", .string(id)),
                ("state", .string(diff.state == .compared ? "compared" : "no-baseline")),
                ("baselineSyncId", .string(diff.baselineSyncId)),
                ("baselineStartedAtMs", .int(diff.baselineStartedAtMs)),
                ("changes", .array(diff.changes.map { change in
                    .object([("path", .string(change.path)), ("kind", .string(Self.word(change.kind))),
                             ("old", .string(change.oldValue)), ("new", .string(change.newValue))])
                })),
                ("truncated", .bool(diff.truncated)),
            ]).rendered())
            return
        }
        guard diff.state == .compared else {
            output.line("No earlier successful sync of this company with a configuration: nothing to compare with.")
            return
        }
        let time = global.timeText
        output.line("Compared with the last successful sync \(diff.baselineSyncId) (started \(time.format(diff.baselineStartedAtMs)) \(time.zoneName))")
        if diff.changes.isEmpty {
            output.line("The configuration is the same" + (diff.baselineConfigHash.isEmpty ? "." : " (sha256 \(diff.baselineConfigHash.prefix(12))…)."))
            return
        }
        if diff.comparedAsText { output.line("(not JSON: compared as text)") }
        for change in diff.changes {
            switch change.kind {
            case .added: output.line("+ \(change.path): \(change.newValue)")
            case .removed: output.line("- \(change.path): \(change.oldValue)")
            default: output.line("~ \(change.path): \(change.oldValue) -> \(change.newValue)")
            }
        }
        output.line("\(diff.changes.count) change\(diff.changes.count == 1 ? "" : "s")" + (diff.truncated ? " (truncated)" : ""))
    }

    static func word(_ kind: ConfigChangeKind) -> String {
        switch kind {
        case .added: return "added"
        case .removed: return "removed"
        case .changed: return "changed"
        default: return "unknown"
        }
    }
}
