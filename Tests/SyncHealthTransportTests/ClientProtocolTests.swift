import SyncHealthClient
import SyncHealthWire
import Testing
import SyncHealthTestSupport
import SyncHealthTestTraits

/// The client against a scripted raw server, so each protocol rule is
/// checked on the bytes the client actually sends.
@Suite("Client protocol behaviour", .offThePool)
struct ClientProtocolTests {
    private func requests(_ peer: RawPeer, count: Int) async throws -> [(id: UInt32, header: RequestHeader, body: [UInt8])] {
        var result: [(UInt32, RequestHeader, [UInt8])] = []
        while result.count < count {
            let event = await peer.next()
            let frame = try #require(event.frame, "expected a REQUEST, got \(event)")
            guard frame.type == .request else { continue }
            let parts = try frame.splitHeaderAndMessage()
            result.append((frame.streamId, try RequestHeader(serializedBytes: parts.header), Array(parts.message)))
        }
        return result
    }

    @Test func streamIdsIncreaseAndPingIsAnswered() async throws {
        let raw = try RawServer()
        let client = try RPCClient(target: raw.target)
        defer { client.close() }
        let calls = (0..<5).map { i in
            Task { () throws -> String in
                let reply: Blob = try await client.call("/t.S/M", Blob("\(i)"), metadata: ["k": "v"])
                return reply.text
            }
        }
        let peer = try await raw.accept()
        await peer.send(RawServer.settingsFrame())
        // The server-role decoder would report a decreasing or duplicate id as a violation.
        let received = try await requests(peer, count: 5)
        #expect(received.map(\.id) == received.map(\.id).sorted())
        #expect(Set(received.map(\.id)).count == 5)
        #expect(received.allSatisfy { $0.header.method == "/t.S/M" && $0.header.metadata == [MetadataEntry(key: "k", value: "v")] })
        #expect(received.allSatisfy { $0.header.timeoutMs == 0 })

        let ping: [UInt8] = [9, 8, 7, 6, 5, 4, 3, 2]
        await peer.send(Wire.ping(ping))
        let pong = try #require(await peer.next().frame)
        #expect(pong.type == .pong && pong.payload == ping)

        for request in received { await peer.send(RawServer.response(request.id, message: request.body)) }
        var answers: [String] = []
        for call in calls { answers.append(try await call.value) }
        #expect(answers == ["0", "1", "2", "3", "4"])
    }

    @Test func goAwayFailsOnlyCallsAboveLastStreamId() async throws {
        let raw = try RawServer()
        let client = try RPCClient(target: raw.target)
        defer { client.close() }
        let first = Task { () throws -> String in let r: Blob = try await client.call("/t.S/M", Blob("a")); return r.text }
        let peer = try await raw.accept()
        await peer.send(RawServer.settingsFrame())
        let a = try await requests(peer, count: 1)[0]
        let second = Task { () throws -> String in let r: Blob = try await client.call("/t.S/M", Blob("b")); return r.text }
        let b = try await requests(peer, count: 1)[0]
        #expect(a.id < b.id)

        await peer.send(Frame(type: .goAway, streamId: 0, payload: GoAway(lastStreamId: a.id, statusCode: .ok, message: "bye").serializedBytes()))
        let refused = await rpcError { _ = try await second.value }
        #expect(refused?.code == .unavailable)
        #expect(refused?.message.contains("not processed") == true)

        await peer.send(RawServer.response(a.id, message: a.body))
        #expect(try await first.value == "a")

        // The going-away connection takes no new calls: the next one dials again.
        let third = Task { () throws -> String in let r: Blob = try await client.call("/t.S/M", Blob("c")); return r.text }
        let peer2 = try await raw.accept()
        await peer2.send(RawServer.settingsFrame())
        let c = try await requests(peer2, count: 1)[0]
        await peer2.send(RawServer.response(c.id, message: c.body))
        #expect(try await third.value == "c")
    }

