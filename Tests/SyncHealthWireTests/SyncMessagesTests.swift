import SyncHealthWire
import Testing
import SyncHealthTestTraits

/// A sync with every field set to a non-default value.
func fullSync(_ n: Int = 0) -> Sync {
    Sync(
        syncId: "sync-\(n)", companyId: "company-\(unicodeText)", product: .expenses,
        sourcePlatform: "shopify", targetPlatform: "quickbooks-online",
        statusCode: .dataPushError, statusText: "Push failed: \(unicodeText)",
        startedAtMs: Int64.max, finishedAtMs: Int64.min, dataFromMs: -1, dataToMs: 1_700_000_000_000,
        notes: ["Please reconcile manually", "", unicodeText],
        errorMessages: ["timeout ✓", "HTTP 500"],
        itemCounts: ItemCounts(total: 10, pending: 1, succeeded: 2, failed: 3, timedOut: 4),
        dataPushed: true, configHash: String(repeating: "ab", count: 32), updatedAtMs: -42)
}

@Suite("sync.proto codecs: syncs and push items", .offThePool)
struct SyncMessagesTests {
    @Test func itemCountsRoundTrip() throws {
        let counts = ItemCounts(total: Int64.max, pending: Int64.min, succeeded: -1, failed: 1, timedOut: 300)
        #expect(try roundTrip(counts) == counts)
    }

    @Test(arguments: SyncStatusCode.allKnown + unrecognizedNumbers.map(SyncStatusCode.unrecognized))
    func syncRoundTrip(_ statusCode: SyncStatusCode) throws {
        var sync = fullSync()
        sync.statusCode = statusCode
        #expect(try roundTrip(sync) == sync)
    }

    @Test(arguments: Product.allKnown + unrecognizedNumbers.map(Product.unrecognized))
    func syncProductRoundTrip(_ product: Product) throws {
        var sync = fullSync()
        sync.product = product
        #expect(try roundTrip(sync) == sync)
    }

    @Test func syncWithTenThousandNotes() throws {
        var sync = fullSync()
        sync.notes = (0..<10_000).map { "note \($0) ✓" }
        #expect(try roundTrip(sync) == sync)
    }

    @Test func subMessagePresenceSurvives() throws {
        // An all-zero ItemCounts is present (tag 14, length 0), not nil.
        let present = Sync(itemCounts: ItemCounts())
        #expect(present.serializedBytes() == [0x72, 0x00])
        #expect(try roundTrip(present).itemCounts == ItemCounts())
        #expect(try roundTrip(Sync(syncId: "s")).itemCounts == nil)
    }

    @Test func syncConfigRoundTrip() throws {
        let document: [UInt8] = Array("{\"a\": \"日本\"}".utf8) + [0x00, 0xFF, 0xFE, 0x80]
        let config = SyncConfig(
            syncId: "s1", document: document, contentType: "application/json",
            hash: "0f", version: "v2 ✓", fileName: "config-日本.json")
        #expect(try roundTrip(config) == config)
        // bytes fields are not text: anything goes, including invalid UTF-8.
        #expect(SyncConfig(document: [0x00, 0xFF]).serializedBytes() == [0x12, 0x02, 0x00, 0xFF])
        let large = SyncConfig(document: (0..<1_000_000).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        #expect(try roundTrip(large) == large)
    }

    @Test func pushAttemptRoundTrip() throws {
        for outcome in PushItemStatus.allKnown + unrecognizedNumbers.map(PushItemStatus.unrecognized) {
            for trigger in AttemptTrigger.allKnown + unrecognizedNumbers.map(AttemptTrigger.unrecognized) {
                let attempt = PushAttempt(
                    number: Int32.min, attemptedAtMs: Int64.max, outcome: outcome, errorMessage: unicodeText,
                    trigger: trigger, actor: "ops@example.com", idempotencyKey: "key-1",
                    retryJobId: "job-1", reason: "Café retry")
                #expect(try roundTrip(attempt) == attempt)
            }
        }
    }

    @Test func pushItemRoundTrip() throws {
        let attempts = (1...3).map {
            PushAttempt(number: Int32($0), attemptedAtMs: Int64($0), outcome: .failed, trigger: .manualRetry)
        }
        let item = PushItem(
            itemId: "i1", syncId: "s1", coreId: "order-日本", dataType: "invoices", status: .timedOut,
            errorMessage: "gateway ✓ timeout", attemptCount: -3, lastAttemptAtMs: Int64.min,
            targetRecordId: "INV-1", retryable: true, attempts: attempts + [PushAttempt()])
        #expect(try roundTrip(item) == item)
    }

    @Test func knownBytes() {
        // total 1; failed -1 as a ten-byte varint.
        #expect(
            ItemCounts(total: 1, failed: -1).serializedBytes()
                == [0x08, 0x01, 0x20, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01])
        // status_code 5130 = 0x8A 0x28; notes (field 12) repeated, one tag each.
        #expect(
            Sync(statusCode: .dataPushError, notes: ["a", "b"]).serializedBytes()
                == [0x30, 0x8A, 0x28, 0x62, 0x01, 0x61, 0x62, 0x01, 0x62])
    }

    @Test func invalidUTF8NamesTheField() {
        let bad: [UInt8] = [0xED, 0xA0, 0x80]
        #expect(throws: WireError.invalidUTF8(field: "synchealth.v1.Sync.status_text")) {
            try Sync(serializedBytes: lengthDelimitedField(7, bad))
        }
        #expect(throws: WireError.invalidUTF8(field: "synchealth.v1.Sync.notes[1]")) {
            try Sync(serializedBytes: stringField(12, "ok") + lengthDelimitedField(12, bad))
        }
        #expect(throws: WireError.invalidUTF8(field: "synchealth.v1.Sync.error_messages[0]")) {
            try Sync(serializedBytes: lengthDelimitedField(13, bad))
        }
        #expect(throws: WireError.invalidUTF8(field: "synchealth.v1.SyncConfig.file_name")) {
            try SyncConfig(serializedBytes: lengthDelimitedField(2, [0xFF]) + lengthDelimitedField(6, bad))
        }
        let badAttempt = lengthDelimitedField(6, bad)
        #expect(throws: WireError.invalidUTF8(field: "synchealth.v1.PushItem.attempts[2].actor")) {
            try PushItem(serializedBytes: [0x5A, 0x00, 0x5A, 0x00] + lengthDelimitedField(11, badAttempt))
        }
    }

    @Test func wrongWireTypeIsMalformed() {
        #expect(throws: WireError.malformed(message: "synchealth.v1.Sync")) {
            try Sync(serializedBytes: varintField(14, 1))
        }
        #expect(throws: WireError.malformed(message: "synchealth.v1.ItemCounts")) {
            try ItemCounts(serializedBytes: lengthDelimitedField(1, [0x01]))
        }
        #expect(throws: WireError.malformed(message: "synchealth.v1.SyncConfig")) {
            try SyncConfig(serializedBytes: varintField(2, 1))
        }
    }

    @Test func unknownFieldsSkipped() throws {
        let item = PushItem(itemId: "i", attempts: [PushAttempt(number: 1, actor: "a")])
        let attempt = unknownFields + PushAttempt(number: 1, actor: "a").serializedBytes()
        let bytes = stringField(1, "i") + unknownFields + lengthDelimitedField(11, attempt)
        #expect(try PushItem(serializedBytes: bytes) == item)
    }
}
