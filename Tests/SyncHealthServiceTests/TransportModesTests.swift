import Dispatch
import Glibc
import SyncHealthConcurrency
import SyncHealthClient
import SyncHealthServer
import SyncHealthSQLite
import SyncHealthTestSupport
import SyncHealthWire
import Testing
import SyncHealthTestTraits

/// One body, two transports: the in-process transport (what the CLI's
/// --database mode uses) and a live TCP server on port 0 answer every call
/// the same way, because both run the same router, handlers, codecs and
/// access policy over the same frames.
@Suite(.offThePool) struct TransportModesTests {
    enum Mode: String, CaseIterable, CustomTestStringConvertible {
        case inProcess, tcp
        var testDescription: String { rawValue }
    }

    /// A service on a fresh database, reached through `mode`, with the
    /// standard access policy checking `role`'s principal on every call.
    final class Service: Sendable {
        let directory = TemporaryDirectory(prefix: "synchealth-modes")
        let client: SyncHealthClient
        let server: RPCServer?

        init(_ mode: Mode, role: Role = .admin, extra: (@Sendable (Router) -> Void)? = nil) throws {
            let store = try SQLiteSyncStore(path: directory.file("modes.sqlite"))
            let authorizer = Authorizer(mode: .localPrincipal(Principal(name: "tester", role: role)))
            let router = Router(interceptor: authorizer.interceptor)
            SyncHealthHandlers.register(on: router, store: store)
            RetryHandlers.register(on: router, store: store)
            AlertHandlers.register(on: router, store: store)
            extra?(router)
            switch mode {
            case .inProcess:
                server = nil
                client = SyncHealthClient(transport: InProcessTransport(router: router), timeout: .seconds(20))
            case .tcp:
                let server = RPCServer(address: try BindTarget(listenAddress: "127.0.0.1:0"), router: router)
                let port = try server.start()
                self.server = server
                client = try SyncHealthClient(target: "127.0.0.1:\(port)", timeout: .seconds(20))
            }
        }

        func stop() {
            client.close()
            server?.stop()
        }
    }

    func status(_ body: () async throws -> Void) async -> StatusCode {
        do {
            try await body()
            return .ok
        } catch let error as RPCError {
            return error.code
        } catch {
            return .unknown
        }
    }

    @Test(arguments: Mode.allCases)
    func everyAnswerIsTheServers(mode: Mode) async throws {
        let service = try Service(mode)
        defer { service.stop() }
        let c = service.client
        let recorded = try await c.recordSync(RecordSyncRequest(sync: Fixtures.sync("s-1"), config: Fixtures.config()))
        #expect(recorded.sync?.syncId == "s-1")
        _ = try await c.recordPushItems(RecordPushItemsRequest(syncId: "s-1", items: [
            Fixtures.item("i-1", status: .failed, error: "Account 200 is archived"), Fixtures.item("i-2"),
        ]))
        let got = try await c.getSync(GetSyncRequest(syncId: "s-1"))
        #expect(got.sync?.syncId == "s-1")
        let items = try await c.listPushItems(ListPushItemsRequest(syncId: "s-1", includeTotal: true))
        #expect(items.total?.value == 2)
        #expect(try await c.listSyncs(ListSyncsRequest(includeTotal: true)).total?.value == 1)
        // Errors are the server's own, status and words.
        #expect(await status { _ = try await c.getSync(GetSyncRequest(syncId: "")) } == .invalidArgument)
        #expect(await status { _ = try await c.getSync(GetSyncRequest(syncId: "nope")) } == .notFound)
        #expect(await status { _ = try await c.transport.callRaw("/synchealth.v1.SyncHistory/DropTables", []) } == .unimplemented)
        #expect(await status { _ = try await c.transport.callRaw(Methods.SyncHistory.getSync.fullName, [0xFF, 0xFF]) } == .invalidArgument)
        // A string with U+0000 is refused before it is sent, on both.
        #expect(await status { _ = try await c.getSync(GetSyncRequest(syncId: "a\u{0}b")) } == .invalidArgument)
        // The retry service answers through the same router.
        let preview = try await c.retryFailedItems(RetryFailedItemsRequest(
            scope: RetryScope(scope: .sync(SyncRetryScope(syncId: "s-1"))), reason: "test", idempotencyKey: "k-1", dryRun: true))
        #expect(preview.preview?.wouldRetry == 1)
    }

    @Test(arguments: Mode.allCases)
    func theAccessPolicyAppliesToTheLocalPrincipal(mode: Mode) async throws {
        let service = try Service(mode, role: .viewer)
        defer { service.stop() }
        #expect(try await service.client.listSyncs(ListSyncsRequest()).syncs.isEmpty)
        let refused = await status { _ = try await service.client.recordSync(RecordSyncRequest(sync: Fixtures.sync("s-1"))) }
        #expect(refused == .permissionDenied)
    }

    @Test(arguments: Mode.allCases)
    func aSlowCallMeetsItsDeadlineAndIsCancelled(mode: Mode) async throws {
        let sawCancel = Locked(false)
        let service = try Service(mode, extra: { router in
            router.register("/synchealth.v1.SyncHistory/Slow") { _, context in
                let deadline = ContinuousClock.now + .seconds(5)
                while !context.isCancelled && ContinuousClock.now < deadline { usleep(2_000) }
                sawCancel.withLock { $0 = context.isCancelled }
                return []
            }
        })
        defer { service.stop() }
        let started = ContinuousClock.now
        let code = await status { _ = try await service.client.transport.callRaw("/synchealth.v1.SyncHistory/Slow", [], timeout: .milliseconds(100)) }
        #expect(code == .deadlineExceeded)
        #expect(ContinuousClock.now - started < .seconds(4))
        // The handler sees its context cancelled.
        for _ in 0..<200 where !sawCancel.withLock({ $0 }) { try await Task.sleep(for: .milliseconds(10)) }
        #expect(sawCancel.withLock { $0 })
    }
}
