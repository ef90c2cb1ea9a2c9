@testable import SyncHealthStorage
@testable import SyncHealthSQLite
@testable import SyncHealthRelational
import SyncHealthWire
import Testing
import SyncHealthTestSupport
import SyncHealthTestTraits

@Suite(.offThePool) struct ConfigDiffStoreTests {
    static func config(_ json: String) -> SyncConfig {
        SyncConfig(document: Array(json.utf8), contentType: "application/json")
    }

    static func diff(_ store: any RelationalStore, _ syncId: String) throws -> ConfigDiff? {
        try store.getSyncConfig(GetSyncConfigRequest(syncId: syncId, includeDiff: true)).diff
    }

    @Test func comparesWithTheLastSuccessfulSyncBefore() throws {
        try withStore { store in
            let hour: Int64 = 3_600_000
            try store.record(makeSync("c-ok-old", status: .successDataPushed, startedAt: baseTime),
                             config: Self.config(#"{"currency":"GBP"}"#))
            try store.record(makeSync("c-ok", status: .successNoDataPushed, startedAt: baseTime + hour),
                             config: Self.config(#"{"currency":"EUR","accounts":{"sales":"200"}}"#))
            // Not baselines: failed, no configuration, another product, another company, later.
            try store.record(makeSync("c-failed", status: .configurationError, startedAt: baseTime + 2 * hour),
                             config: Self.config(#"{"currency":"JPY"}"#))
            try store.record(makeSync("c-none", status: .successDataPushed, startedAt: baseTime + 3 * hour))
            try store.record(makeSync("c-expenses", status: .successDataPushed, startedAt: baseTime + 4 * hour, product: .expenses),
                             config: Self.config(#"{"currency":"AUD"}"#))
            try store.record(makeSync("c-other", company: "company-2", status: .successDataPushed, startedAt: baseTime + 4 * hour),
                             config: Self.config(#"{"currency":"NZD"}"#))
            try store.record(makeSync("c-now", status: .dataPushError, startedAt: baseTime + 5 * hour),
                             config: Self.config(#"{"currency":"USD","accounts":{"sales":"200","fees":"404"}}"#))
            try store.record(makeSync("c-later", status: .successDataPushed, startedAt: baseTime + 6 * hour),
                             config: Self.config(#"{"currency":"CHF"}"#))

            let response = try store.getSyncConfig(GetSyncConfigRequest(syncId: "c-now", includeDiff: true))
            #expect(response.config?.syncId == "c-now")
            let hash = try #require(try store.getSyncConfig(syncId: "c-ok").config?.hash)
            #expect(response.diff == ConfigDiff(
                state: .compared, baselineSyncId: "c-ok", baselineStartedAtMs: baseTime + hour, baselineConfigHash: hash,
                changes: [
                    ConfigChange(path: "$.accounts.fees", kind: .added, newValue: #""404""#),
                    ConfigChange(path: "$.currency", kind: .changed, oldValue: #""EUR""#, newValue: #""USD""#),
                ]))
            // Without include_diff there is no diff.
            #expect(try store.getSyncConfig(syncId: "c-now").diff == nil)
        }
    }

    @Test func noBaselineIsAClearState() throws {
        try withStore { store in
            try store.record(makeSync("first", status: .successDataPushed), config: Self.config("{}"))
            #expect(try Self.diff(store, "first") == ConfigDiff(state: .noBaseline))
        }
    }

    @Test func sameConfigurationHasNoChanges() throws {
        try withStore { store in
            try store.record(makeSync("a", status: .successDataPushed, startedAt: baseTime), config: Self.config(#"{"x":1}"#))
            try store.record(makeSync("b", status: .genericServerError, startedAt: baseTime + 1), config: Self.config(#"{"x":1}"#))
            let diff = try #require(try Self.diff(store, "b"))
            #expect(diff.state == .compared && diff.baselineSyncId == "a" && diff.changes.isEmpty)
            #expect(diff.baselineConfigHash == (try store.getSyncConfig(syncId: "b").config?.hash))
        }
    }

    @Test func retriedSyncBecomesABaseline() throws {
        try withStore { store in
            try store.record(makeSync("r-1", status: .successDataPushed, startedAt: baseTime), config: Self.config("a=1"))
            try store.push("r-1", [report("i", status: .failed, error: "Invoice INV-1 total 1.00 does not match")])
            try store.record(makeSync("r-2", status: .successDataPushed, startedAt: baseTime + 10), config: Self.config("a=2"))
            #expect(try Self.diff(store, "r-2")?.state == .noBaseline, "r-1 has a failed item: it is not successful")
            try store.push("r-1", [report("i", status: .success, at: baseTime + 9_000, key: "retry")])
            let diff = try #require(try Self.diff(store, "r-2"))
            #expect(diff.baselineSyncId == "r-1" && diff.comparedAsText)
            #expect(diff.changes == [ConfigChange(path: "$", kind: .changed, oldValue: "a=1", newValue: "a=2")])
        }
    }

    @Test func ties() throws {
        try withStore { store in
            // Same start time: the sync id breaks the tie, so neither is the other's baseline twice.
            try store.record(makeSync("t-a", status: .successDataPushed, startedAt: baseTime), config: Self.config("[1]"))
            try store.record(makeSync("t-b", status: .successDataPushed, startedAt: baseTime), config: Self.config("[2]"))
            #expect(try Self.diff(store, "t-b")?.baselineSyncId == "t-a")
            #expect(try Self.diff(store, "t-a")?.state == .noBaseline)
        }
    }

    @Test func errors() throws {
        try withStore { store in
            try store.record(makeSync("no-config", status: .successDataPushed))
            expectRPCError(.notFound) { _ = try store.getSyncConfig(GetSyncConfigRequest(syncId: "missing", includeDiff: true)) }
            expectRPCError(.notFound) { _ = try store.getSyncConfig(GetSyncConfigRequest(syncId: "no-config", includeDiff: true)) }
            expectRPCError(.invalidArgument) { _ = try store.getSyncConfig(GetSyncConfigRequest(syncId: "", includeDiff: true)) }
        }
    }
}
