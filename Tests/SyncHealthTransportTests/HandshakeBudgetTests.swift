import Dispatch
import Glibc
import SyncHealthServer
import SyncHealthConcurrency
import SyncHealthClient
import SyncHealthWire
import Testing
import SyncHealthTestSupport
import SyncHealthTestTraits

/// Connections that never finish the handshake have a budget of their own:
/// they cannot take the whole connection cap, and at the cap the oldest of
/// them makes room for a newcomer.
@Suite(.offThePool) struct HandshakeBudgetTests {
    /// 1,500 silent sockets against the default limits (cap 1,024, budget
    /// 256): a well-behaved client is still served. Before, it was refused
    /// with GOAWAY RESOURCE_EXHAUSTED until the 10 s handshake timeout.
    @Test func silentFloodDoesNotLockOutAGoodClient() async throws {
        try await withServer { h in
            let silent = try await SilentSockets.open(1_500, port: h.port)
            defer { silent.closeAll() }
            #expect(await eventually { h.server.connectionCounters.evictedBeforeHandshake >= 1_500 - 256 })
            #expect(h.server.pendingHandshakeCount <= 256)
            #expect(h.server.connectionCounters.refusedAtCapacity == 0)

            let client = try RPCClient(target: h.target)
            defer { client.close() }
            let reply: Blob = try await client.call(M.echo, Blob("served"), timeout: .seconds(10))
            #expect(reply.text == "served")
            // The oldest silent sockets were told why, then closed.
            let evicted = RawPeer(fd: silent.takeFirst(), role: .client)
            let (goAway, before) = try await expectGoAwayAndClose(evicted)
            #expect(before.isEmpty)
            #expect(goAway.statusCode == .resourceExhausted)
            #expect(goAway.message.contains("handshake"))
        }
    }

    /// Past the budget, the oldest pending connection goes, even below the cap.
    @Test func budgetEvictsTheOldestPendingConnection() async throws {
        try await withServer({ $0.maxPendingHandshakes = 3 }) { h in
            var peers: [RawPeer] = []
            for _ in 0..<5 {
                peers.append(try await RawPeer.connect(port: h.port))
                // One at a time, so "oldest" is well defined.
                let accepted = peers.count
                #expect(await eventually {
                    h.server.pendingHandshakeCount + h.server.connectionCounters.evictedBeforeHandshake == accepted
                })
            }
            #expect(await eventually { h.server.connectionCounters.evictedBeforeHandshake == 2 })
            for oldest in peers.prefix(2) {
                let (goAway, _) = try await expectGoAwayAndClose(oldest)
                #expect(goAway.statusCode == .resourceExhausted)
            }
            // The three newest are still there and can finish their handshake.
            for peer in peers.suffix(3) {
                #expect(try await peer.handshake().maxConcurrentStreams > 0)
            }
            #expect(h.server.pendingHandshakeCount == 0)
            #expect(h.server.connectionCounters.refusedAtCapacity == 0)
        }
    }

    /// At the cap, a newcomer replaces the oldest connection still in its
    /// handshake; once every connection has finished it, newcomers are
    /// refused with a clear GOAWAY, and counted.
    @Test func atTheCapTheOldestPendingMakesRoomThenRefusals() async throws {
        try await withServer({ $0.maxConnections = 4; $0.maxPendingHandshakes = 4 }) { h in
            var ready: [RawPeer] = []
            for _ in 0..<3 {
                let peer = try await RawPeer.connect(port: h.port)
                _ = try await peer.handshake()
                ready.append(peer)
            }
            let silent = try await RawPeer.connect(port: h.port)
            #expect(await eventually { h.server.pendingHandshakeCount == 1 })
            let newcomer = try await RawPeer.connect(port: h.port)
            _ = try await newcomer.handshake()
            let (evicted, _) = try await expectGoAwayAndClose(silent)
            #expect(evicted.statusCode == .resourceExhausted)
            #expect(h.server.connectionCounters.evictedBeforeHandshake == 1)

            // A flood of clients that do finish their handshake hits the cap.
            for _ in 0..<5 {
                let late = try await RawPeer.connect(port: h.port)
                await late.send(Preface.bytes)
                let (goAway, before) = try await expectGoAwayAndClose(late)
                #expect(before.isEmpty)
                #expect(goAway.statusCode == .resourceExhausted)
                #expect(goAway.message == "too many connections")
            }
            #expect(h.server.connectionCounters.refusedAtCapacity == 5)
            #expect(h.server.connectionCounters.evictedBeforeHandshake == 1)
            _ = ready
        }
    }

    /// A preface that arrives just as the server evicts the connection: the
    /// connection either is served or is closed, never both, and the cap
    /// accounting stays right (many rounds to hit the race).
    @Test func prefaceRacingEvictionKeepsTheCountsRight() async throws {
        try await withServer({ $0.maxConnections = 8; $0.maxPendingHandshakes = 1 }) { h in
            for _ in 0..<40 {
                let a = try await RawPeer.connect(port: h.port)
                async let sent = a.send(Preface.bytes)
                let b = try await RawPeer.connect(port: h.port)
                _ = await sent
                _ = try await b.handshake()
                switch await a.next() {
                case let .frame(frame):
                    #expect(frame.type == .settings || frame.type == .goAway)
                default:
                    break  // closed
                }
                a.close()
                b.close()
            }
            #expect(await eventually { h.server.connectionCount == 0 })
            #expect(h.server.pendingHandshakeCount == 0)
            try await expectServes(h)
        }
    }
}

/// Plain TCP connections that never send a byte.
final class SilentSockets: Sendable {
    private let fds: Locked<[Int32]>

    private init(_ fds: [Int32]) { self.fds = Locked(fds) }

    /// Connects `count` sockets to 127.0.0.1:`port`, off the cooperative pool.
    static func open(_ count: Int, port: UInt16) async throws -> SilentSockets {
        let fds = try await offload { () throws(TestSocketError) -> [Int32] in
            var fds: [Int32] = []
            for _ in 0..<count {
                do throws(TestSocketError) {
                    fds.append(try RawPeer.connectBlocking(port: port))
                } catch {
                    fds.forEach { _ = Glibc.close($0) }
                    throw error
                }
            }
            return fds
        }
        return SilentSockets(fds)
    }

    /// Hands the oldest socket to the caller (who closes it).
    func takeFirst() -> Int32 { fds.withLock { $0.removeFirst() } }

    func closeAll() {
        fds.withLock { fds in
            fds.forEach { _ = Glibc.close($0) }
            fds = []
        }
    }
}