    @Test func deadlineAndTaskCancellationSendCancel() async throws {
        let raw = try RawServer()
        let connectionTask = Task { try await SyncHealthConnection.connect(to: Endpoint(serverAddress: raw.target)) }
        let peer = try await raw.accept()
        await peer.send(RawServer.settingsFrame())
        let connection = try await connectionTask.value
        defer { connection.close() }

        let timedOut = await rpcError { _ = try await connection.callRaw("/t.S/M", [], timeout: .milliseconds(30)) }
        #expect(timedOut?.code == .deadlineExceeded)
        let request = try await requests(peer, count: 1)[0]
        #expect(request.header.timeoutMs == 30)
        let cancel = try #require(await peer.next().frame)
        #expect(cancel.type == .cancel && cancel.streamId == request.id)

        let call = Task { try await connection.callRaw("/t.S/M", []) }
        let second = try await requests(peer, count: 1)[0]
        call.cancel()
        let cancelled = await rpcError { _ = try await call.value }
        #expect(cancelled?.code == .cancelled)
        let cancel2 = try #require(await peer.next().frame)
        #expect(cancel2.type == .cancel && cancel2.streamId == second.id)
        // A late answer to a finished call is ignored; the connection still works.
        await peer.send(RawServer.response(second.id))
        let ping = Task { try await connection.ping() }
        let pingFrame = try #require(await peer.next().frame)
        #expect(pingFrame.type == .ping)
        await peer.send(Frame(type: .pong, streamId: 0, payload: pingFrame.payload))
        _ = try await ping.value
    }

    @Test func droppedConnectionFailsPendingCallsUnavailable() async throws {
        let raw = try RawServer()
        let client = try RPCClient(target: raw.target)
        defer { client.close() }
        let call = Task { let _: Blob = try await client.call("/t.S/M", Blob("x")) }
        let peer = try await raw.accept()
        await peer.send(RawServer.settingsFrame())
        _ = try await requests(peer, count: 1)
        peer.close()
        #expect(await rpcError { try await call.value }?.code == .unavailable)
    }

    @Test func serverStatusAndMaxFrameSize() async throws {
        let raw = try RawServer()
        let connectionTask = Task { try await SyncHealthConnection.connect(to: Endpoint(serverAddress: raw.target)) }
        let peer = try await raw.accept()
        var settings = Settings(protocolMajor: 1, maxFrameSize: 64, maxConcurrentStreams: 10)
        settings.serverName = "tiny"
        await peer.send(Frame(type: .settings, streamId: 0, payload: settings.serializedBytes()))
        let connection = try await connectionTask.value
        defer { connection.close() }
        #expect(connection.settings.serverName == "tiny")
        // Too big for the server's limit: refused locally, nothing sent.
        let tooBig = await rpcError { _ = try await connection.callRaw("/t.S/M", [UInt8](repeating: 0, count: 100)) }
        #expect(tooBig?.code == .resourceExhausted)

        let call = Task { try await connection.callRaw("/t.S/M", [1]) }
        let request = try await requests(peer, count: 1)[0]
        await peer.send(RawServer.response(request.id, .permissionDenied, status: "nope"))
        #expect(await rpcError { _ = try await call.value } == RPCError(.permissionDenied, "nope"))
    }

    @Test func handshakeWithoutSettingsTimesOut() async throws {
        let raw = try RawServer()
        var configuration = ClientConfiguration()
        configuration.connectTimeout = .milliseconds(100)
        let connect = Task { try await SyncHealthConnection.connect(to: Endpoint(serverAddress: raw.target), configuration: configuration) }
        let peer = try await raw.accept()  // reads the preface, never answers
        #expect(await rpcError { _ = try await connect.value }?.code == .unavailable)
        peer.close()
    }

    @Test func malformedAddressesAreRejected() throws {
        for text in ["", "host", "host:", ":80", "::1:80", "[::1]80", "[::1", "h:99999", "h:0"] {
            #expect(throws: RPCError.self, "\(text)") { _ = try Endpoint(serverAddress: text) }
        }
        #expect(try Endpoint(serverAddress: "[::1]:7443") == Endpoint(host: "::1", port: 7443))
        #expect(try Endpoint(serverAddress: "localhost:1") == Endpoint(host: "localhost", port: 1))
    }
}
