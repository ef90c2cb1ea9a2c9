import SyncHealthServer
import SyncHealthWire
import Testing
import SyncHealthTestSupport
import SyncHealthTestTraits

/// Call-level hazards (8-10 in ENGINEERING.md) from a raw socket, so no
/// client-side timer or retry hides what the server does.
@Suite("Call hazards", .offThePool)
struct CallHazardTests {
    /// Reads frames until every stream in `streams` has a RESPONSE; fails on a second one.
    private func responses(_ peer: RawPeer, for streams: Set<UInt32>) async throws -> [UInt32: (StatusCode, [UInt8])] {
        var seen: [UInt32: (StatusCode, [UInt8])] = [:]
        while Set(seen.keys) != streams {
            let frame = try #require(await peer.next().frame, "missing responses for \(streams.subtracting(seen.keys))")
            guard frame.type == .response else { continue }
            #expect(seen[frame.streamId] == nil, "second RESPONSE on stream \(frame.streamId)")
            let status = try Wire.status(frame)
            seen[frame.streamId] = (status.code, status.body)
        }
        return seen
    }

    @Test func oneCallOverTheConcurrencyLimitIsResourceExhausted() async throws {
        try await withServer({ $0.maxConcurrentStreams = 2 }) { h in
            let peer = try await RawPeer.connect(port: h.port)
            let settings = try await peer.handshake()
            #expect(settings.maxConcurrentStreams == 2)
            await peer.send(Wire.request(1, M.gate), Wire.request(3, M.gate), Wire.request(5, M.gate))
            let refused = try #require(await peer.next().frame)
            #expect(refused.streamId == 5)
            #expect(try Wire.status(refused).code == .resourceExhausted)
            h.probe.openGate()
            let rest = try await responses(peer, for: [1, 3])
            #expect(rest.values.allSatisfy { $0.0 == .ok })
            // The slots are free again.
            await peer.send(Wire.request(7, M.echo))
            #expect(try await responses(peer, for: [7])[7]?.0 == .ok)
        }
    }

    @Test func cancelForUnknownStreamIsIgnored() async throws {
        try await withServer { h in
            let peer = try await RawPeer.connect(port: h.port)
            _ = try await peer.handshake()
            await peer.send(Wire.cancel(41), Wire.cancel(1), Wire.ping())
            let pong = try #require(await peer.next().frame)
            #expect(pong.type == .pong)
            // And for a stream that already finished.
            await peer.send(Wire.request(1, M.echo, [1]))
            _ = try await responses(peer, for: [1])
            await peer.send(Wire.cancel(1), Wire.ping())
            #expect(try #require(await peer.next().frame).type == .pong)
        }
    }

    @Test func cancelStopsAHandlerAndIsAnsweredOnce() async throws {
        try await withServer { h in
            let peer = try await RawPeer.connect(port: h.port)
            _ = try await peer.handshake()
            await peer.send(Wire.request(1, M.block))
            #expect(await h.probe.wait { $0.counts["block.started"] == 1 })
            await peer.send(Wire.cancel(1), Wire.cancel(1))
            #expect(try await responses(peer, for: [1])[1]?.0 == .cancelled)
            #expect(await h.probe.wait { $0.counts["block.finished"] == 1 })
            #expect(h.probe.cancellations == [.cancelledByClient])
            // The handler's late result was dropped: the next frame is the PONG.
            await peer.send(Wire.ping())
            #expect(try #require(await peer.next().frame).type == .pong)
        }
    }

    @Test func cancelRacingTheResponseGetsExactlyOneResponse() async throws {
        try await withServer({ $0.maxConcurrentStreams = 1000 }) { h in
            let peer = try await RawPeer.connect(port: h.port)
            _ = try await peer.handshake()
            let ids = (1...200).map { UInt32($0) }
            // Each REQUEST is followed at once by its CANCEL, in batches, so
            // some handlers finish first and some are cancelled first.
            for batch in stride(from: 0, to: ids.count, by: 20) {
                let frames = ids[batch..<batch + 20].flatMap { FrameEncoder.encode(Wire.request($0, M.echo, [1])) + FrameEncoder.encode(Wire.cancel($0)) }
                await peer.send(frames)
            }
            let answers = try await responses(peer, for: Set(ids))
            #expect(answers.values.allSatisfy { $0.0 == .ok || $0.0 == .cancelled })
            // A fence: a PING once every handler has run; a duplicate RESPONSE
            // from a late handler result would show up before the PONG.
            #expect(await h.probe.wait { $0.counts["echo", default: 0] == 200 })
            await peer.send(Wire.ping())
            let fence = try #require(await peer.next().frame)
            #expect(fence.type == .pong, "got \(fence.type) on stream \(fence.streamId)")
        }
    }

