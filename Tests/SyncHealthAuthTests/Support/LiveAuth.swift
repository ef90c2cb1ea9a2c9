import SyncHealthClient
import SyncHealthServer
import SyncHealthTestSupport
import SyncHealthWire
import SyncHealthConcurrency

/// A live service with the test tokens, plus stub handlers for every known
/// method the real handlers do not register yet (Retry, ListErrorGroups,
/// Connector), so every method exists and the check in front of it is what
/// a test observes.
final class LiveAuth: Sendable {
    let service: LiveService
    /// The principal and identity each stub saw, by method.
    let seen = SeenCalls()

    init(authorizer: Authorizer? = nil, logs: CapturedLogs? = nil) throws {
        service = try LiveService(authorizer: authorizer ?? TestTokens.authorizer(), logs: logs)
        let router = service.server.router
        for method in MethodCatalog.known where router.handler(for: method) == nil {
            router.register(method) { [seen] _, context in
                seen.record(method, context)
                return []
            }
        }
    }

    func stop() { service.stop() }

    /// A request `method` can be sent: the customer's own company for
    /// ListCompanySyncs, an empty message (every field default) otherwise.
    static func request(for method: String) -> [UInt8] {
        method == Methods.SyncHistory.listCompanySyncs.fullName
            ? ListCompanySyncsRequest(companyId: TestTokens.customerCompany).serializedBytes()
            : []
    }

    /// The status a call ends with, and its message.
    func call(_ method: String, authorization: String?, request: [UInt8]? = nil) async -> (code: StatusCode, message: String) {
        let metadata = authorization.map { ["authorization": $0] } ?? [:]
        do {
            _ = try await service.client.transport.callRaw(
                method, request ?? Self.request(for: method), timeout: .seconds(10), metadata: metadata)
            return (.ok, "")
        } catch let error as RPCError {
            return (error.code, error.message)
        } catch {
            return (.unknown, "\(error)")
        }
    }

    /// `call` with `role`'s bearer token.
    func call(_ method: String, as role: Role, request: [UInt8]? = nil) async -> (code: StatusCode, message: String) {
        await call(method, authorization: "Bearer \(TestTokens.token(for: role))", request: request)
    }
}

/// What stub handlers saw of their callers.
final class SeenCalls: Sendable {
    private let calls = Locked<[String: (principal: Principal?, identity: String?)]>([:])

    func record(_ method: String, _ context: CallContext) {
        calls.withLock { $0[method] = (context.principal, context.callerIdentity) }
    }

    /// The last caller of `method`'s stub.
    subscript(method: String) -> (principal: Principal?, identity: String?)? {
        calls.withLock { $0[method] }
    }
}
