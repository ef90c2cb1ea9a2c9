import Foundation
@testable import SyncHealthCLI
import SyncHealthClient
import SyncHealthTestSupport
import SyncHealthWire
import Testing
import SyncHealthTestTraits

/// The CLI executed against a live server: an operator finds every failed
/// sync of a company last week, opens one, reads why it failed, downloads its
/// config and lists its failed items.
@Suite(.offThePool) struct OperatorJourneyTests {
    static let day: Int64 = 86_400_000

    /// Seeds one company with a week of syncs, some failed.
    func seed(_ client: SyncHealthClient, now: Int64) async throws {
        for index in 0..<6 {
            let id = "9f1c2a7e-0000-4000-a000-00000000000\(index)"
            var sync = Fixtures.sync(id, company: "acme-outdoor", code: .inProgress)
            sync.startedAtMs = now - Int64(index + 1) * Self.day
            sync.dataFromMs = sync.startedAtMs - Self.day
            sync.dataToMs = sync.startedAtMs
            let config = Fixtures.config(#"{"accounts":{"sales":"200","fees":"404"},"revision":\#(index)}"#)
            _ = try await client.recordSync(RecordSyncRequest(sync: sync, config: config))
            var items = [Fixtures.item("\(index)-ok", at: sync.startedAtMs + 1_000)]
            if index % 2 == 0 {
                items.append(Fixtures.item("\(index)-bad", status: .failed, core: "ord_104\(index)", at: sync.startedAtMs + 2_000,
                                           error: "Account code '200' is not a valid code for this document."))
            }
            _ = try await client.recordPushItems(RecordPushItemsRequest(syncId: id, items: items))
            sync.statusCode = .successDataPushed
            sync.finishedAtMs = sync.startedAtMs + 120_000
            _ = try await client.recordSync(RecordSyncRequest(sync: sync))
        }
        // Another company's failure must not show up.
        var other = Fixtures.sync("other-sync", company: "other-co", code: .configurationError)
        other.startedAtMs = now - Self.day
        other.finishedAtMs = other.startedAtMs + 1_000
        _ = try await client.recordSync(RecordSyncRequest(sync: other))
    }

    func run(_ arguments: [String], against service: LiveService) async throws -> String {
        let parsed = try SyncHealthCommand.parseAsRoot(arguments + ["--server", service.address, "--utc"])
        guard let command = parsed as? any APICommand else {
            Issue.record("\(arguments) is not an API command")
            return ""
        }
        let output = CapturedOutput()
        try await command.execute(api: service.client, output: output)
        return output.text
    }

    @Test func findOpenReadDownloadAndListFailedItems() async throws {
        let service = try LiveService()
        defer { service.stop() }
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        try await seed(service.client, now: now)

        // 1. Every failed sync of the company last week.
        let list = try await run(["syncs", "list", "--company", "acme-outdoor", "--status", "failed", "--since", "7d", "--total"], against: service)
        let rows = list.split(separator: "\n").filter { $0.hasPrefix("9f1c2a7e") }
        #expect(rows.count == 3)
        #expect(list.contains("3 syncs of 3"))
        #expect(!list.contains("other-sy"))
        #expect(list.split(separator: "\n").allSatisfy { $0.count <= 80 })
        #expect(list.contains("5130"))

        // 2. Open one by its short id and read why it failed.
        let show = try await run(["syncs", "show", "9f1c2a7e-0000-4000-a000-000000000000"], against: service)
        #expect(show.contains("5130 Data push error"))
        #expect(show.contains("shopify -> xero"))
        #expect(show.contains("1 failed"))
        #expect(show.contains("partial failure"))

        // 3. Download its configuration.
        let directory = TemporaryDirectory()
        let path = directory.file("config.json")
        let download = try await run(["config", "download", "9f1c2a7e-0000-4000-a000-000000000000", "-o", path], against: service)
        #expect(download.contains("wrote"))
        let written = try #require(FileManager.default.contents(atPath: path))
        #expect(String(decoding: written, as: UTF8.self) == #"{"accounts":{"sales":"200","fees":"404"},"revision":0}"#)
        // Refuses to overwrite without --force, and the file is untouched.
        await #expect(throws: CLIInputError.self) {
            _ = try await run(["config", "download", "9f1c2a7e-0000-4000-a000-000000000000", "-o", path], against: service)
        }
        _ = try await run(["config", "download", "9f1c2a7e-0000-4000-a000-000000000002", "-o", path, "--force"], against: service)
        let replaced = try #require(FileManager.default.contents(atPath: path))
        #expect(String(decoding: replaced, as: UTF8.self).contains(#""revision":2"#))

        // 4. List its failed items, with their history.
        let items = try await run(["items", "list", "9f1c2a7e-0000-4000-a000-000000000000", "--status", "failed", "--attempts"], against: service)
        #expect(items.contains("ord_1040"))
        #expect(items.contains("Account code '200'"))
        #expect(!items.contains("0-ok"))

        // The same answers as JSON and CSV.
        let json = try await run(["syncs", "list", "--company", "acme-outdoor", "--status", "failed", "--format", "json"], against: service)
        #expect(json.contains(#""statusCode": 5130"#))
        let csv = try await run(["items", "list", "9f1c2a7e-0000-4000-a000-000000000000", "--format", "csv"], against: service)
        #expect(csv.hasPrefix("item_id,core_id,data_type,status"))
        #expect(csv.split(separator: "\r\n").count == 3)
    }

    @Test func configShowPrintsTheDocument() async throws {
        let service = try LiveService()
        defer { service.stop() }
        try await seed(service.client, now: Int64(Date().timeIntervalSince1970 * 1000))
        let raw = try await run(["config", "show", "9f1c2a7e-0000-4000-a000-000000000001", "--raw"], against: service)
        #expect(raw == #"{"accounts":{"sales":"200","fees":"404"},"revision":1}"# + "\n")
        let annotated = try await run(["config", "show", "9f1c2a7e-0000-4000-a000-000000000001"], against: service)
        #expect(annotated.hasPrefix("# sync 9f1c2a7e-0000-4000-a000-000000000001"))
        #expect(annotated.contains("application/json"))
    }

    @Test func serverErrorsReachTheOperator() async throws {
        let service = try LiveService()
        defer { service.stop() }
        await #expect(throws: RPCError.self) { _ = try await run(["syncs", "show", "does-not-exist"], against: service) }
        do {
            _ = try await run(["items", "list", "does-not-exist"], against: service)
            Issue.record("expected NOT_FOUND")
        } catch let error as RPCError {
            #expect(error.code == .notFound)
            #expect(CLIExit.code(for: error.code) == 2)
        }
        let health = try await run(["health"], against: service)
        #expect(health.contains("SERVING"))
    }

    @Test func ambiguousShortIdIsRefused() async throws {
        let service = try LiveService()
        defer { service.stop() }
        try await seed(service.client, now: Int64(Date().timeIntervalSince1970 * 1000))
        await #expect(throws: CLIInputError.self) { _ = try await run(["syncs", "show", "9f1c"], against: service) }
    }
}
