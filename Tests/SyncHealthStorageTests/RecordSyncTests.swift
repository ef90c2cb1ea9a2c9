import SyncHealthDigest
@testable import SyncHealthStorage
@testable import SyncHealthSQLite
@testable import SyncHealthRelational
import SyncHealthWire
import Testing
import SyncHealthTestSupport
import SyncHealthTestTraits

@Suite(.offThePool) struct RecordSyncTests {
    @Test func createsThenUpdatesIdempotently() throws {
        try withStore { store in
            let sync = makeSync("s-1")
            let first = try store.record(sync, now: baseTime + 10)
            #expect(first.created)
            let stored = try #require(first.sync)
            #expect(stored.syncId == "s-1" && stored.companyId == "company-1")
            #expect(stored.statusCode == .successDataPushed && stored.statusText == "Success (data pushed)")
            #expect(stored.notes == ["Please reconcile manually"])
            #expect(stored.itemCounts == ItemCounts())
            #expect(stored.updatedAtMs == baseTime + 10)

            // The same report again: not created, nothing changes, updated_at stays.
            let before = try store.snapshot()
            let second = try store.record(sync, now: baseTime + 20)
            #expect(!second.created)
            #expect(second.sync == stored)
            #expect(try store.snapshot() == before)

            // A real change is stored and stamps updated_at.
            var changed = sync
            changed.errorMessages = ["boom"]
            changed.statusCode = .genericServerError
            let third = try store.record(changed, now: baseTime + 30)
            #expect(!third.created)
            #expect(third.sync?.statusCode == .genericServerError)
            #expect(third.sync?.errorMessages == ["boom"])
            #expect(third.sync?.updatedAtMs == baseTime + 30)
            #expect(try store.count("syncs") == 1)
        }
    }

    @Test func derivedInputFieldsAreIgnored() throws {
        try withStore { store in
            var sync = makeSync("s-1")
            sync.itemCounts = ItemCounts(total: 99, failed: 9)
            sync.configHash = "deadbeef"
            sync.updatedAtMs = 5
            sync.statusText = "made up"
            let stored = try #require(try store.record(sync, now: baseTime).sync)
            #expect(stored.itemCounts == ItemCounts())
            #expect(stored.configHash == "")
            #expect(stored.updatedAtMs == baseTime)
            #expect(stored.statusText == "Success (data pushed)")
        }
    }

    @Test func inProgressThenFinished() throws {
        try withStore { store in
            try store.record(makeSync("s-1", status: .inProgress))
            try store.record(makeSync("s-1", status: .inProgressLongRunning))
            let done = try store.record(makeSync("s-1", status: .successNoDataPushed))
            #expect(done.sync?.statusCode == .successNoDataPushed)
            #expect(done.sync?.finishedAtMs == baseTime + 60_000)
        }
    }

    /// Every invalid request is INVALID_ARGUMENT and writes nothing.
    @Test func validationErrorsWriteNothing() throws {
        try withStore { store in
            try store.record(makeSync("existing"))
            let before = try store.snapshot()
            let long = String(repeating: "x", count: Limits.maxIdBytes + 1)
            var cases: [RecordSyncRequest] = [RecordSyncRequest(sync: nil)]
            func variant(_ change: (inout Sync) -> Void) {
                var sync = makeSync("new-sync")
                change(&sync)
                cases.append(RecordSyncRequest(sync: sync))
            }
            variant { $0.syncId = "" }
            variant { $0.companyId = "" }
            variant { $0.syncId = long }
            variant { $0.companyId = long }
            variant { $0.syncId = "bad\nid" }
            variant { $0.statusCode = .unspecified }
            variant { $0.statusCode = .unrecognized(2001) }
            variant { $0.product = .unspecified }
            variant { $0.product = .unrecognized(3) }
            variant { $0.startedAtMs = 0 }
            variant { $0.startedAtMs = -1 }
            variant { $0.finishedAtMs = $0.startedAtMs - 1 }
            variant { $0.finishedAtMs = 0 }  // finished status without finished_at
            variant { $0.statusCode = .inProgress }  // in progress with finished_at
            variant { $0.statusCode = .inProgressLongRunning }
            variant { $0.dataFromMs = -1 }
            variant { $0.dataFromMs = 10; $0.dataToMs = 5 }
            variant { $0.targetPlatform = String(repeating: "p", count: 65) }
            variant { $0.notes = Array(repeating: "n", count: Limits.maxNotes + 1) }
            variant { $0.notes = [String(repeating: "n", count: Limits.maxNoteBytes + 1)] }
            variant { $0.errorMessages = [String(repeating: "e", count: Limits.maxErrorMessageBytes + 1)] }
            // Invalid configs fail the whole call, sync included.
            for config in [
                SyncConfig(document: []),
                SyncConfig(document: [UInt8](repeating: 0x20, count: Limits.maxConfigDocumentBytes + 1)),
                SyncConfig(syncId: "other", document: [1]),
                SyncConfig(document: [1], contentType: "application/json\r\nX: y"),
                SyncConfig(document: [1], version: String(repeating: "v", count: 129)),
            ] {
                cases.append(RecordSyncRequest(sync: makeSync("new-sync"), config: config))
            }
            for request in cases {
                expectRPCError(.invalidArgument) { _ = try store.recordSync(request, now: baseTime) }
            }
            #expect(try store.snapshot() == before)
        }
    }