    @Test func deadlineZeroMeansNone() async throws {
        try await withServer { h in
            let peer = try await RawPeer.connect(port: h.port)
            _ = try await peer.handshake()
            await peer.send(Wire.request(1, M.sleep, Array("20000".utf8), timeoutMs: 0))
            #expect(try await responses(peer, for: [1])[1]?.0 == .ok)
        }
    }

    @Test func deadlineOfOneMillisecond() async throws {
        try await withServer { h in
            let peer = try await RawPeer.connect(port: h.port)
            _ = try await peer.handshake()
            await peer.send(Wire.request(1, M.block, timeoutMs: 1))
            #expect(try await responses(peer, for: [1])[1]?.0 == .deadlineExceeded)
        }
    }

    @Test func deadlineExpiresMidHandler() async throws {
        try await withServer { h in
            let peer = try await RawPeer.connect(port: h.port)
            _ = try await peer.handshake()
            await peer.send(Wire.request(1, M.block, timeoutMs: 50))
            #expect(try await responses(peer, for: [1])[1]?.0 == .deadlineExceeded)
            #expect(await h.probe.wait { $0.counts["block.finished"] == 1 })
            #expect(h.probe.cancellations == [.deadlineExceeded])
            await peer.send(Wire.ping())
            #expect(try #require(await peer.next().frame).type == .pong, "the late result must be dropped")
        }
    }

    @Test func responseRacingExpiryIsAnsweredOnce() async throws {
        try await withServer({ $0.maxConcurrentStreams = 1000 }) { h in
            let peer = try await RawPeer.connect(port: h.port)
            _ = try await peer.handshake()
            // Handlers sleep about as long as their deadline.
            let ids = (1...100).map { UInt32($0) }
            await peer.send(ids.flatMap { FrameEncoder.encode(Wire.request($0, M.sleep, Array("\(1000 + Int($0) % 3 * 500)".utf8), timeoutMs: 2)) })
            let answers = try await responses(peer, for: Set(ids))
            #expect(answers.values.allSatisfy { $0.0 == .ok || $0.0 == .deadlineExceeded })
        }
    }

    @Test func undecodableRequestHeaderIsInvalidArgument() async throws {
        try await withServer { h in
            let peer = try await RawPeer.connect(port: h.port)
            _ = try await peer.handshake()
            await peer.send(Frame.request(streamId: 1, header: [0xFF, 0xFF, 0xFF], message: []))
            #expect(try await responses(peer, for: [1])[1]?.0 == .invalidArgument)
            await peer.send(Wire.request(3, "/test.Echo/Missing"))
            #expect(try await responses(peer, for: [3])[3]?.0 == .unimplemented)
        }
    }

    @Test func pingIsAnsweredWithTheSameBytes() async throws {
        try await withServer { h in
            let peer = try await RawPeer.connect(port: h.port)
            _ = try await peer.handshake()
            let payload: [UInt8] = [0xDE, 0xAD, 0xBE, 0xEF, 0, 1, 2, 3]
            await peer.send(Wire.ping(payload))
            let pong = try #require(await peer.next().frame)
            #expect(pong.type == .pong && pong.streamId == 0 && pong.payload == payload)
        }
    }

    @Test func responseOverMaxFrameSizeBecomesResourceExhausted() async throws {
        try await withServer({ $0.maxFrameSize = 1024 }) { h in
            let peer = try await RawPeer.connect(port: h.port)
            _ = try await peer.handshake()
            await peer.send(Wire.request(1, M.big, Array("5000".utf8)))
            #expect(try await responses(peer, for: [1])[1]?.0 == .resourceExhausted)
        }
    }
}
