import ArgumentParser
import Foundation
@testable import SyncHealthCLI
import SyncHealthClient
import SyncHealthJSON
import SyncHealthRetry
import SyncHealthTestSupport
import SyncHealthWire
import Testing
import SyncHealthTestTraits

/// `synchealth alerts ...` against a live server.
@Suite(.offThePool) struct AlertsCommandTests {
    func run(_ arguments: [String], _ api: any SyncHealthAPI) async throws -> String {
        let parsed = try SyncHealthCommand.parseAsRoot(arguments + ["--utc"])
        let command = try #require(parsed as? any APICommand, "\(arguments) is not an API command")
        let output = CapturedOutput()
        try await command.execute(api: api, output: output)
        return output.text
    }

    @Test func createListDeliveriesAndDelete() async throws {
        let stack = try LiveRetryStack(connectors: ConnectorRegistry(fallback: SandboxConnector(behavior: SandboxBehavior(seed: 1))), configuration: RetryExecutorConfiguration())
        let api = stack.service.client

        let created = try await run([
            "alerts", "create", "acme failures", "--kind", "sync-failed", "--webhook", "https://hooks.example.com/a",
            "--company", "acme", "--status", "5130,4000",
        ], api)
        #expect(created.contains("created alert rule ar_"))
        let secretLine = try #require(created.split(separator: "\n").first { $0.hasPrefix("signing secret: ") })
        #expect(secretLine.dropFirst("signing secret: ".count).count == 64)
        _ = try await run([
            "alerts", "create", "xero rate", "--kind", "platform-failure-rate", "--webhook", "https://hooks.example.com/b",
            "--platform", "xero", "--percent", "20", "--window", "1h", "--minimum-syncs", "5",
        ], api)

        let listed = try await run(["alerts", "list"], api)
        #expect(listed.contains("acme: 4000,5130"))
        #expect(listed.contains("xero > 20% of >= 5 in 1h 00m"))
        #expect(listed.contains("2 rules"))

        _ = try await api.recordSync(RecordSyncRequest(sync: Fixtures.sync("bad-1", company: "acme", code: .dataPushError)))
        let deliveries = try await run(["alerts", "deliveries", "--state", "pending"], api)
        #expect(deliveries.contains("sync bad-1 of acme failed with 5130"))
        #expect(deliveries.contains("1 delivery"))
        let json = try await run(["alerts", "deliveries", "--format", "json"], api)
        let payload = JSONParser.parse(Array(json.utf8))?.lastMembers["deliveries"]
        guard case .array(let rows)? = payload, let row = rows.first?.lastMembers else {
            Issue.record("no deliveries in \(json)")
            return
        }
        #expect(row["state"] == .string("pending"))
        #expect(row["payload"]?.lastMembers["event"]?.lastMembers["sync_id"] == .string("bad-1"))

        // Bad input is refused with the reason, before or by the server.
        await #expect(throws: CLIInputError.self) {
            _ = try await run(["alerts", "create", "x", "--kind", "nope", "--webhook", "https://h.example.com/"], api)
        }
        await #expect(throws: RPCError.self) {
            _ = try await run(["alerts", "create", "x", "--kind", "sync-failed", "--webhook", "http://h.example.com/"], api)
        }
        await #expect(throws: RPCError.self) {
            _ = try await run(["alerts", "create", "acme failures", "--kind", "error-group-new", "--webhook", "https://h.example.com/"], api)
        }

        let rule = try #require(try await api.listAlertRules(ListAlertRulesRequest()).rules.first { $0.name == "acme failures" })
        let deleted = try await run(["alerts", "delete", rule.ruleId], api)
        #expect(deleted.contains("1 pending delivery dropped"))
        #expect(try await api.listAlertRules(ListAlertRulesRequest()).rules.map(\.name) == ["xero rate"])
        await stack.stop()
    }
}
