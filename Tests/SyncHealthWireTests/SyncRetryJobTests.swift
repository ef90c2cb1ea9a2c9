import SyncHealthWire
import Testing
import SyncHealthTestTraits

let allSyncStatusCodes = SyncStatusCode.allKnown + unrecognizedNumbers.map(SyncStatusCode.unrecognized)

/// A retry job with every field set to a non-default value.
func fullRetryJob(_ n: Int = 0) -> RetryJob {
    RetryJob(
        jobId: "job-\(n)", state: .partiallyFailed,
        scope: RetryScope(scope: .sync(SyncRetryScope(syncId: "s\(n)", itemIds: ["i1", "i2"], dataTypes: ["invoices"]))),
        counts: RetryCounts(total: Int64.max, succeeded: Int64.min, failed: -1, pending: 2, skipped: 3),
        requestedBy: "ops@example.com", reason: "Retry after fix: \(unicodeText)",
        createdAtMs: 1_700_000_000_000, startedAtMs: -5, finishedAtMs: Int64.max,
        idempotencyKey: "key-\(n)", force: true, cancelledBy: "José")
}

@Suite("sync.proto codecs: retry scopes and jobs", .offThePool)
struct SyncRetryJobTests {
    @Test func syncRetryScopeRoundTrip() throws {
        let scope = SyncRetryScope(syncId: "s1", itemIds: ["a", "", "日本"], dataTypes: ["invoices", "bills ✓"])
        #expect(try roundTrip(scope) == scope)
    }

    @Test func filterRetryScopeRoundTrip() throws {
        let scope = FilterRetryScope(
            statusCodes: allSyncStatusCodes, targetPlatform: "xero", companyId: "c-日本",
            startedFromMs: Int64.min, startedToMs: Int64.max, dataTypes: ["invoices", "creditNotes"],
            sourcePlatform: "amazon ✓", product: .commerce)
        #expect(try roundTrip(scope) == scope)
    }

    @Test func tenThousandPackedEnums() throws {
        let codes = (0..<10_000).map { allSyncStatusCodes[$0 % allSyncStatusCodes.count] }
        let scope = FilterRetryScope(statusCodes: codes, product: .unrecognized(7))
        #expect(try roundTrip(scope) == scope)
    }

    @Test func repeatedEnumsPackedAndUnpacked() throws {
        // Packed: one length-delimited field 1 with 1000 (0xE8 0x07) and -1 (ten bytes).
        let packed: [UInt8] = [0x0A, 0x0C, 0xE8, 0x07] + [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01]
        let scope = FilterRetryScope(statusCodes: [.inProgress, .unrecognized(-1)])
        #expect(scope.serializedBytes() == packed)
        // An unpacked encoding (one varint per element) must decode too.
        let unpacked = varintField(1, 1000) + varintField(1, 2000) + varintField(1, 31337)
        #expect(
            try FilterRetryScope(serializedBytes: unpacked).statusCodes
                == [.inProgress, .successDataPushed, .unrecognized(31337)])
    }

    @Test func retryScopeOneof() throws {
        let cases: [RetryScope] = [
            RetryScope(),
            RetryScope(scope: .sync(SyncRetryScope(syncId: "s1", itemIds: ["i"]))),
            RetryScope(scope: .filter(FilterRetryScope(statusCodes: [.dataPushError], companyId: "c"))),
            RetryScope(scope: .sync(SyncRetryScope())),
            RetryScope(scope: .filter(FilterRetryScope())),
        ]
        for scope in cases {
            #expect(try roundTrip(scope) == scope)
        }
        // A oneof member set to an empty message is still set.
        #expect(RetryScope(scope: .sync(SyncRetryScope())).serializedBytes() == [0x0A, 0x00])
        #expect(RetryScope(scope: .filter(FilterRetryScope())).serializedBytes() == [0x12, 0x00])
        #expect(RetryScope().serializedBytes() == [])
        // Two members on the wire: the last one wins.
        let both = lengthDelimitedField(1, stringField(1, "s")) + lengthDelimitedField(2, stringField(3, "c"))
        #expect(try RetryScope(serializedBytes: both) == RetryScope(scope: .filter(FilterRetryScope(companyId: "c"))))
    }

    @Test func retryCountsRoundTrip() throws {
        let counts = RetryCounts(total: 5, succeeded: Int64.max, failed: Int64.min, pending: -7, skipped: 1)
        #expect(try roundTrip(counts) == counts)
    }

    @Test(arguments: RetryJobState.allKnown + unrecognizedNumbers.map(RetryJobState.unrecognized))
    func retryJobRoundTrip(_ state: RetryJobState) throws {
        var job = fullRetryJob()
        job.state = state
        #expect(try roundTrip(job) == job)
        job.scope = RetryScope(scope: .filter(FilterRetryScope(statusCodes: [.billingExpired], product: .expenses)))
        #expect(try roundTrip(job) == job)
    }

    @Test func invalidUTF8InsideTheOneof() {
        let badScope = lengthDelimitedField(1, stringField(2, "ok") + lengthDelimitedField(2, [0xC0, 0x80]))
        #expect(throws: WireError.invalidUTF8(field: "synchealth.v1.RetryJob.scope.sync.item_ids[1]")) {
            try RetryJob(serializedBytes: stringField(1, "job") + lengthDelimitedField(3, badScope))
        }
        let badFilter = lengthDelimitedField(2, lengthDelimitedField(6, [0xFF]))
        #expect(throws: WireError.invalidUTF8(field: "synchealth.v1.RetryScope.filter.data_types[0]")) {
            try RetryScope(serializedBytes: badFilter)
        }
        #expect(throws: WireError.invalidUTF8(field: "synchealth.v1.RetryJob.cancelled_by")) {
            try RetryJob(serializedBytes: lengthDelimitedField(12, [0xFE]))
        }
    }

    @Test func wrongWireTypeIsMalformed() {
        #expect(throws: WireError.malformed(message: "synchealth.v1.RetryScope")) {
            try RetryScope(serializedBytes: varintField(1, 1))
        }
        #expect(throws: WireError.malformed(message: "synchealth.v1.RetryJob")) {
            try RetryJob(serializedBytes: stringField(2, "queued"))
        }
    }

    @Test func unknownFieldsSkipped() throws {
        let job = fullRetryJob(3)
        #expect(try RetryJob(serializedBytes: job.serializedBytes() + unknownFields) == job)
    }
}
