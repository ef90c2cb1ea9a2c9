import SyncHealthWire
import Testing
import SyncHealthTestTraits

@Suite("history.proto codecs: GetDashboard and ListCompanySyncs", .offThePool)
struct HistoryDashboardTests {
    static let categories = StatusCategory.allKnown + unrecognizedNumbers.map(StatusCategory.unrecognized)

    @Test func getDashboardRequestRoundTrip() throws {
        for product in Product.allKnown + unrecognizedNumbers.map(Product.unrecognized) {
            let request = GetDashboardRequest(
                fromMs: Int64.min, toMs: Int64.max, companyId: "c ✓", product: product,
                sourcePlatform: "amazon", targetPlatform: "日本")
            #expect(try roundTrip(request) == request)
        }
    }

    @Test func getDashboardResponseRoundTrip() throws {
        for successRate in [0.875, -0.5, Double.greatestFiniteMagnitude, Double.leastNonzeroMagnitude, .infinity] {
            let response = GetDashboardResponse(
                totalSyncs: Int64.max,
                byCategory: Self.categories.map { CategoryCount(category: $0, count: -Int64($0.rawValue)) },
                byStatusCode: allSyncStatusCodes.map { StatusCodeCount(statusCode: $0, count: Int64.min) },
                successRate: successRate,
                days: [
                    DailyBucket(dayStartMs: 1_700_006_400_000, inProgress: 1, succeeded: 2, failed: 3),
                    DailyBucket(dayStartMs: -86_400_000, inProgress: -1, succeeded: Int64.max, failed: 0),
                ],
                items: ItemCounts(total: 9, pending: 1, succeeded: 2, failed: 3, timedOut: 3),
                itemsByDataType: [DataTypeCounts(dataType: "expenses ✓", counts: ItemCounts(total: 1))])
            #expect(try roundTrip(response) == response)
        }
    }

    @Test func listCompanySyncsRoundTrip() throws {
        let request = ListCompanySyncsRequest(
            companyId: "c-日本", startedFromMs: -1, startedToMs: Int64.max, pageSize: 500, pageToken: "t")
        #expect(try roundTrip(request) == request)
        let syncs = Self.categories.enumerated().map { index, category in
            CompanySync(
                syncId: "s\(index)", product: .expenses, startedAtMs: Int64.min, finishedAtMs: Int64.max,
                dataFromMs: -5, dataToMs: 5, category: category,
                statusCode: allSyncStatusCodes[index % allSyncStatusCodes.count],
                statusDescription: "Réussi ✓ 日本")
        }
        let response = ListCompanySyncsResponse(syncs: syncs + [CompanySync()], nextPageToken: "n")
        #expect(try roundTrip(response) == response)
    }

    @Test func knownBytes() {
        // success_rate (field 4) is a fixed64 double: 1.0 = 0x3FF0000000000000, little-endian.
        #expect(
            GetDashboardResponse(successRate: 1.0).serializedBytes()
                == [0x21, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xF0, 0x3F])
        // status_code 4260 = 0xA4 0x21; count 2.
        #expect(StatusCodeCount(statusCode: .billingExpired, count: 2).serializedBytes() == [0x08, 0xA4, 0x21, 0x10, 0x02])
        #expect(CategoryCount(category: .unrecognized(5)).serializedBytes() == [0x08, 0x05])
    }

    @Test func invalidUTF8NamesTheField() {
        let bad: [UInt8] = [0x80]
        let itemsByType = lengthDelimitedField(7, []) + lengthDelimitedField(7, lengthDelimitedField(1, bad))
        #expect(throws: WireError.invalidUTF8(field: "synchealth.v1.GetDashboardResponse.items_by_data_type[1].data_type")) {
            try GetDashboardResponse(serializedBytes: itemsByType)
        }
        #expect(throws: WireError.invalidUTF8(field: "synchealth.v1.GetDashboardRequest.target_platform")) {
            try GetDashboardRequest(serializedBytes: lengthDelimitedField(6, bad))
        }
        #expect(throws: WireError.invalidUTF8(field: "synchealth.v1.ListCompanySyncsResponse.syncs[0].status_description")) {
            try ListCompanySyncsResponse(serializedBytes: lengthDelimitedField(1, lengthDelimitedField(9, bad)))
        }
        #expect(throws: WireError.invalidUTF8(field: "synchealth.v1.ListCompanySyncsRequest.company_id")) {
            try ListCompanySyncsRequest(serializedBytes: lengthDelimitedField(1, bad))
        }
    }

    @Test func wrongWireTypeIsMalformed() {
        #expect(throws: WireError.malformed(message: "synchealth.v1.GetDashboardResponse")) {
            try GetDashboardResponse(serializedBytes: varintField(4, 1))
        }
        #expect(throws: WireError.malformed(message: "synchealth.v1.DailyBucket")) {
            try DailyBucket(serializedBytes: stringField(1, "day"))
        }
    }
}
