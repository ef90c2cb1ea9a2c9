import SyncHealthClient

/// The real client for the global options.
func makeClient(_ global: GlobalOptions) throws -> any SyncHealthAPI {
    if let database = global.database {
        return try LocalStoreAPI(path: database, actor: global.localActor)
    }
    let ms = try global.timeoutMs()
    return try SyncHealthClient(target: global.resolvedServer, token: global.resolvedToken, timeout: .milliseconds(ms))
}
