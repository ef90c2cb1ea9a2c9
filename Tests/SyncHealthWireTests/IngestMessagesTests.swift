import SyncHealthWire
import Testing
import SyncHealthTestTraits

@Suite("ingest.proto codecs", .offThePool)
struct IngestMessagesTests {
    static let statuses = PushItemStatus.allKnown + unrecognizedNumbers.map(PushItemStatus.unrecognized)

    @Test func recordSyncRoundTrip() throws {
        let request = RecordSyncRequest(
            sync: fullSync(),
            config: SyncConfig(syncId: "s", document: Array("{}".utf8), contentType: "application/json",
                               hash: "", version: "v1", fileName: "日本.json"))
        #expect(try roundTrip(request) == request)
        #expect(try roundTrip(RecordSyncRequest(sync: Sync())) == RecordSyncRequest(sync: Sync()))
        let response = RecordSyncResponse(sync: fullSync(9), created: true)
        #expect(try roundTrip(response) == response)
    }

    @Test(arguments: statuses)
    func pushItemReportRoundTrip(_ status: PushItemStatus) throws {
        let report = PushItemReport(
            itemId: "i", coreId: "order ✓", dataType: "payments", status: status, errorMessage: unicodeText,
            attemptedAtMs: Int64.min, targetRecordId: "PAY-9", retryable: true, idempotencyKey: "k-日本")
        #expect(try roundTrip(report) == report)
    }

    @Test func tenThousandReportsInOneBatch() throws {
        let items = (0..<10_000).map { n in
            PushItemReport(
                itemId: "item-\(n)", coreId: "core-\(n)", dataType: "invoices",
                status: Self.statuses[n % Self.statuses.count], errorMessage: n % 3 == 0 ? "" : "Café \(n)",
                attemptedAtMs: Int64(n) - 5_000, targetRecordId: "T\(n)", retryable: n % 2 == 1,
                idempotencyKey: "sync-1/item-\(n)/1")
        }
        let request = RecordPushItemsRequest(syncId: "sync-1", items: items)
        let decoded = try roundTrip(request)
        #expect(decoded.items.count == 10_000)
        #expect(decoded == request)
    }

    @Test func recordPushItemsResponseRoundTrip() throws {
        let response = RecordPushItemsResponse(accepted: Int32.max, created: Int32.min, sync: fullSync())
        #expect(try roundTrip(response) == response)
        #expect(try roundTrip(RecordPushItemsResponse(accepted: -1)) == RecordPushItemsResponse(accepted: -1))
    }

    @Test func knownBytes() {
        // accepted 1, created -1 (int32 negatives are ten-byte varints too).
        #expect(
            RecordPushItemsResponse(accepted: 1, created: -1).serializedBytes()
                == [0x08, 0x01, 0x10, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01])
        #expect(RecordSyncResponse(sync: Sync(), created: true).serializedBytes() == [0x0A, 0x00, 0x10, 0x01])
    }

    @Test func invalidUTF8NamesTheField() {
        let bad: [UInt8] = [0xFF]
        let items = lengthDelimitedField(2, stringField(1, "a")) + lengthDelimitedField(2, lengthDelimitedField(9, bad))
        #expect(throws: WireError.invalidUTF8(field: "synchealth.v1.RecordPushItemsRequest.items[1].idempotency_key")) {
            try RecordPushItemsRequest(serializedBytes: stringField(1, "s") + items)
        }
        #expect(throws: WireError.invalidUTF8(field: "synchealth.v1.RecordSyncRequest.config.content_type")) {
            try RecordSyncRequest(serializedBytes: lengthDelimitedField(2, lengthDelimitedField(3, bad)))
        }
        #expect(throws: WireError.invalidUTF8(field: "synchealth.v1.RecordPushItemsResponse.sync.sync_id")) {
            try RecordPushItemsResponse(serializedBytes: lengthDelimitedField(3, lengthDelimitedField(1, bad)))
        }
    }

    @Test func wrongWireTypeIsMalformed() {
        #expect(throws: WireError.malformed(message: "synchealth.v1.RecordPushItemsRequest")) {
            try RecordPushItemsRequest(serializedBytes: varintField(2, 1))
        }
        // (Not a bool field: protobuf-c 1.4 reads a bool of any wire type.)
        #expect(throws: WireError.malformed(message: "synchealth.v1.RecordSyncResponse")) {
            try RecordSyncResponse(serializedBytes: varintField(1, 1))
        }
        #expect(throws: WireError.malformed(message: "synchealth.v1.RecordPushItemsResponse")) {
            try RecordPushItemsResponse(serializedBytes: stringField(1, "12"))
        }
    }

    @Test func unknownFieldsSkipped() throws {
        let request = RecordPushItemsRequest(syncId: "s", items: [PushItemReport(itemId: "a", status: .success)])
        let report = PushItemReport(itemId: "a", status: .success).serializedBytes() + unknownFields
        #expect(
            try RecordPushItemsRequest(serializedBytes: stringField(1, "s") + lengthDelimitedField(2, report))
                == request)
    }
}
