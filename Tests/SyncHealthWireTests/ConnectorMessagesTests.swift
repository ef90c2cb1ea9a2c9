import SyncHealthWire
import Testing
import SyncHealthTestTraits

@Suite("connector.proto codecs", .offThePool)
struct ConnectorMessagesTests {
    @Test func pushRequestRoundTrip() throws {
        for attempt in [Int32.max, Int32.min, -1, 1] {
            let request = PushRequest(
                idempotencyKey: "sync-1/item-1/\(attempt)", syncId: "sync-1", itemId: "item-1", coreId: "order-日本",
                dataType: "invoices", companyId: "Café ✓", targetPlatform: "xero", attemptNumber: attempt)
            #expect(try roundTrip(request) == request)
        }
    }

    @Test(arguments: PushOutcome.allKnown + unrecognizedNumbers.map(PushOutcome.unrecognized))
    func pushResponseRoundTrip(_ outcome: PushOutcome) throws {
        let response = PushResponse(
            outcome: outcome, targetRecordId: "INV-1", errorMessage: "Période clôturée", retryable: true,
            duplicate: true)
        #expect(try roundTrip(response) == response)
    }

    @Test func knownBytes() {
        #expect(
            PushResponse(outcome: .timedOut, retryable: true, duplicate: true).serializedBytes()
                == [0x08, 0x03, 0x20, 0x01, 0x28, 0x01])
        #expect(PushRequest(attemptNumber: 2).serializedBytes() == [0x40, 0x02])
    }

    @Test func invalidUTF8NamesTheField() {
        #expect(throws: WireError.invalidUTF8(field: "synchealth.v1.PushRequest.idempotency_key")) {
            try PushRequest(serializedBytes: lengthDelimitedField(1, [0xFF, 0xFE]))
        }
        #expect(throws: WireError.invalidUTF8(field: "synchealth.v1.PushResponse.error_message")) {
            try PushResponse(serializedBytes: varintField(1, 2) + lengthDelimitedField(3, [0xED, 0xBF, 0xBF]))
        }
    }

    @Test func wrongWireTypeIsMalformed() {
        #expect(throws: WireError.malformed(message: "synchealth.v1.PushRequest")) {
            try PushRequest(serializedBytes: stringField(8, "2"))
        }
    }

    @Test func unknownEnumNumberFromTheWire() throws {
        #expect(try PushResponse(serializedBytes: varintField(1, 42)).outcome == .unrecognized(42))
    }
}
