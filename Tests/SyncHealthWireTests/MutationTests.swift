import SyncHealthConcurrency
import SyncHealthWire
import Testing
import SyncHealthTestTraits

/// Decodes `bytes` as `M`; success and `WireError` are both fine, anything
/// else (another error type) is recorded. A crash fails the whole run.
func decodeSurvives<M: WireMessage>(_: M.Type, _ bytes: [UInt8]) {
    do {
        _ = try M(serializedBytes: bytes)
    } catch is WireError {
    } catch {
        Issue.record("\(M.self) threw \(error), not a WireError")
    }
}

/// A cheap stand-in for fuzzing (see ENGINEERING.md hazard 13): hostile
/// variations of valid encodings must decode or throw `WireError`, never
/// crash, and (under `--sanitize=address`) never leak or overrun.
@Suite("Mutated encodings", .offThePool)
struct MutationTests {
    @Test func everyTruncationOfANestedMessage() {
        let bytes = RetryFailedItemsResponse(
            job: fullRetryJob(),
            preview: RetryPreview(wouldRetry: 1, items: [PreviewItem(syncId: "s", itemId: "日本")]),
            existing: true
        ).serializedBytes()
        for length in 0..<bytes.count {
            decodeSurvives(RetryFailedItemsResponse.self, Array(bytes[..<length]))
        }
    }

    @Test func everyTruncationIsMalformedOrAPrefixMessage() throws {
        // A cut inside a length-delimited field must be reported, not read past.
        let bytes = GoAway(lastStreamId: 300, statusCode: .unavailable, message: "draining ✓").serializedBytes()
        let messageStart = 5  // 08 AC 02 10 0E | 1A len ...
        for length in (messageStart + 1)..<bytes.count {
            #expect(throws: WireError.malformed(message: "synchealth.v1.GoAway")) {
                try GoAway(serializedBytes: Array(bytes[..<length]))
            }
        }
    }

    @Test func everySingleByteFlip() {
        flipEveryByte(of: fullSync())
        flipEveryByte(of: fullRetryJob())
        flipEveryByte(of: RequestHeader(method: "/m", timeoutMs: 9, metadata: [MetadataEntry(key: "k", value: "✓")]))
    }

    private func flipEveryByte<M: WireMessage>(of message: M) {
        let bytes = message.serializedBytes()
        for index in bytes.indices {
            for flip: UInt8 in [0x01, 0x80, 0xFF] {
                var mutated = bytes
                mutated[index] ^= flip
                decodeSurvives(M.self, mutated)
            }
        }
    }

    @Test(arguments: 0..<4)
    func randomBytes(seed: Int) {
        var random = SplitMix64(seed: UInt64(seed))
        for _ in 0..<500 {
            let count = Int.random(in: 0...64, using: &random)
            let bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &random) }
            decodeSurvives(RequestHeader.self, bytes)
            decodeSurvives(ResponseHeader.self, bytes)
            decodeSurvives(GoAway.self, bytes)
            decodeSurvives(ListSyncsRequest.self, bytes)
            decodeSurvives(RetryScope.self, bytes)
            decodeSurvives(RecordPushItemsRequest.self, bytes)
            decodeSurvives(GetDashboardResponse.self, bytes)
        }
    }
}
