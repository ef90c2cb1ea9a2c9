import SyncHealthConcurrency
import SyncHealthWire
import Testing
import SyncHealthTestTraits

/// Partial and merged reads, the way swift-nio's ByteToMessageDecoderVerifier
/// checks a decoder: every chunking of a stream must give the same frames.
@Suite("Split and merged reads", .offThePool)
struct SplitDecodingTests {
    static let roles: [FrameDecoder.Role] = [.server, .client]

    @Test("all frames in one read", arguments: roles)
    func oneRead(role: FrameDecoder.Role) throws {
        let expected = FrameSamples.stream(for: role)
        let bytes = FrameSamples.bytes(of: expected)
        let result = try DecodeHarness.decode([bytes[...]], role: role)
        #expect(result.frames == expected)
        #expect(result.leftover == 0)
    }

    @Test("one byte per read", arguments: roles)
    func byteByByte(role: FrameDecoder.Role) throws {
        let expected = FrameSamples.stream(for: role)
        let bytes = FrameSamples.bytes(of: expected)
        let result = try DecodeHarness.decode(bytes.split(at: Array(1..<bytes.count)), role: role)
        #expect(result.frames == expected)
        #expect(result.leftover == 0)
    }

    @Test("two reads, split at every offset", arguments: roles)
    func everySplitPoint(role: FrameDecoder.Role) throws {
        let expected = FrameSamples.stream(for: role)
        let bytes = FrameSamples.bytes(of: expected)
        for offset in 0...bytes.count {
            let result = try DecodeHarness.decode(bytes.split(at: [offset]), role: role)
            #expect(result.frames == expected, "split at \(offset)")
            #expect(result.leftover == 0, "split at \(offset)")
        }
    }

    @Test("three reads, split at every pair of offsets around each frame boundary", arguments: roles)
    func everyBoundaryPair(role: FrameDecoder.Role) throws {
        let expected = FrameSamples.stream(for: role)
        let bytes = FrameSamples.bytes(of: expected)
        var boundaries: [Int] = []
        var offset = 0
        for frame in expected {
            offset += Frame.headerSize + frame.payload.count
            boundaries.append(offset)
        }
        let near = Set(boundaries.flatMap { b in (b - 13...b + 13).filter { 0...bytes.count ~= $0 } }).sorted()
        for first in near {
            for second in near where second >= first {
                let result = try DecodeHarness.decode(bytes.split(at: [first, second]), role: role)
                #expect(result.frames == expected, "split at \(first), \(second)")
            }
        }
    }

    @Test("many frames per read, random read sizes", arguments: roles)
    func randomChunks(role: FrameDecoder.Role) throws {
        let expected = FrameSamples.stream(for: role)
        let once = FrameSamples.bytes(of: expected)
        // The stream three times over, REQUEST ids renumbered to keep increasing.
        var frames: [Frame] = []
        var nextId: UInt32 = 1
        for _ in 0..<3 {
            for var frame in expected {
                if frame.type == .request {
                    frame.streamId = nextId
                    nextId += 2
                }
                frames.append(frame)
            }
        }
        let bytes = FrameSamples.bytes(of: frames)
        #expect(bytes.count == once.count * 3)
        var rng = SplitMix64(seed: 0x5EED_0001)
        for _ in 0..<200 {
            var cuts: [Int] = []
            var at = 0
            while true {
                at += Int.random(in: 1...96, using: &rng)
                if at >= bytes.count { break }
                cuts.append(at)
            }
            let result = try DecodeHarness.decode(bytes.split(at: cuts), role: role)
            #expect(result.frames == frames)
            #expect(result.leftover == 0)
        }
    }

    @Test("a long-lived connection: 300 KB of frames through one buffer, in odd-sized reads")
    func longStream() throws {
        let frames = (UInt32(1)...3000).map { id in
            Frame.request(streamId: id, header: [UInt8(truncatingIfNeeded: id)], message: Array(repeating: UInt8(id % 251), count: Int(id % 150)))
        }
        let bytes = FrameSamples.bytes(of: frames)
        #expect(bytes.count > 200_000)
        var cuts: [Int] = []
        var at = 0
        var step = 1
        while at + step < bytes.count {
            at += step
            cuts.append(at)
            step = step % 8191 * 3 + 1
        }
        let result = try DecodeHarness.decode(bytes.split(at: cuts), role: .server)
        #expect(result.frames == frames)
        #expect(result.leftover == 0)
    }

    @Test("every strict prefix of a frame returns nil and consumes nothing", arguments: FrameType.allCases)
    func partialInput(type: FrameType) throws {
        let frame = FrameSamples.frame(type, size: 20)
        let bytes = FrameEncoder.encode(frame)
        for length in 0..<bytes.count {
            var decoder = FrameDecoder(role: FrameSamples.role(accepting: type))
            var buffer = FrameBuffer(Array(bytes.prefix(length)))
            #expect(try decoder.decode(&buffer) == nil, "prefix of \(length) bytes")
            #expect(buffer.readableBytes == length)
            #expect(decoder.lastRequestStreamId == 0, "a partial REQUEST must not advance the stream id")
        }
    }

    @Test("a header whose payload is still missing is not consumed, even at the maximum length")
    func headerAloneAtMaximum() throws {
        let header = FrameSamples.header(length: Frame.defaultMaxFrameSize, type: FrameType.goAway.rawValue, streamId: 0)
        var decoder = FrameDecoder(role: .server)
        var buffer = FrameBuffer(header)
        #expect(try decoder.decode(&buffer) == nil)
        #expect(buffer.readableBytes == Frame.headerSize)
    }
}
