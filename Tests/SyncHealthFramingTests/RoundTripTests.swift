import SyncHealthWire
import Testing
import SyncHealthTestTraits

@Suite("Frame round trips", .offThePool)
struct RoundTripTests {
    @Test("every frame type survives encode then decode", arguments: FrameType.allCases)
    func roundTrip(type: FrameType) throws {
        for size in [0, 2, 3, 64, 1000] {
            let frame = FrameSamples.frame(type, streamId: 7, size: size)
            let bytes = FrameEncoder.encode(frame)
            #expect(bytes.count == Frame.headerSize + frame.payload.count)
            var decoder = FrameDecoder(role: FrameSamples.role(accepting: type))
            var buffer = FrameBuffer(bytes)
            let decoded = try decoder.decode(&buffer)
            #expect(decoded == frame)
            #expect(buffer.readableBytes == 0)
        }
    }

    @Test("the header is big-endian length, type, flags, reserved, stream id")
    func headerLayout() {
        let frame = Frame.request(streamId: 0x0102_0304, header: [0xAA], message: [0xBB, 0xCC])
        #expect(FrameEncoder.encode(frame) == [
            0x00, 0x00, 0x00, 0x05, 0x01, 0x00, 0x00, 0x00, 0x01, 0x02, 0x03, 0x04,
            0x00, 0x01, 0xAA, 0xBB, 0xCC,
        ])
    }

    @Test("frame type bytes are the documented ones")
    func typeBytes() {
        let bytes = FrameType.allCases.map(\.rawValue)
        #expect(bytes == [0x01, 0x02, 0x03, 0x80, 0x81, 0x82, 0x83])
        #expect(FrameType.allCases.filter(\.isStreamFrame) == [.request, .response, .cancel])
    }

    @Test("REQUEST and RESPONSE payloads split back into header and message")
    func splitRoundTrip() throws {
        let header = Array(repeating: UInt8(0x11), count: 300)
        for message in [[], [UInt8(1)], Array(repeating: UInt8(2), count: 70_000)] {
            for frame in [
                Frame.request(streamId: 1, header: header, message: message),
                Frame.response(streamId: 1, header: [], message: message),
            ] {
                let parts = try frame.splitHeaderAndMessage()
                #expect(parts.header.count + parts.message.count + 2 == frame.payload.count)
                #expect(Array(parts.message) == message)
            }
        }
    }

    @Test("a header of 65,535 bytes is the largest the u16 can carry")
    func largestHeader() throws {
        let header = Array(repeating: UInt8(7), count: Int(UInt16.max))
        let frame = Frame.request(streamId: 1, header: header, message: [9])
        #expect(frame.payload.prefix(2) == [0xFF, 0xFF])
        let parts = try frame.splitHeaderAndMessage()
        #expect(Array(parts.header) == header)
        #expect(Array(parts.message) == [9])
    }

    @Test("a payload of exactly max_frame_size decodes")
    func exactlyMax() throws {
        let frame = Frame(type: .goAway, streamId: 0, payload: Array(repeating: 0, count: 1024))
        var decoder = FrameDecoder(role: .server, maxFrameSize: 1024)
        var buffer = FrameBuffer(FrameEncoder.encode(frame))
        #expect(try decoder.decode(&buffer) == frame)
    }

    @Test("zero-length SETTINGS and GOAWAY payloads are allowed")
    func emptyConnectionFrames() throws {
        for (type, role) in [(FrameType.settings, FrameDecoder.Role.client), (.goAway, .server), (.goAway, .client)] {
            let frame = Frame(type: type, streamId: 0)
            var decoder = FrameDecoder(role: role)
            var buffer = FrameBuffer(FrameEncoder.encode(frame))
            #expect(try decoder.decode(&buffer) == frame)
        }
    }
}
