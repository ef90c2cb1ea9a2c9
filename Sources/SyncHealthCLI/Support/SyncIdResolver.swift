public import ArgumentParser
import SyncHealthClient
import SyncHealthWire

/// Lets operators type the short ids the tables show: a prefix that matches
/// exactly one sync resolves to its full id.
enum SyncIdResolver {
    static func resolve(_ id: String, api: any SyncHealthAPI) async throws -> String {
        guard !id.isEmpty else { throw CLIInputError("a sync id is required") }
        if id.count >= 36 { return id }
        let page = try await api.listSyncs(ListSyncsRequest(search: id, pageSize: 50))
        let matches = Set(page.syncs.map(\.syncId).filter { $0.hasPrefix(id) })
        if matches.count > 1 {
            throw CLIInputError("sync id prefix '\(id)' matches \(matches.count) syncs; type more of it")
        }
        return matches.first ?? id
    }
}

/// The argument of every command about one sync: its ID, or a unique prefix.
public struct SyncIdArgument: ParsableArguments {
    @Argument(help: "The sync ID (or a unique prefix of it).") var syncId: String

    public init() {}

    /// The full sync ID (a prefix resolved through `api`).
    func resolve(api: any SyncHealthAPI) async throws -> String {
        try await SyncIdResolver.resolve(syncId, api: api)
    }
}
