import SyncHealthWire
import Testing
import SyncHealthTestTraits

/// The u16 header length inside REQUEST and RESPONSE payloads.
@Suite("Inner header length", .offThePool)
struct InnerHeaderTests {
    @Test("a length past the end of the payload is rejected", arguments: [FrameType.request, .response])
    func pastTheEnd(type: FrameType) {
        let cases: [(payload: [UInt8], claimed: Int, available: Int)] = [
            ([0x00, 0x01], 1, 0),
            ([0x00, 0x05, 1, 2, 3, 4], 5, 4),
            ([0xFF, 0xFF, 1], 65_535, 1),
            ([0x01, 0x00] + Array(repeating: 0, count: 255), 256, 255),
        ]
        for c in cases {
            let frame = Frame(type: type, streamId: 1, payload: c.payload)
            #expect(throws: FrameError.headerLengthPastEnd(claimed: c.claimed, available: c.available)) {
                try frame.splitHeaderAndMessage()
            }
        }
    }

    @Test("a payload shorter than the 2-byte length is rejected")
    func tooShort() {
        for payload in [[], [UInt8(0)]] {
            let frame = Frame(type: .request, streamId: 1, payload: payload)
            #expect(throws: FrameError.headerLengthPastEnd(claimed: 0, available: payload.count)) {
                try frame.splitHeaderAndMessage()
            }
        }
    }

    @Test("a length that exactly fills the payload leaves an empty message")
    func exactFill() throws {
        let frame = Frame(type: .response, streamId: 1, payload: [0x00, 0x03, 7, 8, 9])
        let parts = try frame.splitHeaderAndMessage()
        #expect(Array(parts.header) == [7, 8, 9])
        #expect(parts.message.isEmpty)
    }

    @Test("length 0: empty header, the rest is the message")
    func emptyHeader() throws {
        let frame = Frame(type: .request, streamId: 1, payload: [0x00, 0x00, 7, 8])
        let parts = try frame.splitHeaderAndMessage()
        #expect(parts.header.isEmpty)
        #expect(Array(parts.message) == [7, 8])
    }

    @Test("the decoder passes a bad inner length through; the call layer rejects it with splitHeaderAndMessage")
    func decoderDoesNotSplit() throws {
        var decoder = FrameDecoder(role: .server)
        var buffer = FrameBuffer(FrameEncoder.encode(Frame(type: .request, streamId: 1, payload: [0x00, 0x09, 1])))
        let frame = try #require(try decoder.decode(&buffer))
        #expect(throws: FrameError.headerLengthPastEnd(claimed: 9, available: 1)) { try frame.splitHeaderAndMessage() }
    }
}
