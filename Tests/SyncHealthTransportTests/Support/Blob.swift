import SyncHealthWire

/// A message that is its own bytes, so transport tests do not depend on any
/// particular protobuf message.
struct Blob: WireMessage {
    var bytes: [UInt8]

    init(_ bytes: [UInt8]) { self.bytes = bytes }
    init(_ text: String) { bytes = Array(text.utf8) }
    init(serializedBytes bytes: [UInt8]) throws { self.bytes = bytes }
    func serializedBytes() -> [UInt8] { bytes }

    var text: String { String(decoding: bytes, as: UTF8.self) }
}
