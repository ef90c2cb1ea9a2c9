import SyncHealthWire
import Testing
import SyncHealthTestTraits

/// protobuf-c carries strings as C strings: a NUL inside one would cut it
/// short. Decoding rejects such strings, naming the field; encoding refuses
/// them. `bytes` fields, packed scalars and unknown fields may hold 0x00.
@Suite("Embedded NUL", .offThePool)
struct EmbeddedNULTests {
    private let nul: [UInt8] = [0x61, 0x00, 0x62]  // "a\0b"

    @Test func singularStringIsRejected() {
        #expect(throws: WireError.embeddedNUL(field: "synchealth.v1.GetSyncRequest.sync_id")) {
            try GetSyncRequest(serializedBytes: lengthDelimitedField(1, nul))
        }
        #expect(throws: WireError.embeddedNUL(field: "synchealth.v1.Sync.status_text")) {
            try Sync(serializedBytes: stringField(1, "ok") + lengthDelimitedField(7, [0x00]))
        }
    }

    @Test func repeatedStringNamesTheElement() {
        #expect(throws: WireError.embeddedNUL(field: "synchealth.v1.Sync.notes[1]")) {
            try Sync(serializedBytes: stringField(12, "fine") + lengthDelimitedField(12, nul) + stringField(12, "x"))
        }
        #expect(throws: WireError.embeddedNUL(field: "synchealth.v1.Sync.error_messages[0]")) {
            try Sync(serializedBytes: stringField(12, "fine") + lengthDelimitedField(13, [0x00, 0x00]))
        }
    }

    @Test func nestedMessagesNameThePath() {
        let sync = stringField(1, "s-1") + stringField(12, "ok") + lengthDelimitedField(12, nul)
        #expect(throws: WireError.embeddedNUL(field: "synchealth.v1.RecordSyncRequest.sync.notes[1]")) {
            try RecordSyncRequest(serializedBytes: lengthDelimitedField(1, sync))
        }
        // Repeated sub-messages, two levels down.
        let attempt = lengthDelimitedField(6, nul)
        #expect(throws: WireError.embeddedNUL(field: "synchealth.v1.PushItem.attempts[2].actor")) {
            try PushItem(serializedBytes: [0x5A, 0x00, 0x5A, 0x00] + lengthDelimitedField(11, attempt))
        }
        let report = stringField(1, "item") + lengthDelimitedField(5, nul)
        #expect(throws: WireError.embeddedNUL(field: "synchealth.v1.RecordPushItemsRequest.items[1].error_message")) {
            try RecordPushItemsRequest(serializedBytes: lengthDelimitedField(2, stringField(1, "ok")) + lengthDelimitedField(2, report))
        }
        // A oneof member, and the protocol header every call starts with.
        #expect(throws: WireError.embeddedNUL(field: "synchealth.v1.RetryScope.filter.data_types[0]")) {
            try RetryScope(serializedBytes: lengthDelimitedField(2, lengthDelimitedField(6, nul)))
        }
        let entry = stringField(1, "authorization") + lengthDelimitedField(2, nul)
        #expect(throws: WireError.embeddedNUL(field: "synchealth.v1.RequestHeader.metadata[0].value")) {
            try RequestHeader(serializedBytes: stringField(1, "/a.B/C") + lengthDelimitedField(3, entry))
        }
    }

    @Test func aSubMessageSentTwiceIsCheckedInEveryPart() {
        // protobuf-c merges the two parts; the NUL in the first must still count.
        let first = lengthDelimitedField(1, lengthDelimitedField(7, nul))
        let second = lengthDelimitedField(1, stringField(1, "s-1"))
        #expect(throws: WireError.embeddedNUL(field: "synchealth.v1.RecordSyncRequest.sync.status_text")) {
            try RecordSyncRequest(serializedBytes: first + second)
        }
    }

    @Test func zeroBytesOutsideStringsAreFine() throws {
        let config = try SyncConfig(serializedBytes: stringField(1, "s-1") + lengthDelimitedField(2, nul))
        #expect(config.document == nul)
        // Packed enum values 0 and 1000: the payload holds a 0x00 byte.
        let scope = try FilterRetryScope(serializedBytes: lengthDelimitedField(1, [0x00, 0xE8, 0x07]))
        #expect(scope.statusCodes == [.unspecified, .inProgress])
        let unknown = lengthDelimitedField(902, nul) + varintField(900, 0)
        #expect(try GetSyncRequest(serializedBytes: stringField(1, "s-1") + unknown) == GetSyncRequest(syncId: "s-1"))
        #expect(try SyncConfig(serializedBytes: SyncConfig(document: [0, 0, 0]).serializedBytes()).document == [0, 0, 0])
    }

    @Test func checkedEncodingRefusesAndNamesTheField() throws {
        #expect(throws: WireError.embeddedNUL(field: "synchealth.v1.GetSyncRequest.sync_id")) {
            try GetSyncRequest(syncId: "a\u{0}b").checkedSerializedBytes()
        }
        let request = RecordPushItemsRequest(syncId: "s-1", items: [
            PushItemReport(itemId: "ok"),
            PushItemReport(itemId: "also ok", errorMessage: "bad\u{0}"),
        ])
        #expect(throws: WireError.embeddedNUL(field: "synchealth.v1.RecordPushItemsRequest.items[1].error_message")) {
            try request.checkedSerializedBytes()
        }
        let header = RequestHeader(method: "/a.B/C", metadata: [MetadataEntry(key: "k\u{0}", value: "v")])
        #expect(throws: WireError.embeddedNUL(field: "synchealth.v1.RequestHeader.metadata[0].key")) {
            try header.checkedSerializedBytes()
        }
        // Text without NUL (U+00FF included: its UTF-8 is C3 BF, never the marker byte) encodes as before.
        let fine = Sync(syncId: "ÿ", notes: ["a", "b"])
        #expect(try fine.checkedSerializedBytes() == fine.serializedBytes())
        #expect(try Sync(serializedBytes: fine.checkedSerializedBytes()) == fine)
    }

    @Test func uncheckedEncodingTrapsInsteadOfTruncating() async {
        await #expect(processExitsWith: .failure) {
            _ = GetSyncRequest(syncId: "a\u{0}b").serializedBytes()
        }
    }

    @Test func descriptionAndStatus() {
        let error = WireError.embeddedNUL(field: "synchealth.v1.Sync.notes[1]")
        #expect("\(error)" == "NUL (0x00) in string field synchealth.v1.Sync.notes[1]")
        #expect(error.rpcError.code == .invalidArgument)
    }
}
