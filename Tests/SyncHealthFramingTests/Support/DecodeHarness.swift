import SyncHealthWire
import Testing

/// Feeds chunks to one decoder the way a connection would, draining every
/// whole frame after each read, and checks the decoder's contract on the way:
/// a nil result leaves the buffer untouched, a frame consumes exactly its
/// own encoding.
struct DecodeHarness {
    var decoder: FrameDecoder
    var buffer = FrameBuffer()
    private(set) var frames: [Frame] = []

    init(role: FrameDecoder.Role, maxFrameSize: UInt32 = Frame.defaultMaxFrameSize) {
        decoder = FrameDecoder(role: role, maxFrameSize: maxFrameSize)
    }

    /// Appends one read and decodes every whole frame it completes.
    mutating func feed<C: Collection>(_ chunk: C, sourceLocation: SourceLocation = #_sourceLocation) throws(FrameError) where C.Element == UInt8 {
        buffer.write(contentsOf: chunk)
        while true {
            let before = Array(buffer.readableBytesView)
            guard let frame = try decoder.decode(&buffer) else {
                #expect(Array(buffer.readableBytesView) == before, "nil result consumed bytes", sourceLocation: sourceLocation)
                return
            }
            let consumed = before.count - buffer.readableBytes
            #expect(FrameEncoder.encode(frame) == Array(before.prefix(consumed)), sourceLocation: sourceLocation)
            frames.append(frame)
        }
    }

    /// Decodes `chunks` in order with a fresh decoder; returns the frames and
    /// how many bytes were left undecoded.
    static func decode(_ chunks: [ArraySlice<UInt8>], role: FrameDecoder.Role, sourceLocation: SourceLocation = #_sourceLocation) throws(FrameError) -> (frames: [Frame], leftover: Int) {
        var harness = DecodeHarness(role: role)
        for chunk in chunks { try harness.feed(chunk, sourceLocation: sourceLocation) }
        return (harness.frames, harness.buffer.readableBytes)
    }
}

extension Array where Element == UInt8 {
    /// The array cut at the given ascending offsets.
    func split(at offsets: [Int]) -> [ArraySlice<UInt8>] {
        var chunks: [ArraySlice<UInt8>] = []
        var start = 0
        for offset in offsets + [count] {
            chunks.append(self[start..<offset])
            start = offset
        }
        return chunks
    }
}
