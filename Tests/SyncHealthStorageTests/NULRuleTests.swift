@testable import SyncHealthStorage
@testable import SyncHealthSQLite
@testable import SyncHealthRelational
import SyncHealthWire
import Testing
import SyncHealthTestSupport
import SyncHealthTestTraits

/// No stored string may hold U+0000: the wire cannot carry it, and every
/// response built from stored text must encode. Each validated field refuses
/// it with INVALID_ARGUMENT naming the field, and nothing is written.
@Suite("NUL in stored strings", .offThePool)
struct NULRuleTests {
    @Test func everyFieldRuleRefusesNUL() {
        let nul = "a\u{0}b"
        let rules: [(String, () throws(RPCError) -> Void)] = [
            ("id", { () throws(RPCError) in try FieldRules.identifier(nul, "id") }),
            ("optional id", { () throws(RPCError) in try FieldRules.identifier(nul, "optional id", required: false) }),
            ("key", { () throws(RPCError) in try FieldRules.key(nul, "key", maxBytes: 64) }),
            ("text", { () throws(RPCError) in try FieldRules.length(nul, "text", maxBytes: 64) }),
            ("list[1]", { () throws(RPCError) in try FieldRules.textList(["ok", nul], "list", maxCount: 4, maxBytes: 64) }),
        ]
        for (field, rule) in rules {
            #expect(throws: RPCError.invalidArgument("\(field) must not contain NUL (U+0000)")) { try rule() }
        }
        // A NUL alone, at either end, is still a NUL.
        for text in ["\u{0}", "\u{0}x", "x\u{0}"] {
            #expect(throws: RPCError.self) { try FieldRules.length(text, "text", maxBytes: 64) }
        }
        #expect(throws: Never.self) { try FieldRules.length("no nul here: \u{1}", "text", maxBytes: 64) }
    }

    @Test func recordSyncRefusesNULAnywhereAndWritesNothing() throws {
        try withStore { store in
            let before = try store.snapshot()
            var syncs: [(String, Sync)] = []
            func variant(_ field: String, _ change: (inout Sync) -> Void) {
                var sync = makeSync("s-1")
                change(&sync)
                syncs.append((field, sync))
            }
            variant("sync.sync_id") { $0.syncId = "s\u{0}1" }
            variant("sync.company_id") { $0.companyId = "c\u{0}" }
            variant("sync.source_platform") { $0.sourcePlatform = "\u{0}" }
            variant("sync.notes[0]") { $0.notes = ["note\u{0}"] }
            variant("sync.error_messages[1]") { $0.errorMessages = ["fine", "bad\u{0}"] }
            for (field, sync) in syncs {
                let error = expectRPCError(.invalidArgument) { _ = try store.recordSync(RecordSyncRequest(sync: sync), now: baseTime) }
                #expect(error?.message == "\(field) must not contain NUL (U+0000)")
            }
            let config = SyncConfig(document: [0x00, 0x01], fileName: "conf\u{0}ig.json")
            let error = expectRPCError(.invalidArgument) {
                _ = try store.recordSync(RecordSyncRequest(sync: makeSync("s-1"), config: config), now: baseTime)
            }
            #expect(error?.message == "config.file_name must not contain NUL (U+0000)")
            #expect(try store.snapshot() == before)
            // A NUL in the document (bytes) is fine.
            _ = try store.recordSync(RecordSyncRequest(sync: makeSync("s-1"), config: SyncConfig(document: [0x00])), now: baseTime)
        }
    }

    @Test func recordPushItemsRefusesNULAndWritesNothing() throws {
        try withStore { store in
            try store.record(makeSync("s-1"))
            let before = try store.snapshot()
            let items = [report("i-1"), report("i-2", status: .failed, error: "timeout\u{0}")]
            let error = expectRPCError(.invalidArgument) { try store.push("s-1", items) }
            #expect(error?.message == "items[1].error_message must not contain NUL (U+0000)")
            expectRPCError(.invalidArgument) { try store.push("s-1", [report("i-1", key: "k\u{0}")]) }
            #expect(try store.snapshot() == before)
        }
    }
}
