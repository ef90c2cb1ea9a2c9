import SyncHealthWire
import Testing
import SyncHealthTestTraits

@Suite("Preface", .offThePool)
struct PrefaceTests {
    @Test("the v1.0 preface bytes")
    func bytes() {
        #expect(Preface.bytes == [0x89, 0x53, 0x48, 0x52, 0x01, 0x00, 0x00, 0x00])
        #expect(Preface.size == 8)
    }

    @Test("a good preface is accepted and consumed; the rest of the read stays")
    func good() throws {
        var buffer = FrameBuffer(Preface.bytes + [0xAB])
        let version = try #require(try Preface.decode(&buffer))
        #expect(version.major == 1)
        #expect(version.minor == 0)
        #expect(Array(buffer.readableBytesView) == [0xAB])
    }

    @Test("a later minor version is accepted")
    func laterMinor() throws {
        var buffer = FrameBuffer([0x89, 0x53, 0x48, 0x52, 0x01, 0x07, 0x00, 0x00])
        let version = try #require(try Preface.decode(&buffer))
        #expect(version.minor == 7)
    }

    @Test("a partial preface returns nil and consumes nothing")
    func partial() throws {
        for length in 0..<Preface.size {
            var buffer = FrameBuffer(Array(Preface.bytes.prefix(length)))
            #expect(try Preface.decode(&buffer) == nil, "\(length) bytes")
            #expect(buffer.readableBytes == length)
        }
    }

    @Test("a bad magic is detected at the first wrong byte", arguments: 0..<4)
    func badMagic(at index: Int) {
        var bytes = Preface.bytes
        bytes[index] ^= 0x20
        var buffer = FrameBuffer(Array(bytes.prefix(index + 1)))
        #expect(throws: FrameError.badPrefaceMagic) { try Preface.decode(&buffer) }
    }

    @Test("an HTTP request is not a preface")
    func http() {
        var buffer = FrameBuffer(Array("GET / HTTP/1.1\r\n".utf8))
        #expect(throws: FrameError.badPrefaceMagic) { try Preface.decode(&buffer) }
    }

    @Test("an unsupported major version is rejected", arguments: [UInt8(0), 2, 0xFF])
    func unsupportedMajor(major: UInt8) {
        var buffer = FrameBuffer([0x89, 0x53, 0x48, 0x52, major, 3, 0x00, 0x00])
        #expect(throws: FrameError.unsupportedVersion(major: major, minor: 3)) { try Preface.decode(&buffer) }
    }

    @Test("non-zero reserved bytes are rejected", arguments: [[UInt8(1), 0], [0, 1], [0xFF, 0xFF]])
    func reserved(trailer: [UInt8]) {
        var buffer = FrameBuffer([0x89, 0x53, 0x48, 0x52, 0x01, 0x00] + trailer)
        #expect(throws: FrameError.badPrefaceReserved) { try Preface.decode(&buffer) }
    }

    @Test("preface then frames, split at every offset")
    func prefaceThenFrames() throws {
        let frames = FrameSamples.clientStream
        let bytes = Preface.bytes + FrameSamples.bytes(of: frames)
        for offset in 0...bytes.count {
            var harness = DecodeHarness(role: .server)
            var seenPreface = false
            for chunk in bytes.split(at: [offset]) {
                harness.buffer.write(contentsOf: chunk)
                if !seenPreface {
                    guard try Preface.decode(&harness.buffer) != nil else { continue }
                    seenPreface = true
                }
                try harness.feed([UInt8]())
            }
            #expect(seenPreface)
            #expect(harness.frames == frames, "split at \(offset)")
        }
    }
}
