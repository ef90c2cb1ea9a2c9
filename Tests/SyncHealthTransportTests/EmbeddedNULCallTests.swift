import SyncHealthClient
import SyncHealthWire
import Testing
import SyncHealthTestSupport
import SyncHealthTestTraits

/// Text holding U+0000 cannot cross the wire (protobuf-c strings are C
/// strings): each end refuses it instead of sending it cut short.
@Suite("Embedded NUL in calls", .offThePool)
struct EmbeddedNULCallTests {
    @Test func clientRefusesARequestOrMetadataWithNULBeforeSending() async throws {
        try await withServer { h in
            let client = try RPCClient(target: h.target)
            defer { client.close() }
            let inRequest = await rpcError {
                let _: HealthCheckResponse = try await client.call(M.typed, HealthCheckRequest(service: "a\u{0}b"))
            }
            #expect(inRequest == RPCError(.invalidArgument, "NUL (0x00) in string field synchealth.v1.HealthCheckRequest.service"))
            let inMetadata = await rpcError { let _: Blob = try await client.call(M.echo, Blob("x"), metadata: ["x-echo": "v\u{0}"]) }
            #expect(inMetadata == RPCError(.invalidArgument, "NUL (0x00) in string field synchealth.v1.RequestHeader.metadata[0].value"))
            let inMethod = await rpcError { let _: Blob = try await client.call("/test.Echo/E\u{0}cho", Blob("x")) }
            #expect(inMethod?.code == .invalidArgument)
            #expect(h.logs.calls.isEmpty, "nothing reached the server")
            #expect(h.probe.count("echo") == 0)
        }
    }

    @Test func serverAnswersInternalForAResponseItCannotEncode() async throws {
        try await withServer { h in
            let client = try RPCClient(target: h.target)
            defer { client.close() }
            let error = await rpcError {
                let _: HealthCheckRequest = try await client.call(M.nulResponse, HealthCheckRequest())
            }
            #expect(error?.code == .internal)
            #expect(error?.message.contains("synchealth.v1.HealthCheckRequest.service") == true)
            try await expectServes(h)
        }
    }

    @Test func serverRejectsARequestWithNULAsInvalidArgument() async throws {
        try await withServer { h in
            let peer = try await RawPeer.connect(port: h.port)
            _ = try await peer.handshake()
            await peer.send(Wire.request(1, M.typed, [0x0A, 0x03, 0x61, 0x00, 0x62]))
            let status = try Wire.status(try #require(await peer.next().frame))
            #expect(status.code == .invalidArgument)
            #expect(status.message == "NUL (0x00) in string field synchealth.v1.HealthCheckRequest.service")
        }
    }
}
