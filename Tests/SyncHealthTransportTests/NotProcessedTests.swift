import Synchronization
import SyncHealthClient
import SyncHealthServer
import SyncHealthWire
import Testing
import SyncHealthTestSupport
import SyncHealthTestTraits

/// The `synchealth-not-processed: true` trailer (docs/PROTOCOL.md §13): the
/// server marks exactly the calls it refused without running them, and the
/// client retries RESOURCE_EXHAUSTED only when marked and only when idempotent.
@Suite("Not-processed refusals", .offThePool)
struct NotProcessedTests {
    private static func header(_ frame: Frame) throws -> ResponseHeader {
        try ResponseHeader(serializedBytes: frame.splitHeaderAndMessage().header)
    }

    /// How many calls to `method` the server answered with `status`.
    private static func answered(_ h: Harness, _ method: String, _ status: String) -> Int {
        h.logs.calls.filter { $0.metadata["rpc.method"] == method && $0.metadata["rpc.status"] == status }.count
    }

    @Test func aCallOverTheLimitCarriesTheTrailer() async throws {
        try await withServer({ $0.maxConcurrentStreams = 1 }) { h in
            let peer = try await RawPeer.connect(port: h.port)
            _ = try await peer.handshake()
            await peer.send(Wire.request(1, M.gate), Wire.request(3, M.echo))
            let refused = try #require(await peer.next().frame)
            #expect(refused.streamId == 3)
            let header = try Self.header(refused)
            #expect(header.statusCode == .resourceExhausted)
            #expect(header.trailers.filter { $0.key != "x-request-id" } == [MetadataEntry(key: "synchealth-not-processed", value: "true")])
            #expect(header.error == RPCError(.resourceExhausted, header.statusMessage, notProcessed: true))
            #expect(h.probe.count("echo") == 0)
            h.probe.openGate()
            let done = try #require(await peer.next().frame)
            #expect(try Self.header(done).trailers.map(\.key) == ["x-request-id"])
        }
    }

    @Test func aCallRefusedWhileDrainingCarriesTheTrailer() async throws {
        let h = try Harness.start()
        let peer = try await RawPeer.connect(port: h.port)
        _ = try await peer.handshake()
        await peer.send(Wire.request(1, M.gate))
        #expect(await h.probe.wait { $0.counts["gate.started"] == 1 })
        let shutdown = Task { await h.server.shutdown(gracePeriod: .seconds(30)) }
        #expect(try #require(await peer.next().frame).type == .goAway)
        await peer.send(Wire.request(3, M.echo))
        let refused = try #require(await peer.next().frame)
        let header = try Self.header(refused)
        #expect(header.statusCode == .unavailable)
        #expect(header.isMarkedNotProcessed)
        h.probe.openGate()
        _ = await peer.readUntilClosed()
        await shutdown.value
    }

    @Test func errorsFromHandlersAreNeverMarked() async throws {
        try await withServer { h in
            let peer = try await RawPeer.connect(port: h.port)
            _ = try await peer.handshake()
            // UNAVAILABLE and a RESOURCE_EXHAUSTED the handler itself marked:
            // the handler ran, so neither may claim the call was not processed.
            await peer.send(Wire.request(1, M.unavailable), Wire.request(3, M.exhausted), Wire.request(5, M.big, Array("\(8 << 20)".utf8)))
            for _ in 0..<3 {
                let frame = try #require(await peer.next().frame)
                let header = try Self.header(frame)
                #expect(header.statusCode != .ok)
                #expect(!header.isMarkedNotProcessed, "stream \(frame.streamId)")
                #expect(header.trailers.map(\.key) == ["x-request-id"], "stream \(frame.streamId)")
            }
        }
    }

    @Test func anIdempotentCallOverTheLimitIsRetriedUntilASlotFrees() async throws {
        try await withServer({ $0.maxConcurrentStreams = 1 }) { h in
            var configuration = ClientConfiguration()
            configuration.maxAttempts = 100
            configuration.initialBackoff = .milliseconds(5)
            configuration.maxBackoff = .milliseconds(20)
            let client = RPCClient(endpoint: try Endpoint(serverAddress: h.target), configuration: configuration)
            defer { client.close() }
            let holder = Task { let reply: Blob = try await client.call(M.gate, Blob("held"), timeout: .seconds(30)); return reply.text }
            #expect(await h.probe.wait { $0.counts["gate.started"] == 1 })
            let retried = Task {
                let reply: Blob = try await client.call(M.echo, Blob("second"), timeout: .seconds(30), idempotent: true)
                return reply.text
            }
            // Refused at least once while the slot is taken; then the slot frees.
            #expect(await eventually { Self.answered(h, M.echo, "RESOURCE_EXHAUSTED") >= 1 })
            h.probe.openGate()
            #expect(try await holder.value == "held")
            #expect(try await retried.value == "second")
            #expect(h.probe.count("echo") == 1)
            // The server logs a call just after writing its answer, so the
            // line can trail the reply the client already holds: wait for it.
            #expect(await eventually { Self.answered(h, M.echo, "OK") >= 1 })
            #expect(Self.answered(h, M.echo, "OK") == 1)
        }
    }

    @Test func aNonIdempotentCallOverTheLimitIsNotRetried() async throws {
        try await withServer({ $0.maxConcurrentStreams = 1 }) { h in
            var configuration = ClientConfiguration()
            configuration.maxAttempts = 100
            configuration.initialBackoff = .milliseconds(5)
            let client = RPCClient(endpoint: try Endpoint(serverAddress: h.target), configuration: configuration)
            defer { client.close() }
            let holder = Task { let _: Blob = try await client.call(M.gate, Blob("held"), timeout: .seconds(30)) }
            #expect(await h.probe.wait { $0.counts["gate.started"] == 1 })
            let refused = await rpcError { let _: Blob = try await client.call(M.echo, Blob("once"), timeout: .seconds(30)) }
            #expect(refused?.code == .resourceExhausted)
            #expect(refused?.notProcessed == true)
            h.probe.openGate()
            try await holder.value
            #expect(await eventually { Self.answered(h, M.echo, "RESOURCE_EXHAUSTED") >= 1 })
            #expect(Self.answered(h, M.echo, "RESOURCE_EXHAUSTED") == 1)
            #expect(h.probe.count("echo") == 0)
        }
    }

    @Test func unmarkedResourceExhaustedIsNotRetriedEvenWhenIdempotent() async throws {
        try await withServer { h in
            var configuration = ClientConfiguration()
            configuration.maxAttempts = 5
            configuration.initialBackoff = .milliseconds(1)
            let client = RPCClient(endpoint: try Endpoint(serverAddress: h.target), configuration: configuration)
            defer { client.close() }
            let error = await rpcError { let _: Blob = try await client.call(M.exhausted, Blob(""), idempotent: true) }
            #expect(error == RPCError(.resourceExhausted, "quota"))
            #expect(h.probe.count("exhausted") == 1)
            // UNAVAILABLE, by contrast, is retried up to maxAttempts.
            _ = await rpcError { let _: Blob = try await client.call(M.unavailable, Blob(""), idempotent: true) }
            #expect(h.probe.count("unavailable") == 5)
        }
    }
}
