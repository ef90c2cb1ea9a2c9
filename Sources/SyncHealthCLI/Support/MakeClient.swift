import SyncHealthClient

/// The TCP client for the global options (--server, --token, --timeout);
/// --database mode runs through `LocalService` instead (see `APICommand.run`).
func makeClient(_ global: GlobalOptions) throws -> any SyncHealthAPI {
    let ms = try global.timeoutMs()
    return try SyncHealthClient(target: global.resolvedServer, token: global.resolvedToken, timeout: .milliseconds(ms))
}
