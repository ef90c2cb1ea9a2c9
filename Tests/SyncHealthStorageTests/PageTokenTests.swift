@testable import SyncHealthStorage
@testable import SyncHealthSQLite
@testable import SyncHealthRelational
import SyncHealthWire
import Testing
import SyncHealthTestSupport
import SyncHealthTestTraits

@Suite(.offThePool) struct PageTokenTests {
    let fingerprint: [UInt8] = [1, 2, 3, 4, 5, 6, 7, 8]

    @Test func roundTrips() throws {
        for cursor in [
            PageCursor(key: .integer(Int64.max), tiebreak: "s-1"),
            PageCursor(key: .integer(-5), tiebreak: ""),
            PageCursor(key: .text("ünï"), tiebreak: "item/9"),
        ] {
            let token = PageToken.encode(cursor, kind: .syncs, fingerprint: fingerprint)
            #expect(try PageToken.decode(token, kind: .syncs, fingerprint: fingerprint) == cursor)
        }
    }

    @Test func refusesOtherKindsAndFilters() {
        let token = PageToken.encode(PageCursor(key: .integer(1), tiebreak: "s"), kind: .syncs, fingerprint: fingerprint)
        expectRPCError(.invalidArgument) { _ = try PageToken.decode(token, kind: .companySyncs, fingerprint: fingerprint) }
        expectRPCError(.invalidArgument) { _ = try PageToken.decode(token, kind: .syncs, fingerprint: [0, 0, 0, 0, 0, 0, 0, 0]) }
    }

    @Test func refusesGarbageAndEveryTruncation() {
        let token = PageToken.encode(PageCursor(key: .text("acme"), tiebreak: "s-42"), kind: .syncs, fingerprint: fingerprint)
        for length in 0..<token.count {
            let truncated = String(token.prefix(length))
            expectRPCError(.invalidArgument) { _ = try PageToken.decode(truncated, kind: .syncs, fingerprint: fingerprint) }
        }
        for garbage in ["!!!", "AAAA", String(repeating: "A", count: 5000), token + "A", "€"] {
            expectRPCError(.invalidArgument) { _ = try PageToken.decode(garbage, kind: .syncs, fingerprint: fingerprint) }
        }
        // Every single-character change is caught.
        let characters = Array(token)
        for index in characters.indices {
            var changed = characters
            changed[index] = changed[index] == "A" ? "B" : "A"
            let mutated = String(changed)
            expectRPCError(.invalidArgument) { _ = try PageToken.decode(mutated, kind: .syncs, fingerprint: fingerprint) }
        }
    }

    @Test func errorNeverEchoesTheToken() {
        let token = "secret-looking-token"
        let error = expectRPCError(.invalidArgument) { _ = try PageToken.decode(token, kind: .syncs, fingerprint: fingerprint) }
        #expect(error?.message.contains(token) == false)
    }
}
