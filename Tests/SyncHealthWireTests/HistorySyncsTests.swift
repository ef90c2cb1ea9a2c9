import SyncHealthWire
import Testing
import SyncHealthTestTraits

@Suite("history.proto codecs: ListSyncs and GetSync", .offThePool)
struct HistorySyncsTests {
    static let sortFields = SyncSortField.allKnown + unrecognizedNumbers.map(SyncSortField.unrecognized)
    static let orders = SortOrder.allKnown + unrecognizedNumbers.map(SortOrder.unrecognized)

    @Test func countRoundTrip() throws {
        for value in [Int64.max, Int64.min, -1, 1] {
            #expect(try roundTrip(Count(value: value)) == Count(value: value))
        }
        #expect(Count(value: 150).serializedBytes() == [0x08, 0x96, 0x01])
    }

    @Test(arguments: sortFields, orders)
    func listSyncsRequestRoundTrip(_ sortBy: SyncSortField, _ order: SortOrder) throws {
        let request = ListSyncsRequest(
            search: "sync-日本", companyId: "c1", startedFromMs: Int64.min, startedToMs: Int64.max,
            statusCodes: allSyncStatusCodes,
            categories: StatusCategory.allKnown + unrecognizedNumbers.map(StatusCategory.unrecognized),
            product: .commerce, sourcePlatform: "shopify", targetPlatform: "xero ✓",
            sortBy: sortBy, order: order, pageSize: -1, pageToken: "tok/+=", includeTotal: true)
        #expect(try roundTrip(request) == request)
    }

    @Test func listSyncsResponseRoundTrip() throws {
        let response = ListSyncsResponse(
            syncs: [fullSync(1), Sync(), fullSync(2)], nextPageToken: "next-\(unicodeText)", total: Count(value: 3))
        #expect(try roundTrip(response) == response)
        #expect(try roundTrip(ListSyncsResponse(total: Count())).total == Count())
        #expect(try roundTrip(ListSyncsResponse(nextPageToken: "t")).total == nil)
    }

    @Test func listSyncsResponseWithTenThousandSyncs() throws {
        let response = ListSyncsResponse(syncs: (0..<10_000).map(fullSync), nextPageToken: "n")
        let decoded = try roundTrip(response)
        #expect(decoded.syncs.count == 10_000)
        #expect(decoded == response)
    }

    @Test func getSyncRoundTrip() throws {
        #expect(try roundTrip(GetSyncRequest(syncId: "s-✓")) == GetSyncRequest(syncId: "s-✓"))
        let response = GetSyncResponse(
            sync: fullSync(),
            dataTypes: [
                DataTypeCounts(dataType: "invoices", counts: ItemCounts(total: 2, failed: 2)),
                DataTypeCounts(dataType: "bills", counts: nil),
                DataTypeCounts(dataType: "payments", counts: ItemCounts()),
            ],
            retries: RetrySummary(
                jobs: Int64.max, retriedAttempts: -2, recoveredItems: 3, lastRetryAtMs: Int64.min,
                lastJobId: "job-日本"))
        #expect(try roundTrip(response) == response)
    }

    @Test func knownBytes() {
        // data_type "x" then counts {total 1} as a 2-byte sub-message.
        #expect(
            DataTypeCounts(dataType: "x", counts: ItemCounts(total: 1)).serializedBytes()
                == [0x0A, 0x01, 0x78, 0x12, 0x02, 0x08, 0x01])
        // Packed categories (field 6): 1, 3.
        #expect(
            ListSyncsRequest(categories: [.inProgress, .failed], includeTotal: true).serializedBytes()
                == [0x32, 0x02, 0x01, 0x03, 0x70, 0x01])
    }

    @Test func invalidUTF8NamesTheField() {
        let bad: [UInt8] = [0xF4, 0x90, 0x80, 0x80]
        #expect(throws: WireError.invalidUTF8(field: "synchealth.v1.ListSyncsRequest.page_token")) {
            try ListSyncsRequest(serializedBytes: lengthDelimitedField(13, bad))
        }
        let syncs = lengthDelimitedField(1, []) + lengthDelimitedField(1, lengthDelimitedField(12, bad))
        #expect(throws: WireError.invalidUTF8(field: "synchealth.v1.ListSyncsResponse.syncs[1].notes[0]")) {
            try ListSyncsResponse(serializedBytes: syncs)
        }
        let dataTypes = lengthDelimitedField(2, lengthDelimitedField(1, bad))
        #expect(throws: WireError.invalidUTF8(field: "synchealth.v1.GetSyncResponse.data_types[0].data_type")) {
            try GetSyncResponse(serializedBytes: dataTypes)
        }
        #expect(throws: WireError.invalidUTF8(field: "synchealth.v1.GetSyncResponse.retries.last_job_id")) {
            try GetSyncResponse(serializedBytes: lengthDelimitedField(3, lengthDelimitedField(5, bad)))
        }
        #expect(throws: WireError.invalidUTF8(field: "synchealth.v1.GetSyncRequest.sync_id")) {
            try GetSyncRequest(serializedBytes: lengthDelimitedField(1, bad))
        }
    }

    @Test func wrongWireTypeIsMalformed() {
        #expect(throws: WireError.malformed(message: "synchealth.v1.ListSyncsResponse")) {
            try ListSyncsResponse(serializedBytes: varintField(3, 1))
        }
        #expect(throws: WireError.malformed(message: "synchealth.v1.ListSyncsRequest")) {
            try ListSyncsRequest(serializedBytes: tag(12, .fixed64) + [0, 0, 0, 0, 0, 0, 0, 0])
        }
        #expect(throws: WireError.malformed(message: "synchealth.v1.GetSyncResponse")) {
            try GetSyncResponse(serializedBytes: lengthDelimitedField(1, varintField(1, 1)))
        }
    }

    @Test func unknownFieldsSkipped() throws {
        let response = GetSyncResponse(sync: fullSync(), retries: RetrySummary(jobs: 1))
        #expect(try GetSyncResponse(serializedBytes: unknownFields + response.serializedBytes()) == response)
    }
}
