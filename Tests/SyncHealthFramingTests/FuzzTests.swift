import SyncHealthConcurrency
import SyncHealthWire
import Testing
import SyncHealthTestTraits

/// Deterministic fuzzing of the decoder: whatever the bytes, it must not
/// crash, and each call either throws, returns nil having consumed nothing,
/// or returns a frame whose encoding is exactly the bytes it consumed.
@Suite("Decoder fuzz", .offThePool)
struct FuzzTests {
    /// Decodes `bytes` in random chunks, checking the contract on every call.
    /// Returns how many frames came out before it stopped.
    @discardableResult
    private static func fuzzDecode(_ bytes: [UInt8], role: FrameDecoder.Role, maxFrameSize: UInt32, rng: inout SplitMix64) -> Int {
        var harness = DecodeHarness(role: role, maxFrameSize: maxFrameSize)
        var offset = 0
        while offset < bytes.count {
            let end = min(bytes.count, offset + Int.random(in: 1...40, using: &rng))
            do {
                try harness.feed(bytes[offset..<end])
            } catch {
                break
            }
            offset = end
        }
        for frame in harness.frames {
            #expect(frame.payload.count <= Int(maxFrameSize))
            #expect(frame.flags == 0)
            #expect(frame.type.isStreamFrame == (frame.streamId != 0))
            if frame.type == .request || frame.type == .response {
                if let parts = try? frame.splitHeaderAndMessage() {
                    #expect(parts.header.count + parts.message.count + 2 == frame.payload.count)
                }
            }
        }
        return harness.frames.count
    }

    /// One random edit of a byte string.
    private static func mutate(_ bytes: inout [UInt8], rng: inout SplitMix64) {
        guard !bytes.isEmpty else {
            bytes = rng.bytes(Int.random(in: 1...16, using: &rng))
            return
        }
        let at = Int.random(in: 0..<bytes.count, using: &rng)
        switch Int.random(in: 0..<7, using: &rng) {
        case 0: bytes[at] ^= UInt8(1) << UInt8.random(in: 0..<8, using: &rng)
        case 1: bytes[at] = UInt8.random(in: .min ... .max, using: &rng)
        case 2: bytes[at] = [0x00, 0x01, 0x7F, 0x80, 0xFF].randomElement(using: &rng) ?? 0
        case 3: bytes.insert(contentsOf: rng.bytes(Int.random(in: 1...8, using: &rng)), at: at)
        case 4: bytes.removeSubrange(at..<min(bytes.count, at + Int.random(in: 1...8, using: &rng)))
        case 5: bytes.removeSubrange(at...)
        default:
            let end = min(bytes.count, at + Int.random(in: 1...24, using: &rng))
            bytes.insert(contentsOf: bytes[at..<end], at: Int.random(in: 0...bytes.count, using: &rng))
        }
    }

    @Test("random byte strings", arguments: [FrameDecoder.Role.server, .client])
    func randomBytes(role: FrameDecoder.Role) {
        var rng = SplitMix64(seed: role == .server ? 0xF422_0001 : 0xF422_0002)
        for _ in 0..<3000 {
            let bytes = rng.bytes(Int.random(in: 0...64, using: &rng))
            Self.fuzzDecode(bytes, role: role, maxFrameSize: 64, rng: &rng)
        }
    }

    @Test("random headers built from plausible field values", arguments: [FrameDecoder.Role.server, .client])
    func randomHeaders(role: FrameDecoder.Role) {
        var rng = SplitMix64(seed: role == .server ? 0xF422_0003 : 0xF422_0004)
        let types: [UInt8] = FrameType.allCases.map(\.rawValue) + [0x00, 0x04, 0x84, 0xFF]
        var decoded = 0
        for _ in 0..<3000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 1...4, using: &rng) {
                let length = UInt32([0, 1, 2, 7, 8, 9, 31, 32, 33, UInt32.max].randomElement(using: &rng) ?? 0)
                bytes += FrameSamples.header(
                    length: length,
                    type: types.randomElement(using: &rng) ?? 0,
                    flags: Int.random(in: 0..<8, using: &rng) == 0 ? 1 : 0,
                    reserved: Int.random(in: 0..<8, using: &rng) == 0 ? 0x0100 : 0,
                    streamId: UInt32([0, 1, 2, 3, UInt32.max].randomElement(using: &rng) ?? 0)
                )
                bytes += rng.bytes(Int(min(length, 40)))
            }
            decoded += Self.fuzzDecode(bytes, role: role, maxFrameSize: 32, rng: &rng)
        }
        #expect(decoded > 100, "the generator should reach valid frames too")
    }

    @Test("mutated valid streams", arguments: [FrameDecoder.Role.server, .client])
    func mutatedStreams(role: FrameDecoder.Role) {
        var rng = SplitMix64(seed: role == .server ? 0xF422_0005 : 0xF422_0006)
        let valid = FrameSamples.bytes(of: FrameSamples.stream(for: role))
        for _ in 0..<2000 {
            var bytes = valid
            for _ in 0..<Int.random(in: 1...4, using: &rng) { Self.mutate(&bytes, rng: &rng) }
            Self.fuzzDecode(bytes, role: role, maxFrameSize: Frame.defaultMaxFrameSize, rng: &rng)
        }
    }

    @Test("random prefaces: nil only on a matching prefix, else 8 bytes consumed or an error")
    func randomPrefaces() {
        var rng = SplitMix64(seed: 0xF422_0007)
        for _ in 0..<3000 {
            var bytes = Preface.bytes
            for _ in 0..<Int.random(in: 0...2, using: &rng) { Self.mutate(&bytes, rng: &rng) }
            var buffer = FrameBuffer(bytes)
            do {
                if let version = try Preface.decode(&buffer) {
                    #expect(version.major == Preface.major)
                    #expect(Array(bytes.prefix(4)) == Array(Preface.bytes.prefix(4)))
                    #expect(buffer.readableBytes == bytes.count - Preface.size)
                } else {
                    #expect(bytes.count < Preface.size)
                    #expect(buffer.readableBytes == bytes.count)
                }
            } catch {
                #expect(bytes.count >= 1)
            }
        }
    }
}
