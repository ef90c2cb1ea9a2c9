import SyncHealthWire
import Testing
import SyncHealthTestTraits

@Suite("retry.proto codecs", .offThePool)
struct RetryMessagesTests {
    static let skipReasons = SkipReason.allKnown + unrecognizedNumbers.map(SkipReason.unrecognized)

    @Test func retryFailedItemsRequestRoundTrip() throws {
        let scopes: [RetryScope?] = [
            nil,
            RetryScope(),
            RetryScope(scope: .sync(SyncRetryScope(syncId: "s", itemIds: ["a"], dataTypes: ["bills"]))),
            RetryScope(scope: .filter(FilterRetryScope(statusCodes: [.dataPushError, .unrecognized(1)]))),
        ]
        for scope in scopes {
            let request = RetryFailedItemsRequest(
                scope: scope, reason: "Xero outage fixed ✓", idempotencyKey: "k-日本", dryRun: true, force: true)
            #expect(try roundTrip(request) == request)
        }
    }

    @Test func retryFailedItemsResponseRoundTrip() throws {
        let preview = RetryPreview(
            wouldRetry: Int64.max, wouldSkip: Int64.min,
            byDataType: [DataTypeCounts(dataType: "invoices", counts: ItemCounts(total: 3, failed: 3))],
            skipped: Self.skipReasons.map { SkipCount(reason: $0, count: -Int64($0.rawValue)) },
            items: Self.skipReasons.enumerated().map { index, reason in
                PreviewItem(
                    syncId: "s", itemId: "i\(index)", coreId: "c-✓", dataType: "日本", willRetry: index % 2 == 0,
                    skipReason: reason)
            })
        let response = RetryFailedItemsResponse(job: fullRetryJob(), preview: preview, existing: true)
        #expect(try roundTrip(response) == response)
        let dryRun = RetryFailedItemsResponse(job: nil, preview: RetryPreview())
        #expect(try roundTrip(dryRun) == dryRun)
    }

    @Test func retryPreviewWithThousandItems() throws {
        let items = (0..<1_000).map { PreviewItem(syncId: "s", itemId: "i\($0)", willRetry: true) }
        let preview = RetryPreview(wouldRetry: 1_000, items: items)
        #expect(try roundTrip(preview) == preview)
    }

    @Test func retryJobRPCsRoundTrip() throws {
        #expect(try roundTrip(GetRetryJobRequest(jobId: "job-✓")) == GetRetryJobRequest(jobId: "job-✓"))
        #expect(try roundTrip(GetRetryJobResponse(job: fullRetryJob())) == GetRetryJobResponse(job: fullRetryJob()))
        let list = ListRetryJobsRequest(
            states: RetryJobState.allKnown + unrecognizedNumbers.map(RetryJobState.unrecognized),
            syncId: "s-日本", pageSize: Int32.min, pageToken: "p")
        #expect(try roundTrip(list) == list)
        let jobs = ListRetryJobsResponse(jobs: (0..<50).map(fullRetryJob) + [RetryJob()], nextPageToken: "n ✓")
        #expect(try roundTrip(jobs) == jobs)
        let cancel = CancelRetryJobRequest(jobId: "j", reason: "Annulé par l'équipe")
        #expect(try roundTrip(cancel) == cancel)
        var cancelled = fullRetryJob()
        cancelled.state = .cancelled
        #expect(try roundTrip(CancelRetryJobResponse(job: cancelled)) == CancelRetryJobResponse(job: cancelled))
    }

    @Test func knownBytes() {
        // reason 6 (SYNC_STATUS_NOT_RETRYABLE), count 300 = 0xAC 0x02.
        #expect(SkipCount(reason: .syncStatusNotRetryable, count: 300).serializedBytes() == [0x08, 0x06, 0x10, 0xAC, 0x02])
        // Packed states (field 1): 1, 6.
        #expect(ListRetryJobsRequest(states: [.queued, .cancelled]).serializedBytes() == [0x0A, 0x02, 0x01, 0x06])
        // dry_run is field 4; an empty scope is still present.
        #expect(
            RetryFailedItemsRequest(scope: RetryScope(), dryRun: true).serializedBytes()
                == [0x0A, 0x00, 0x20, 0x01])
    }

    @Test func invalidUTF8NamesTheField() {
        let bad: [UInt8] = [0xC0, 0x80]
        let badScope = lengthDelimitedField(1, lengthDelimitedField(1, lengthDelimitedField(3, bad)))
        #expect(throws: WireError.invalidUTF8(field: "synchealth.v1.RetryFailedItemsRequest.scope.sync.data_types[0]")) {
            try RetryFailedItemsRequest(serializedBytes: badScope)
        }
        let badItem = lengthDelimitedField(5, varintField(5, 1)) + lengthDelimitedField(5, lengthDelimitedField(3, bad))
        #expect(throws: WireError.invalidUTF8(field: "synchealth.v1.RetryFailedItemsResponse.preview.items[1].core_id")) {
            try RetryFailedItemsResponse(serializedBytes: lengthDelimitedField(2, badItem))
        }
        let badFilter = lengthDelimitedField(1, lengthDelimitedField(2, lengthDelimitedField(3, bad)))
        #expect(throws: WireError.invalidUTF8(field: "synchealth.v1.RetryFailedItemsRequest.scope.filter.company_id")) {
            try RetryFailedItemsRequest(serializedBytes: badFilter)
        }
        #expect(throws: WireError.invalidUTF8(field: "synchealth.v1.ListRetryJobsResponse.jobs[0].requested_by")) {
            try ListRetryJobsResponse(serializedBytes: lengthDelimitedField(1, lengthDelimitedField(5, bad)))
        }
        #expect(throws: WireError.invalidUTF8(field: "synchealth.v1.CancelRetryJobRequest.reason")) {
            try CancelRetryJobRequest(serializedBytes: stringField(1, "j") + lengthDelimitedField(2, bad))
        }
    }

    @Test func wrongWireTypeIsMalformed() {
        #expect(throws: WireError.malformed(message: "synchealth.v1.RetryFailedItemsRequest")) {
            try RetryFailedItemsRequest(serializedBytes: varintField(1, 0))
        }
        #expect(throws: WireError.malformed(message: "synchealth.v1.ListRetryJobsRequest")) {
            try ListRetryJobsRequest(serializedBytes: tag(1, .fixed32) + [1, 0, 0, 0])
        }
    }

    @Test func unknownFieldsSkipped() throws {
        let response = GetRetryJobResponse(job: fullRetryJob())
        #expect(try GetRetryJobResponse(serializedBytes: response.serializedBytes() + unknownFields) == response)
    }
}
