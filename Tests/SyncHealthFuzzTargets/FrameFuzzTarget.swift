import SyncHealthWire

/// The framing fuzz target (hazard 13): what `tools/fuzz frame` runs under
/// libFuzzer and `FuzzCorpusTests` runs over the committed corpus.
///
/// tools/fuzz compiles this folder (Tests/SyncHealthFuzzTargets) with the
/// SyncHealthWire sources and nothing else from the tests.
///
/// Input: byte 0 picks the setup, the rest is what the peer sent.
/// - bit 0: the role read for (0: server, reading a client's preface then
///   frames; 1: client, reading frames);
/// - bits 1-2: max frame size (16, 256, 4096 or 4 MiB);
/// - bits 3-7: how the stream is cut into reads.
///
/// Checked, whatever the bytes: nothing traps; a nil decode consumes
/// nothing; each frame re-encodes to exactly the bytes it consumed and fits
/// the maximum; the stream decodes to the same frames and the same error read
/// whole, in the chosen chunks and byte by byte; REQUEST/RESPONSE payloads
/// split consistently and their headers, SETTINGS and GOAWAY payloads decode
/// or fail with `WireError` only, and what decodes round-trips.
package enum FrameFuzzTarget {

    /// How one way of reading the stream ended.
    struct Outcome: Equatable {
        var preface: Bool = false
        var frames: [Frame] = []
        var error: FrameError?
    }

    static let maxFrameSizes: [UInt32] = [16, 256, 4096, Frame.defaultMaxFrameSize]

    package static func run(_ input: [UInt8]) throws(Violation) {
        guard let setup = input.first else { return }
        let stream = Array(input.dropFirst())
        let role: FrameDecoder.Role = setup & 1 == 0 ? .server : .client
        let maxFrameSize = maxFrameSizes[Int(setup >> 1 & 3)]
        let chunkSeed = Int(setup >> 3)

        let whole = try read(stream, role: role, maxFrameSize: maxFrameSize) { _ in stream.count }
        let chunked = try read(stream, role: role, maxFrameSize: maxFrameSize) { 1 + (chunkSeed + 7 * $0) % 32 }
        guard chunked == whole else { throw Violation("reads cut at \(chunkSeed) disagree with one read") }
        if stream.count <= 4096 {
            let byteWise = try read(stream, role: role, maxFrameSize: maxFrameSize) { _ in 1 }
            guard byteWise == whole else { throw Violation("byte-by-byte reads disagree with one read") }
        }
        for frame in whole.frames {
            try checkPayload(frame, role: role)
        }
    }

    /// Feeds `stream` in reads of `chunk(readIndex)` bytes, decoding after each.
    private static func read(
        _ stream: [UInt8], role: FrameDecoder.Role, maxFrameSize: UInt32, chunk: (Int) -> Int
    ) throws(Violation) -> Outcome {
        var outcome = Outcome(preface: role == .client)
        var decoder = FrameDecoder(role: role, maxFrameSize: maxFrameSize)
        var buffer = FrameBuffer()
        var offset = 0
        var reads = 0
        while offset < stream.count {
            let end = min(stream.count, offset + max(1, chunk(reads)))
            reads += 1
            buffer.write(contentsOf: stream[offset..<end])
            offset = end
            do {
                try drain(&buffer, decoder: &decoder, maxFrameSize: maxFrameSize, into: &outcome)
            } catch let error as FrameError {
                outcome.error = error
                return outcome
            } catch let violation as Violation {
                throw violation
            } catch {
                throw Violation("unexpected error \(error)")
            }
        }
        return outcome
    }

    /// Decodes everything `buffer` holds, checking the no-consume and
    /// re-encode contracts on every call.
    private static func drain(
        _ buffer: inout FrameBuffer, decoder: inout FrameDecoder, maxFrameSize: UInt32, into outcome: inout Outcome
    ) throws -> Void {
        if !outcome.preface {
            let before = buffer.readableBytes
            guard let version = try Preface.decode(&buffer) else {
                guard buffer.readableBytes == before else { throw Violation("Preface.decode consumed bytes and returned nil") }
                return
            }
            guard version.major == Preface.major, before - buffer.readableBytes == Preface.size else {
                throw Violation("preface accepted wrongly: \(version), consumed \(before - buffer.readableBytes)")
            }
            outcome.preface = true
        }
        while true {
            let before = Array(buffer.readableBytesView)
            guard let frame = try decoder.decode(&buffer) else {
                guard buffer.readableBytes == before.count else { throw Violation("decode consumed bytes and returned nil") }
                return
            }
            let consumed = before.count - buffer.readableBytes
            guard FrameEncoder.encode(frame) == Array(before.prefix(consumed)) else {
                throw Violation("frame does not re-encode to the \(consumed) bytes it consumed")
            }
            guard frame.payload.count <= Int(maxFrameSize), frame.flags == 0 else {
                throw Violation("frame over the maximum or with flags: \(frame.payload.count) bytes")
            }
            outcome.frames.append(frame)
        }
    }

    private static func checkPayload(_ frame: Frame, role: FrameDecoder.Role) throws(Violation) {
        switch frame.type {
        case .request, .response:
            guard let parts = try? frame.splitHeaderAndMessage() else { return }
            guard 2 + parts.header.count + parts.message.count == frame.payload.count else {
                throw Violation("split lost bytes")
            }
            if frame.type == .request {
                try MessageRoundTrip.check(RequestHeader.self, Array(parts.header))
            } else {
                try MessageRoundTrip.check(ResponseHeader.self, Array(parts.header))
            }
        case .settings:
            try MessageRoundTrip.check(Settings.self, frame.payload)
        case .goAway:
            try MessageRoundTrip.check(GoAway.self, frame.payload)
        case .ping, .pong, .cancel:
            break
        }
    }
}
