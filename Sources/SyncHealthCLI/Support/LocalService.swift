public import SyncHealthClient
import SyncHealthServer
public import SyncHealthStorage
import SyncHealthStores
import SyncHealthWire

/// The service answered in this process from a database file, for
/// maintenance while the server is down (`--database PATH`): the real router,
/// handlers, codecs and access policy, reached through `InProcessTransport`
/// with the same frames a TCP connection carries, so every answer (and every
/// refusal) is the server's own.
///
/// The local user is an explicit admin principal named `actor`, recorded as
/// the requester of retries and cancels.
public final class LocalService: Sendable {
    /// The store, shared with an in-process retry executor.
    public let store: any ServiceStore
    /// The client over the in-process transport.
    public let client: SyncHealthClient

    /// The service of the command now running in --database mode, for
    /// commands that also run work in process (`retry` starts the executor).
    @TaskLocal public static var current: LocalService?

    /// Opens the database at `path` (it must exist: maintenance never creates one).
    /// - Throws: `CLIInputError` when there is no database there.
    public init(path: String, actor: String) throws {
        do {
            store = try DatabaseLocation(parsing: path).openStore(create: false)
        } catch let error as DatabaseLocationError {
            throw CLIInputError(error.message)
        }
        let authorizer = Authorizer(mode: .localPrincipal(Principal(name: actor, role: .admin)))
        let router = Router(interceptor: authorizer.interceptor)
        SyncHealthHandlers.register(on: router, store: store)
        RetryHandlers.register(on: router, store: store)
        AlertHandlers.register(on: router, store: store)
        HealthService.register(on: router, state: ServingState())
        client = SyncHealthClient(transport: InProcessTransport(router: router, peer: "local"))
    }
}
