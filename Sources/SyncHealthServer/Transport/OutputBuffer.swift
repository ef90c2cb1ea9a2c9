/// Encoded frames waiting for the socket to accept them.
///
/// Frames are kept whole (header and payload in one chunk) so each `send`
/// carries at least one complete header with its payload; small frames are
/// coalesced into the last queued chunk.
struct OutputBuffer {
    private var chunks: [[UInt8]] = []
    private var head = 0  // index of the first unsent chunk
    private var offset = 0  // bytes of chunks[head] already sent
    /// Bytes queued and not yet written.
    private(set) var count = 0

    private static let coalesceLimit = 16 * 1024

    var isEmpty: Bool { count == 0 }

    /// Queues one encoded frame.
    mutating func append(_ bytes: [UInt8]) {
        guard !bytes.isEmpty else { return }
        count += bytes.count
        // Appending to the last unsent chunk keeps `offset` valid: bytes only
        // go on its end.
        if chunks.count > head, chunks[chunks.count - 1].count + bytes.count <= Self.coalesceLimit {
            chunks[chunks.count - 1].append(contentsOf: bytes)
        } else {
            chunks.append(bytes)
        }
    }

    /// Calls `body` with the unsent part of the first chunk; nil when empty.
    func withFirstChunk<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R? {
        guard head < chunks.count else { return nil }
        return try chunks[head].withUnsafeBytes { raw in
            try body(UnsafeRawBufferPointer(rebasing: raw[offset...]))
        }
    }

    /// Marks `n` bytes of the first chunk as written.
    mutating func consume(_ n: Int) {
        precondition(head < chunks.count && n <= chunks[head].count - offset, "consumed past the queued bytes")
        offset += n
        count -= n
        if offset == chunks[head].count {
            head += 1
            offset = 0
            if head == chunks.count {
                chunks.removeAll(keepingCapacity: true)
                head = 0
            } else if head >= 64 {
                chunks.removeFirst(head)
                head = 0
            }
        }
    }

    /// Drops everything queued.
    mutating func removeAll() {
        chunks.removeAll()
        head = 0
        offset = 0
        count = 0
    }
}
