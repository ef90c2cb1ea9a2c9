import SyncHealthConcurrency
import SyncHealthClient
@testable import SyncHealthServer
import SyncHealthWire
import Testing
import SyncHealthTestSupport
import SyncHealthTestTraits

@Suite("Client calls against a live server", .offThePool)
struct ClientCallTests {
    @Test func echoAndHealthCheck() async throws {
        try await withServer { h in
            let client = try RPCClient(target: h.target)
            defer { client.close() }
            let reply: Blob = try await client.call(M.echo, Blob("hello"))
            #expect(reply.text == "hello")
            let health: HealthCheckResponse = try await client.call(HealthService.checkMethod, HealthCheckRequest())
            #expect(health.status == .serving)
            let unknown = await rpcError {
                let _: HealthCheckResponse = try await client.call(HealthService.checkMethod, HealthCheckRequest(service: "nope.Service"))
            }
            #expect(unknown?.code == .notFound)
        }
    }

    @Test func manyConcurrentCallsShareOneConnection() async throws {
        try await withServer({ $0.maxConcurrentStreams = 1000 }) { h in
            let client = try RPCClient(target: h.target)
            defer { client.close() }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for i in 0..<200 {
                    group.addTask {
                        let reply: Blob = try await client.call(M.echo, Blob("call \(i)"), timeout: .seconds(30))
                        #expect(reply.text == "call \(i)")
                    }
                }
                try await group.waitForAll()
            }
            #expect(h.server.connectionCount == 1)
            #expect(h.probe.count("echo") == 200)
        }
    }

    @Test func manyConnectionsAtOnce() async throws {
        try await withServer { h in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for c in 0..<20 {
                    group.addTask {
                        let client = try RPCClient(target: h.target)
                        defer { client.close() }
                        for i in 0..<10 {
                            let reply: Blob = try await client.call(M.echo, Blob("\(c)/\(i)"), timeout: .seconds(30))
                            #expect(reply.text == "\(c)/\(i)")
                        }
                    }
                }
                try await group.waitForAll()
            }
            #expect(h.probe.count("echo") == 200)
        }
    }

    @Test func slowCallDoesNotDelayFastOneOnSameConnection() async throws {
        try await withServer { h in
            let client = try RPCClient(target: h.target)
            defer { client.close() }
            let slowDone = Locked(false)
            let slow = Task {
                let reply: Blob = try await client.call(M.gate, Blob("slow"), timeout: .seconds(30))
                slowDone.withLock { $0 = true }
                return reply.text
            }
            #expect(await h.probe.wait { $0.counts["gate.started"] == 1 })
            // The slow handler is parked; a fast call on the same connection completes anyway.
            let fast: Blob = try await client.call(M.echo, Blob("fast"), timeout: .seconds(30))
            #expect(fast.text == "fast")
            #expect(slowDone.withLock { $0 } == false)
            #expect(h.probe.count("gate.finished") == 0)
            h.probe.openGate()
            #expect(try await slow.value == "slow")
            #expect(h.server.connectionCount == 1)
        }
    }

    @Test func statusCodesReachTheCaller() async throws {
        try await withServer { h in
            let client = try RPCClient(target: h.target)
            defer { client.close() }
            let notFound = await rpcError { let _: Blob = try await client.call(M.fail, Blob("")) }
            #expect(notFound == RPCError(.notFound, "no such thing"))
            let crash = await rpcError { let _: Blob = try await client.call(M.crash, Blob("")) }
            #expect(crash == RPCError(.internal, "internal error"))
            let unknown = await rpcError { let _: Blob = try await client.call("/test.Echo/Nope", Blob("")) }
            #expect(unknown?.code == .unimplemented)
            // 0xFF is not a valid protobuf tag: the typed handler cannot decode it.
            let undecodable = await rpcError { let _: Blob = try await client.call(M.typed, Blob([0xFF, 0xFF, 0xFF])) }
            #expect(undecodable?.code == .invalidArgument)
            let ok: Blob = try await client.call(M.echo, Blob("after errors"))
            #expect(ok.text == "after errors")
        }
    }

    @Test func metadataReachesHandlerAndIsNeverLogged() async throws {
        try await withServer { h in
            let client = try RPCClient(target: h.target)
            defer { client.close() }
            let secret = "Bearer s3cret-token-value"
            let reply: Blob = try await client.call(M.metadata, Blob(""), metadata: ["X-Echo": "visible", "authorization": secret])
            #expect(reply.text == "visible")
            #expect(await eventually { h.logs.calls.count == 1 })
            let line = try #require(h.logs.calls.first)
            #expect(line.metadata["rpc.method"] == M.metadata)
            #expect(line.metadata["rpc.status"] == "OK")
            #expect(line.metadata["rpc.stream_id"] == "1")
            #expect(line.metadata["rpc.caller"] == "tester")
            #expect(line.metadata["peer"]?.hasPrefix("127.0.0.1:") == true)
            #expect(line.metadata["rpc.latency_ms"] != nil)
            let everything = h.logs.all.map { "\($0.message) \($0.metadata)" }.joined(separator: "\n")
            #expect(!everything.contains("s3cret"))
            #expect(!everything.contains("visible"))
        }
    }

    @Test func clientDeadlineEndsTheCallAndTheHandlerSeesIt() async throws {
        try await withServer { h in
            let client = try RPCClient(target: h.target)
            defer { client.close() }
            let error = await rpcError { let _: Blob = try await client.call(M.block, Blob(""), timeout: .milliseconds(50)) }
            #expect(error?.code == .deadlineExceeded)
            #expect(await h.probe.wait { $0.cancellations.count == 1 })
            // The server's own timer and the client's CANCEL race; either stops the handler.
            #expect([.deadlineExceeded, .cancelledByClient].contains(h.probe.cancellations.first))
        }
    }

    @Test func taskCancellationSendsCancel() async throws {
        try await withServer { h in
            let client = try RPCClient(target: h.target)
            defer { client.close() }
            let call = Task { let _: Blob = try await client.call(M.block, Blob("")) }
            #expect(await h.probe.wait { $0.counts["block.started"] == 1 })
            call.cancel()
            let error = await rpcError { try await call.value }
            #expect(error?.code == .cancelled)
            #expect(await h.probe.wait { !$0.cancellations.isEmpty })
            #expect(h.probe.cancellations == [.cancelledByClient])
            let ok: Blob = try await client.call(M.echo, Blob("next"))
            #expect(ok.text == "next")
        }
    }

    @Test func pingRoundTrip() async throws {
        try await withServer { h in
            let client = try RPCClient(target: h.target)
            defer { client.close() }
            let rtt = try await client.ping()
            #expect(rtt >= .zero)
        }
    }

    @Test func onlyIdempotentCallsAreRetriedOnUnavailable() async throws {
        try await withServer { h in
            var configuration = ClientConfiguration()
            configuration.maxAttempts = 3
            configuration.initialBackoff = .milliseconds(1)
            let client = RPCClient(endpoint: try Endpoint(serverAddress: h.target), configuration: configuration)
            defer { client.close() }
            let once = await rpcError { let _: Blob = try await client.call(M.unavailable, Blob("")) }
            #expect(once?.code == .unavailable)
            #expect(h.probe.count("unavailable") == 1)
            let retried = await rpcError { let _: Blob = try await client.call(M.unavailable, Blob(""), idempotent: true) }
            #expect(retried?.code == .unavailable)
            #expect(h.probe.count("unavailable") == 4)
            // Other codes are never retried.
            let notFound = await rpcError { let _: Blob = try await client.call(M.fail, Blob(""), idempotent: true) }
            #expect(notFound?.code == .notFound)
        }
    }

    @Test func clientRedialsAfterTheServerDropsTheConnection() async throws {
        try await withServer({ $0.idleTimeout = .milliseconds(100) }) { h in
            // Idempotent, with attempts to spare: on a loaded machine (the
            // whole suite starting at once) the 100 ms idle timeout can beat a
            // call more than the default 3 times; each beaten call is redialled.
            var configuration = ClientConfiguration()
            configuration.maxAttempts = 20
            configuration.initialBackoff = .milliseconds(1)
            let client = try RPCClient(target: h.target, configuration: configuration)
            defer { client.close() }
            let first: Blob = try await client.call(M.echo, Blob("one"), idempotent: true)
            #expect(first.text == "one")
            // The idle timeout sends GOAWAY and closes; wait until the server has let go.
            #expect(await eventually { h.server.connectionCount == 0 })
            let second: Blob = try await client.call(M.echo, Blob("two"), idempotent: true)
            #expect(second.text == "two")
        }
    }

    @Test func connectFailureIsUnavailable() async throws {
        // A port bound but not listening refuses connections, and stays ours
        // for the test (a stopped server's port could be reused by another test).
        let refusing = try BoundPort()
        var configuration = ClientConfiguration()
        configuration.maxAttempts = 2
        configuration.initialBackoff = .milliseconds(1)
        let client = RPCClient(endpoint: Endpoint(host: "127.0.0.1", port: refusing.port), configuration: configuration)
        let error = await rpcError { let _: Blob = try await client.call(M.echo, Blob(""), idempotent: true) }
        #expect(error?.code == .unavailable)
    }
}
