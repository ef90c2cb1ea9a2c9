import Logging
import SyncHealthDaemon
import SyncHealthServer

/// SIGHUP: the tokens are read again from the config file and replace the
/// set in force as a whole. New tokens work from the next call, removed ones
/// are refused from the next call; a file with any error is rejected whole
/// and the tokens in force stay. Each reload is logged with counts and token
/// names, never a token or digest. Other settings need a restart.
enum TokenReload {
    static func run(
        authorizer: Authorizer, reread: (@Sendable () throws -> DaemonSettings)?, demoEntries: [TokenEntry],
        authEnabled: Bool, logger: Logger
    ) {
        guard case let .enforced(store) = authorizer.mode else {
            logger.notice("SIGHUP: authentication is off; no tokens to reload")
            return
        }
        guard let reread else {
            logger.warning("SIGHUP: no --config file was given, so there are no tokens to reload")
            return
        }
        do {
            let fresh = try reread()
            guard fresh.authEnabled == authEnabled else {
                throw SettingsError("turning authentication on or off needs a restart")
            }
            let registry = try TokenRegistry(fresh.tokens + demoEntries)
            guard !registry.isEmpty else {
                throw SettingsError("the config file has no tokens; every call would be refused")
            }
            let change = store.replace(with: registry)
            logger.notice("tokens reloaded", metadata: [
                "tokens": "\(change.total)", "added": "\(change.added.count)", "removed": "\(change.removed.count)",
                "changed": "\(change.changed.count)",
                "names_added": "\(change.added.joined(separator: ","))",
                "names_removed": "\(change.removed.joined(separator: ","))",
                "names_changed": "\(change.changed.joined(separator: ","))",
            ])
        } catch {
            logger.error("token reload rejected; the tokens in force are unchanged", metadata: [
                "error": "\(error)", "tokens": "\(store.current.entries.count)",
            ])
        }
    }
}
