import Glibc
import SyncHealthClient
import SyncHealthServer
import SyncHealthWire
import Testing
import SyncHealthTestSupport
import SyncHealthTestTraits

/// Shutdown, timeouts and limits (hazards 4, 11 and 12 in ENGINEERING.md).
/// Short configured timeouts only make the server act soon; no assertion
/// depends on how long anything took.
@Suite("Lifecycle, timeouts and limits", .offThePool)
struct LifecycleTests {
    /// On shutdown, an idle peer that never hangs up does not hold the server
    /// for the close linger: once it has acknowledged our GOAWAY and FIN, the
    /// connection closes. (The linger here is a minute; before, shutdown
    /// waited all of it.) The GOAWAY still reaches the peer intact.
    @Test func shutdownDoesNotWaitOutTheLingerForIdlePeers() async throws {
        let h = try Harness.start { $0.closeLingerTimeout = .seconds(60) }
        var peers: [RawPeer] = []
        for _ in 0..<3 {
            let peer = try await RawPeer.connect(port: h.port)
            _ = try await peer.handshake()
            peers.append(peer)
        }
        let silent = try await RawPeer.connect(port: h.port)  // never sends its preface
        #expect(await eventually { h.server.connectionCount == 4 })
        let stopped = Task { await h.server.shutdown(gracePeriod: .seconds(30)) }
        #expect(await eventually(timeout: .seconds(20)) { h.server.connectionCount == 0 },
                "connections still open: \(h.server.connectionCount)")
        for peer in peers + [silent] {
            let (goAway, _) = try await expectGoAwayAndClose(peer)
            #expect(goAway.message == "server shutting down")
        }
        await stopped.value
    }

    @Test func gracefulDrainFinishesInFlightAndRefusesNewCalls() async throws {
        let h = try Harness.start()
        let peer = try await RawPeer.connect(port: h.port)
        _ = try await peer.handshake()
        await peer.send(Wire.request(1, M.gate, Array("in flight".utf8)))
        #expect(await h.probe.wait { $0.counts["gate.started"] == 1 })

        let shutdown = Task { await h.server.shutdown(gracePeriod: .seconds(30)) }
        let goAwayFrame = try #require(await peer.next().frame)
        #expect(goAwayFrame.type == .goAway)
        let goAway = try Wire.goAway(goAwayFrame)
        #expect(goAway.lastStreamId == 1)
        #expect(h.server.servingState.status == .notServing)

        await peer.send(Wire.request(3, M.echo))
        let refused = try #require(await peer.next().frame)
        #expect(refused.streamId == 3)
        #expect(try Wire.status(refused).code == .unavailable)

        h.probe.openGate()
        let finished = try #require(await peer.next().frame)
        #expect(finished.streamId == 1)
        #expect(try Wire.status(finished).code == .ok)
        #expect(try Wire.status(finished).body == Array("in flight".utf8))
        #expect(await peer.readUntilClosed().closed)
        await shutdown.value
        #expect(h.server.connectionCount == 0)
        // The listener is gone too.
        await #expect(throws: (any Error).self) { _ = try await RawPeer.connect(port: h.port) }
    }

    @Test func callsStillRunningWhenGraceEndsGetUnavailable() async throws {
        let h = try Harness.start()
        let peer = try await RawPeer.connect(port: h.port)
        _ = try await peer.handshake()
        await peer.send(Wire.request(1, M.block))
        #expect(await h.probe.wait { $0.counts["block.started"] == 1 })
        let shutdown = Task { await h.server.shutdown(gracePeriod: .milliseconds(50)) }
        let (frames, closed) = await peer.readUntilClosed()
        await shutdown.value
        #expect(closed)
        let response = try #require(frames.first { $0.type == .response })
        #expect(try Wire.status(response).code == .unavailable)
        #expect(await h.probe.wait { $0.cancellations == [.serverShutdown] })
    }

    @Test func stopClosesAtOnceAndCancelsHandlers() async throws {
        let h = try Harness.start()
        let peer = try await RawPeer.connect(port: h.port)
        _ = try await peer.handshake()
        await peer.send(Wire.request(1, M.block))
        #expect(await h.probe.wait { $0.counts["block.started"] == 1 })
        h.server.stop()
        await h.server.waitUntilStopped()
        #expect(await peer.readUntilClosed().closed)
        #expect(await h.probe.wait { $0.cancellations == [.connectionClosed] })
    }

    @Test func handshakeTimeout() async throws {
        try await withServer({ $0.handshakeTimeout = .milliseconds(100) }) { h in
            let silent = try await RawPeer.connect(port: h.port)
            let (goAway, before) = try await expectGoAwayAndClose(silent)
            #expect(before.isEmpty)
            #expect(goAway.statusCode == .deadlineExceeded)
            // Half a preface is no better.
            let partial = try await RawPeer.connect(port: h.port)
            await partial.send(Array(Preface.bytes.prefix(4)))
            _ = try await expectGoAwayAndClose(partial)
        }
    }

    @Test func idleTimeout() async throws {
        try await withServer({ $0.idleTimeout = .milliseconds(100) }) { h in
            let peer = try await RawPeer.connect(port: h.port)
            _ = try await peer.handshake()
            let (goAway, _) = try await expectGoAwayAndClose(peer)
            #expect(goAway.message == "idle timeout")
        }
    }

    @Test func aCallInFlightIsNotIdle() async throws {
        try await withServer({ $0.idleTimeout = .milliseconds(50) }) { h in
            let peer = try await RawPeer.connect(port: h.port)
            // Preface and call in one write, so the call is in flight before any idle check can run.
            await peer.send(Preface.bytes + FrameEncoder.encode(Wire.request(1, M.sleep, Array("300000".utf8))))
            #expect(await peer.next().frame?.type == .settings)
            let response = try #require(await peer.next().frame)
            #expect(response.type == .response, "the connection must stay open while a call runs")
            #expect(try Wire.status(response).code == .ok)
        }
    }

    @Test func frameCompletionTimeout() async throws {
        try await withServer({ $0.frameCompletionTimeout = .milliseconds(100) }) { h in
            let peer = try await RawPeer.connect(port: h.port)
            _ = try await peer.handshake()
            // A header promising 100 bytes, then only 10 of them.
            await peer.send(Wire.header(length: 100, type: FrameType.request.rawValue, streamId: 1) + [UInt8](repeating: 0, count: 10))
            let (goAway, _) = try await expectGoAwayAndClose(peer)
            #expect(goAway.message.contains("frame"))
        }
    }

    @Test func connectionCap() async throws {
        try await withServer({ $0.maxConnections = 2 }) { h in
            let first = try await RawPeer.connect(port: h.port)
            let second = try await RawPeer.connect(port: h.port)
            _ = try await first.handshake()
            _ = try await second.handshake()
            let third = try await RawPeer.connect(port: h.port)
            await third.send(Preface.bytes)
            let (goAway, before) = try await expectGoAwayAndClose(third)
            #expect(before.isEmpty)
            #expect(goAway.statusCode == .resourceExhausted)
            // Through the client it is a connection failure: UNAVAILABLE.
            let client = try RPCClient(target: h.target)
            let refused = await rpcError { let _: Blob = try await client.call(M.echo, Blob("")) }
            #expect(refused?.code == .unavailable)
            #expect(refused?.message.contains("RESOURCE_EXHAUSTED") == true)
            // A freed slot serves again.
            first.close()
            #expect(await eventually { h.server.connectionCount <= 1 })
            let reply: Blob = try await client.call(M.echo, Blob("room now"))
            #expect(reply.text == "room now")
            client.close()
        }
    }

    @Test func peerVanishingMidFrame() async throws {
        try await withServer { h in
            for _ in 0..<5 {
                let peer = try await RawPeer.connect(port: h.port)
                _ = try await peer.handshake()
                await peer.send(Array(FrameEncoder.encode(Wire.request(1, M.echo, [1, 2, 3])).prefix(9)))
                peer.abortOnClose()
                peer.close()
            }
            #expect(await eventually { h.server.connectionCount == 0 })
            try await expectServes(h)
        }
    }

    @Test func peerVanishingMidWrite() async throws {
        try await withServer { h in
            let peer = try await RawPeer.connect(port: h.port, receiveBuffer: 4096)
            _ = try await peer.handshake()
            // Ask for megabytes it will never read, then reset the connection.
            let requests = (0..<8).flatMap { FrameEncoder.encode(Wire.request(UInt32($0 * 2 + 1), M.big, Array("1000000".utf8))) }
            await peer.send(requests)
            #expect(await peer.next().frame?.type == .response)  // writing has begun
            peer.abortOnClose()
            peer.close()
            #expect(await eventually { h.server.connectionCount == 0 })
            try await expectServes(h)
        }
    }

    @Test func peerThatDoesNotReadIsDropped() async throws {
        try await withServer({ $0.maxOutputBufferBytes = 64 * 1024 }) { h in
            let peer = try await RawPeer.connect(port: h.port, receiveBuffer: 4096)
            _ = try await peer.handshake()
            // 100 answers of 256 KiB each, far past what the kernel buffers
            // and the 64 KiB output limit hold, and the peer never reads.
            let requests = (0..<100).flatMap { FrameEncoder.encode(Wire.request(UInt32($0 * 2 + 1), M.big, Array("262144".utf8))) }
            await peer.send(requests)
            #expect(await eventually { h.server.connectionCount == 0 })
            try await expectServes(h)
        }
    }

    @Test func peerGoAwayDrainsAndCloses() async throws {
        try await withServer { h in
            let peer = try await RawPeer.connect(port: h.port)
            _ = try await peer.handshake()
            await peer.send(Wire.request(1, M.gate))
            #expect(await h.probe.wait { $0.counts["gate.started"] == 1 })
            await peer.send(Frame(type: .goAway, streamId: 0, payload: GoAway(lastStreamId: 0).serializedBytes()))
            await peer.send(Wire.request(3, M.echo))
            let refused = try #require(await peer.next().frame)
            #expect(refused.streamId == 3)
            #expect(try Wire.status(refused).code == .unavailable)
            h.probe.openGate()
            let (frames, closed) = await peer.readUntilClosed()
            #expect(closed)
            #expect(frames.map(\.streamId) == [1])
        }
    }
}
