import SyncHealthWire
import Testing
import SyncHealthTestTraits

@Suite("Stream ids", .offThePool)
struct StreamIdTests {
    private func requests(_ ids: [UInt32]) -> [UInt8] {
        FrameSamples.bytes(of: ids.map { Frame.request(streamId: $0, header: [], message: []) })
    }

    @Test("REQUEST ids must strictly increase; gaps are allowed")
    func increasing() throws {
        var harness = DecodeHarness(role: .server)
        try harness.feed(requests([1, 2, 10, 0xFFFF_FFFF]))
        #expect(harness.frames.map(\.streamId) == [1, 2, 10, 0xFFFF_FFFF])
        #expect(harness.decoder.lastRequestStreamId == 0xFFFF_FFFF)
    }

    @Test("a duplicate REQUEST id is rejected")
    func duplicate() throws {
        var decoder = FrameDecoder(role: .server)
        var buffer = FrameBuffer(requests([5, 5]))
        #expect(try decoder.decode(&buffer)?.streamId == 5)
        #expect(throws: FrameError.streamIdNotIncreasing(previous: 5, received: 5)) { try decoder.decode(&buffer) }
    }

    @Test("a decreasing REQUEST id is rejected")
    func decreasing() throws {
        var decoder = FrameDecoder(role: .server)
        var buffer = FrameBuffer(requests([9, 3]))
        #expect(try decoder.decode(&buffer)?.streamId == 9)
        #expect(throws: FrameError.streamIdNotIncreasing(previous: 9, received: 3)) { try decoder.decode(&buffer) }
    }

    @Test("a REQUEST after id 0xFFFFFFFF is rejected: ids are never reused")
    func exhausted() throws {
        var decoder = FrameDecoder(role: .server)
        var buffer = FrameBuffer(requests([0xFFFF_FFFF, 1]))
        _ = try decoder.decode(&buffer)
        #expect(throws: FrameError.streamIdNotIncreasing(previous: 0xFFFF_FFFF, received: 1)) { try decoder.decode(&buffer) }
    }

    @Test("the id rule is checked from the header, before the payload arrives")
    func checkedEarly() throws {
        var decoder = FrameDecoder(role: .server)
        var buffer = FrameBuffer(requests([4]))
        _ = try decoder.decode(&buffer)
        buffer.write(contentsOf: FrameSamples.header(length: 1000, type: FrameType.request.rawValue, streamId: 4))
        #expect(throws: FrameError.streamIdNotIncreasing(previous: 4, received: 4)) { try decoder.decode(&buffer) }
    }

    @Test("CANCEL may name any earlier or unknown id and does not move the counter")
    func cancelIds() throws {
        var harness = DecodeHarness(role: .server)
        let frames = [
            Frame.request(streamId: 3, header: [], message: []),
            Frame(type: .cancel, streamId: 3),
            Frame(type: .cancel, streamId: 1),
            Frame(type: .cancel, streamId: 99),
            Frame.request(streamId: 4, header: [], message: []),
        ]
        try harness.feed(FrameSamples.bytes(of: frames))
        #expect(harness.frames == frames)
        #expect(harness.decoder.lastRequestStreamId == 4)
    }

    @Test("a client accepts RESPONSE ids in any order")
    func responsesInAnyOrder() throws {
        var harness = DecodeHarness(role: .client)
        let frames = [5, 1, 3].map { Frame.response(streamId: $0, header: [], message: []) }
        try harness.feed(FrameSamples.bytes(of: frames))
        #expect(harness.frames == frames)
    }
}
