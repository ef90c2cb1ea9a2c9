/// A growable byte buffer with a reader index: bytes are appended as they
/// arrive from the socket and consumed from the front as frames decode.
public struct FrameBuffer: Sendable {
    private var storage: [UInt8]
    private var readerIndex: Int

    /// Creates a buffer holding `bytes`.
    public init(_ bytes: [UInt8] = []) {
        storage = bytes
        readerIndex = 0
    }

    /// Bytes appended and not yet consumed.
    public var readableBytes: Int { storage.count - readerIndex }

    /// The unconsumed bytes, without copying.
    public var readableBytesView: ArraySlice<UInt8> { storage[readerIndex...] }

    /// Appends received bytes.
    public mutating func write<C: Collection>(contentsOf bytes: C) where C.Element == UInt8 {
        compactIfWorthIt()
        storage.append(contentsOf: bytes)
    }

    /// Marks `count` bytes as consumed.
    /// - Precondition: `count <= readableBytes`.
    public mutating func moveReaderIndex(forwardBy count: Int) {
        precondition(count >= 0 && count <= readableBytes, "consumed past the end of the buffer")
        readerIndex += count
        if readerIndex == storage.count {
            storage.removeAll(keepingCapacity: storage.capacity <= 64 * 1024)
            readerIndex = 0
        }
    }

    /// Reads and consumes `count` bytes.
    /// - Precondition: `count <= readableBytes`.
    public mutating func readBytes(_ count: Int) -> [UInt8] {
        let bytes = Array(storage[readerIndex..<readerIndex + count])
        moveReaderIndex(forwardBy: count)
        return bytes
    }

    /// Reads a big-endian integer at `offset` from the reader index, without consuming.
    func peekInteger<T: FixedWidthInteger>(at offset: Int, as: T.Type = T.self) -> T {
        var value: T = 0
        let start = readerIndex + offset
        for i in 0..<MemoryLayout<T>.size {
            value = value << 8 | T(storage[start + i])
        }
        return value
    }

    private mutating func compactIfWorthIt() {
        // Drop consumed bytes once they are the larger part of the storage,
        // so a long-lived connection does not grow its buffer without bound.
        if readerIndex > 4096 && readerIndex * 2 > storage.count {
            storage.removeFirst(readerIndex)
            readerIndex = 0
        }
    }
}
