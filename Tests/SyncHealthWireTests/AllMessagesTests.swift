import SyncHealthWire
import Testing
import SyncHealthTestTraits

/// Checks every message of the API must pass, whatever its fields.
@Suite("Every message", .offThePool)
struct AllMessagesTests {
    @Test("default message encodes to no bytes and empty input decodes to it", arguments: allMessages)
    func defaultMessage(_ message: MessageCase) throws {
        #expect(message.defaultEncoding() == [])
        #expect(try message.decodesToDefault([]))
    }

    @Test("unknown fields of every wire type are skipped", arguments: allMessages)
    func unknownFieldsSkipped(_ message: MessageCase) throws {
        #expect(try message.decodesToDefault(unknownFields))
    }

    @Test("malformed bytes throw WireError.malformed", arguments: allMessages, [
        [0x80],                                                       // key varint cut short
        tag(900, .varint) + [0xFF, 0xFF],                             // value varint cut short
        tag(900, .varint),                                            // value missing
        tag(903, .lengthDelimited) + varint(5) + [0x61, 0x62],        // length past the end
        tag(903, .lengthDelimited) + varint(UInt64(UInt32.max)) + [0x61], // ~4 GiB length
        tag(903, .fixed64) + [1, 2, 3],                               // fixed64 cut short
        [0x0F],                                                       // wire type 7 does not exist
    ] as [[UInt8]])
    func malformed(_ message: MessageCase, bytes: [UInt8]) {
        #expect(throws: WireError.malformed(message: message.protoName)) {
            _ = try message.decodesToDefault(bytes)
        }
    }
}
