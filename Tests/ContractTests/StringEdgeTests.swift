import SyncHealthWire
import Testing
import SyncHealthTestTraits

/// Strings protobuf allows that a C-string based codec can mishandle.
@Suite("String edge cases against protoc", .offThePool)
struct StringEdgeTests {
    @Test("a string with an embedded NUL from protoc is rejected, never cut short")
    func embeddedNulDecodes() async throws {
        let bytes = try await Protoc.api().encode("synchealth.v1.GetSyncRequest", #"sync_id: "a\000b""#)
        #expect(bytes == [0x0A, 0x03, 0x61, 0x00, 0x62])
        // protobuf-c hands strings over as C strings ("a\0b" would read as
        // "a"), so the wrapper rejects the message; a server answers
        // INVALID_ARGUMENT.
        #expect(throws: WireError.embeddedNUL(field: "synchealth.v1.GetSyncRequest.sync_id")) {
            try GetSyncRequest(serializedBytes: bytes)
        }
    }

    @Test("an embedded NUL deep in a message from protoc is rejected with its path")
    func embeddedNulNested() async throws {
        let text = #"items { item_id: "i-1" } items { item_id: "i-2" error_message: "x\000" }"#
        let bytes = try await Protoc.api().encode("synchealth.v1.RecordPushItemsRequest", text)
        #expect(throws: WireError.embeddedNUL(field: "synchealth.v1.RecordPushItemsRequest.items[1].error_message")) {
            try RecordPushItemsRequest(serializedBytes: bytes)
        }
    }

    @Test("invalid UTF-8 from protoc is rejected, not passed on")
    func invalidUTF8() async throws {
        // protoc's text parser accepts any bytes in a string literal.
        let bytes = try await Protoc.api().encode("synchealth.v1.GetSyncRequest", #"sync_id: "\377\376""#)
        #expect(throws: (any Error).self) { try GetSyncRequest(serializedBytes: bytes) }
    }

    @Test("a Swift string with an embedded NUL is refused, never sent cut short")
    func embeddedNulEncodes() async throws {
        // protobuf-c packs strings with strlen, so "a\0b" cannot reach the
        // wire whole: the checked encoding throws, naming the field, and
        // `serializedBytes()` traps (see EmbeddedNULTests).
        #expect(throws: WireError.embeddedNUL(field: "synchealth.v1.GetSyncRequest.sync_id")) {
            try GetSyncRequest(syncId: "a\u{0}b").checkedSerializedBytes()
        }
        // Without the NUL, protoc reads back exactly what was sent.
        let text = try await Protoc.api().decode("synchealth.v1.GetSyncRequest", GetSyncRequest(syncId: "a b").checkedSerializedBytes())
        #expect(text == "sync_id: \"a b\"\n")
    }
}
