import SyncHealthWire
import Testing
import SyncHealthTestTraits

@Suite("history.proto codecs: GetSyncConfig and ListPushItems", .offThePool)
struct HistoryPushItemsTests {
    @Test func getSyncConfigRoundTrip() throws {
        #expect(try roundTrip(GetSyncConfigRequest(syncId: "日本")) == GetSyncConfigRequest(syncId: "日本"))
        let response = GetSyncConfigResponse(
            config: SyncConfig(syncId: "s", document: [0, 1, 2, 0xFF], contentType: "application/yaml",
                               hash: "ff", version: "3", fileName: "c ✓.yaml"))
        #expect(try roundTrip(response) == response)
        #expect(try roundTrip(GetSyncConfigResponse(config: SyncConfig())).config == SyncConfig())
        #expect(GetSyncConfigResponse(config: SyncConfig()).serializedBytes() == [0x0A, 0x00])
    }

    @Test func listPushItemsRequestRoundTrip() throws {
        let request = ListPushItemsRequest(
            syncId: "s", search: "order-日本", dataTypes: ["invoices", "creditNotes", ""],
            statuses: PushItemStatus.allKnown + unrecognizedNumbers.map(PushItemStatus.unrecognized),
            pageSize: Int32.max, pageToken: "p", includeAttempts: true, includeTotal: true)
        #expect(try roundTrip(request) == request)
    }

    @Test func listPushItemsResponseRoundTrip() throws {
        let items = (0..<100).map { n in
            PushItem(
                itemId: "item-\(n)", syncId: "s", coreId: "core-✓-\(n)", dataType: "invoices", status: .failed,
                errorMessage: "Café closed", attemptCount: Int32(n), lastAttemptAtMs: -Int64(n),
                targetRecordId: "", retryable: n % 2 == 0,
                attempts: [PushAttempt(number: 1, outcome: .timedOut, trigger: .automaticRetry, reason: "日本")])
        }
        let response = ListPushItemsResponse(items: items, nextPageToken: "more", total: Count(value: Int64.max))
        #expect(try roundTrip(response) == response)
    }

    @Test func knownBytes() {
        // Packed statuses (field 4): 3, 4; include_attempts (field 7) true.
        #expect(
            ListPushItemsRequest(statuses: [.failed, .timedOut], includeAttempts: true).serializedBytes()
                == [0x22, 0x02, 0x03, 0x04, 0x38, 0x01])
    }

    @Test func invalidUTF8NamesTheField() {
        let bad: [UInt8] = [0xE6, 0x97]
        #expect(throws: WireError.invalidUTF8(field: "synchealth.v1.ListPushItemsRequest.data_types[2]")) {
            try ListPushItemsRequest(
                serializedBytes: stringField(3, "a") + stringField(3, "b") + lengthDelimitedField(3, bad))
        }
        let item = stringField(1, "ok") + lengthDelimitedField(11, lengthDelimitedField(9, bad))
        #expect(throws: WireError.invalidUTF8(field: "synchealth.v1.ListPushItemsResponse.items[0].attempts[0].reason")) {
            try ListPushItemsResponse(serializedBytes: lengthDelimitedField(1, item))
        }
        #expect(throws: WireError.invalidUTF8(field: "synchealth.v1.GetSyncConfigResponse.config.version")) {
            try GetSyncConfigResponse(serializedBytes: lengthDelimitedField(1, lengthDelimitedField(5, bad)))
        }
    }

    @Test func wrongWireTypeIsMalformed() {
        #expect(throws: WireError.malformed(message: "synchealth.v1.ListPushItemsRequest")) {
            try ListPushItemsRequest(serializedBytes: varintField(3, 1))
        }
        #expect(throws: WireError.malformed(message: "synchealth.v1.GetSyncConfigResponse")) {
            try GetSyncConfigResponse(serializedBytes: tag(1, .fixed32) + [1, 2, 3, 4])
        }
    }
}
