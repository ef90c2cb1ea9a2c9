import SyncHealthServer
import SyncHealthWire
import Testing
import SyncHealthTestSupport
import SyncHealthTestTraits

/// Every call has a request id: the client's `x-request-id` when usable,
/// otherwise one the server makes up; it comes back in the response
/// trailers and is written in the call's log line, so a ticket can quote it.
@Suite(.offThePool) struct RequestIdTests {
    private static func trailer(_ frame: Frame) throws -> String? {
        try ResponseHeader(serializedBytes: frame.splitHeaderAndMessage().header)
            .trailers.last { $0.key == "x-request-id" }?.value
    }

    @Test func theClientsIdComesBackAndIsLogged() async throws {
        try await withServer { h in
            let peer = try await RawPeer.connect(port: h.port)
            _ = try await peer.handshake()
            await peer.send(Wire.request(1, M.echo, Array("hi".utf8), metadata: [MetadataEntry(key: "X-Request-Id", value: "ticket-4711:a/b.c_d")]))
            let reply = try #require(await peer.next().frame)
            #expect(try Self.trailer(reply) == "ticket-4711:a/b.c_d")
            #expect(await eventually { h.logs.calls.contains { $0.metadata["rpc.request_id"] == "ticket-4711:a/b.c_d" } })
        }
    }

    @Test(arguments: [
        nil, "", String(repeating: "a", count: 129), "two words", "line\nbreak", "tab\there", "émoji-🙂", "quote\"s",
    ] as [String?])
    func aMissingOrUnusableIdIsReplacedByANewOne(sent: String?) async throws {
        try await withServer { h in
            let peer = try await RawPeer.connect(port: h.port)
            _ = try await peer.handshake()
            let metadata = sent.map { [MetadataEntry(key: "x-request-id", value: $0)] } ?? []
            // Two calls, one answered by a handler and one refused before any
            // handler (unknown method): both carry an id.
            await peer.send(Wire.request(1, M.echo, metadata: metadata), Wire.request(3, "/nope.Nope/Nope", metadata: metadata))
            var ids: [String] = []
            for _ in 0..<2 {
                let frame = try #require(await peer.next().frame)
                let id = try #require(try Self.trailer(frame), "stream \(frame.streamId) has no request id")
                #expect(id.count == 32 && id.allSatisfy(\.isHexDigit), "\(id)")
                #expect(id != sent)
                ids.append(id)
            }
            #expect(Set(ids).count == 2, "each call gets its own id")
            let answered = ids
            let logged = await eventually { Set(h.logs.calls.compactMap { $0.metadata["rpc.request_id"] }).isSuperset(of: answered) }
            #expect(logged)
        }
    }
}
