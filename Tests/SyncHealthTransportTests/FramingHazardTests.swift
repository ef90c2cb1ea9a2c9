import SyncHealthServer
import SyncHealthWire
import Testing
import SyncHealthTestSupport
import SyncHealthTestTraits

/// Protocol hazards 1-3 and 9 from ENGINEERING.md, driven byte by byte from a raw socket.
@Suite("Framing hazards", .offThePool)
struct FramingHazardTests {
    @Test func badMagicGetsGoAwayAndClose() async throws {
        try await withServer { h in
            let peer = try await RawPeer.connect(port: h.port)
            await peer.send(Array("GET / HTTP/1.1\r\n\r\n".utf8))
            let (goAway, before) = try await expectGoAwayAndClose(peer)
            #expect(before.isEmpty, "no SETTINGS before a valid preface")
            #expect(goAway.statusCode == .internal)
            try await expectServes(h)
        }
    }

    @Test func unsupportedMajorVersionGetsGoAwayAndClose() async throws {
        try await withServer { h in
            let peer = try await RawPeer.connect(port: h.port)
            await peer.send([0x89, 0x53, 0x48, 0x52, 0x02, 0x00, 0, 0])
            let (goAway, before) = try await expectGoAwayAndClose(peer)
            #expect(before.isEmpty)
            #expect(goAway.message.contains("version"))
        }
    }

    @Test(arguments: [UInt32.max, Frame.defaultMaxFrameSize + 1])
    func oversizedLengthIsRejectedBeforeAllocation(length: UInt32) async throws {
        try await withServer { h in
            let peer = try await RawPeer.connect(port: h.port)
            _ = try await peer.handshake()
            // Only the header: the server must act on it without waiting for (or allocating) the payload.
            await peer.send(Wire.header(length: length, type: FrameType.request.rawValue, streamId: 1))
            let (goAway, _) = try await expectGoAwayAndClose(peer)
            #expect(goAway.statusCode == .internal)
            #expect(goAway.lastStreamId == 0)
            try await expectServes(h)
        }
    }

    @Test func configuredMaxPlusOneIsRejected() async throws {
        try await withServer({ $0.maxFrameSize = 1024 }) { h in
            let peer = try await RawPeer.connect(port: h.port)
            let settings = try await peer.handshake()
            #expect(settings.maxFrameSize == 1024)
            await peer.send(Wire.request(1, M.echo, [UInt8](repeating: 1, count: 1024)))
            let (goAway, _) = try await expectGoAwayAndClose(peer)
            #expect(goAway.statusCode == .internal)
        }
    }

    /// Each of these header/payload violations ends the connection with GOAWAY INTERNAL.
    static let violations: [(String, [UInt8])] = [
        ("flags set", Wire.header(length: 8, type: 0x81, flags: 0x01, streamId: 0) + [UInt8](repeating: 0, count: 8)),
        ("reserved bits set", Wire.header(length: 8, type: 0x81, reserved: 0x0100, streamId: 0) + [UInt8](repeating: 0, count: 8)),
        ("unknown type", Wire.header(length: 0, type: 0x7F, streamId: 1)),
        ("request on stream 0", FrameEncoder.encode(Wire.request(0, M.echo))),
        ("cancel on stream 0", Wire.header(length: 0, type: 0x03, streamId: 0)),
        ("ping on a stream", Wire.header(length: 8, type: 0x81, streamId: 3) + [UInt8](repeating: 0, count: 8)),
        ("zero-length request", Wire.header(length: 0, type: 0x01, streamId: 1)),
        ("zero-length ping", Wire.header(length: 0, type: 0x81, streamId: 0)),
        ("cancel with payload", Wire.header(length: 1, type: 0x03, streamId: 1) + [0]),
        ("inner header length past the end", Wire.header(length: 4, type: 0x01, streamId: 1) + [0xFF, 0xFF, 1, 2]),
        ("one-byte request payload", Wire.header(length: 1, type: 0x01, streamId: 1) + [0]),
        ("settings from a client", Wire.header(length: 0, type: 0x80, streamId: 0)),
        ("response from a client", FrameEncoder.encode(.response(streamId: 1, header: [], message: []))),
    ]

    @Test(arguments: violations.indices)
    func framingViolationGetsGoAwayInternal(index: Int) async throws {
        let (name, bytes) = Self.violations[index]
        try await withServer { h in
            let peer = try await RawPeer.connect(port: h.port)
            _ = try await peer.handshake()
            await peer.send(bytes)
            let (goAway, _) = try await expectGoAwayAndClose(peer)
            #expect(goAway.statusCode == .internal, "\(name)")
            try await expectServes(h)
        }
    }

    @Test(arguments: [(UInt32(5), UInt32(3)), (UInt32(5), UInt32(5))])
    func decreasingOrDuplicateStreamIdIsAViolation(first: UInt32, second: UInt32) async throws {
        try await withServer { h in
            let peer = try await RawPeer.connect(port: h.port)
            _ = try await peer.handshake()
            await peer.send(Wire.request(first, M.echo, [7]))
            let response = try #require(await peer.next().frame)
            #expect(response.type == .response && response.streamId == first)
            await peer.send(Wire.request(second, M.echo, [8]))
            let (goAway, _) = try await expectGoAwayAndClose(peer)
            #expect(goAway.statusCode == .internal)
            #expect(goAway.lastStreamId == first)
        }
    }

    /// A preface, two calls, a PING and an unknown-stream CANCEL as one byte stream.
    private static func conversation() -> [UInt8] {
        Preface.bytes
            + FrameEncoder.encode(Wire.request(1, M.echo, Array("one".utf8)))
            + FrameEncoder.encode(Wire.ping())
            + FrameEncoder.encode(Wire.cancel(99))
            + FrameEncoder.encode(Wire.request(3, M.echo, Array("three".utf8)))
    }

    private static func expectConversationAnswered(_ peer: RawPeer) async throws {
        var settings = 0, pongs = 0
        var bodies: [UInt32: String] = [:]
        while bodies.count < 2 || pongs < 1 {
            let frame = try #require(await peer.next().frame)
            switch frame.type {
            case .settings: settings += 1
            case .pong: pongs += 1; #expect(frame.payload == [1, 2, 3, 4, 5, 6, 7, 8])
            case .response: bodies[frame.streamId] = String(decoding: try Wire.status(frame).body, as: UTF8.self)
            default: Issue.record("unexpected \(frame.type)")
            }
        }
        #expect(settings == 1)
        #expect(bodies == [1: "one", 3: "three"])
    }

    @Test func framesSplitAtEveryByte() async throws {
        try await withServer { h in
            let peer = try await RawPeer.connect(port: h.port)
            for byte in Self.conversation() { await peer.send([byte]) }
            try await Self.expectConversationAnswered(peer)
        }
    }

    @Test func severalFramesInOneWrite() async throws {
        try await withServer { h in
            let peer = try await RawPeer.connect(port: h.port)
            await peer.send(Self.conversation())
            try await Self.expectConversationAnswered(peer)
        }
    }

    @Test func everySplitPointOfTwoWrites() async throws {
        try await withServer { h in
            let bytes = Self.conversation()
            for split in stride(from: 1, to: bytes.count, by: 1) {
                let peer = try await RawPeer.connect(port: h.port)
                await peer.send(Array(bytes[..<split]))
                await peer.send(Array(bytes[split...]))
                try await Self.expectConversationAnswered(peer)
                peer.close()
            }
        }
    }
}