    @Test func finishedSyncNeverGoesBackToInProgress() throws {
        try withStore { store in
            try store.record(makeSync("s-1", status: .successDataPushed))
            let before = try store.snapshot()
            expectRPCError(.failedPrecondition) { try store.record(makeSync("s-1", status: .inProgress)) }
            #expect(try store.snapshot() == before)
        }
    }

    @Test func companyCannotChange() throws {
        try withStore { store in
            try store.record(makeSync("s-1", company: "acme"))
            let before = try store.snapshot()
            expectRPCError(.failedPrecondition) { try store.record(makeSync("s-1", company: "other")) }
            #expect(try store.snapshot() == before)
        }
    }

    @Test func configsAreDeduplicatedByHash() throws {
        try withStore { store in
            let document = Array(#"{"invoices":{"enabled":true}}"#.utf8)
            let config = SyncConfig(document: document, contentType: "application/json", version: "v3")
            let first = try store.record(makeSync("s-1"), config: config)
            try store.record(makeSync("s-2"), config: config)
            #expect(try store.count("configs") == 1)
            #expect(try store.count("sync_configs") == 2)
            let hash = SHA256Digest.hexDigest(document)
            #expect(first.sync?.configHash == hash)
            // The stored value is byte-identical across SHA-256 implementations
            // (reference: Python hashlib), so configs hashed before stay deduplicated.
            #expect(hash == "dc3423b05ddd7b645f99b6ed7c13266063e0141c32df67b663b61a34e1eeffce")

            let fetched = try #require(try store.getSyncConfig(syncId: "s-2").config)
            #expect(fetched == SyncConfig(
                syncId: "s-2", document: document, contentType: "application/json", hash: hash,
                version: "v3", fileName: "config-s-2.json"))

            // Re-recording the same config writes nothing.
            let before = try store.snapshot()
            try store.record(makeSync("s-1"), config: config, now: baseTime + 99)
            #expect(try store.snapshot() == before)

            // Absent config keeps the recorded one.
            try store.record(makeSync("s-1", status: .successNoDataPushed))
            #expect(try store.getSyncConfig(syncId: "s-1").config?.hash == hash)

            // Moving both syncs to a new document drops the unused old one.
            let newer = SyncConfig(document: Array("{}".utf8), contentType: "application/json")
            try store.record(makeSync("s-1"), config: newer)
            #expect(try store.count("configs") == 2)
            try store.record(makeSync("s-2"), config: newer)
            #expect(try store.count("configs") == 1)
            #expect(try store.getSyncConfig(syncId: "s-1").config?.document == Array("{}".utf8))
        }
    }

    @Test func configFileNameAndDefaults() throws {
        try withStore { store in
            try store.record(makeSync("s/1"), config: SyncConfig(document: [1, 2, 3]))
            let config = try #require(try store.getSyncConfig(syncId: "s/1").config)
            #expect(config.contentType == "application/octet-stream")
            #expect(config.fileName == "config-s_1.bin")
            try store.record(makeSync("s-2"), config: SyncConfig(document: [1], fileName: "my config.yaml"))
            #expect(try store.getSyncConfig(syncId: "s-2").config?.fileName == "my_config.yaml")
            let exactLimit = [UInt8](repeating: 0x41, count: Limits.maxConfigDocumentBytes)
            try store.record(makeSync("s-3"), config: SyncConfig(document: exactLimit))
            #expect(try store.getSyncConfig(syncId: "s-3").config?.document.count == Limits.maxConfigDocumentBytes)
        }
    }

    @Test func getSyncConfigErrors() throws {
        try withStore { store in
            try store.record(makeSync("s-1"))
            expectRPCError(.invalidArgument) { _ = try store.getSyncConfig(syncId: "") }
            expectRPCError(.notFound) { _ = try store.getSyncConfig(syncId: "missing") }
            let error = expectRPCError(.notFound) { _ = try store.getSyncConfig(syncId: "s-1") }
            #expect(error?.message.contains("no configuration") == true)
        }
    }
}
