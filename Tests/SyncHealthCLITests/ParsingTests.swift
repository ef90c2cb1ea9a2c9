import ArgumentParser
@testable import SyncHealthCLI
import SyncHealthWire
import Testing
import SyncHealthTestSupport
import SyncHealthTestTraits

@Suite(.offThePool) struct ParsingTests {
    let now: Int64 = 1_793_491_200_000

    @Test func syncsListOptionsBecomeTheRequest() throws {
        let command = try SyncsListCommand.parse([
            "--company", "c-1", "--status", "5130", "--status", "failed", "--since", "7d", "--sort", "duration",
            "--asc", "--limit", "20", "--target", "xero", "--source", "shopify", "--product", "commerce", "--total",
            "--search", "9f1c", "--utc",
        ])
        let request = try command.request(now: now)
        #expect(request.companyId == "c-1")
        #expect(request.statusCodes == [.dataPushError])
        #expect(request.categories == [.failed])
        #expect(request.startedFromMs == now - 7 * 86_400_000)
        #expect(request.startedToMs == 0)
        #expect(request.sortBy == .duration)
        #expect(request.order == .ascending)
        #expect(request.pageSize == 20)
        #expect(request.targetPlatform == "xero" && request.sourcePlatform == "shopify")
        #expect(request.product == .commerce)
        #expect(request.includeTotal)
        #expect(request.search == "9f1c")
    }

    @Test func absoluteRangeInUTC() throws {
        let command = try SyncsListCommand.parse(["--from", "2026-11-01", "--to", "2026-11-08", "--utc"])
        let request = try command.request(now: now)
        #expect(request.startedFromMs == now)
        #expect(request.startedToMs == now + 7 * 86_400_000)
        #expect(request.order == .descending)
    }

    @Test func badWordsAreUsageErrors() throws {
        #expect(throws: CLIInputError.self) { try SyncsListCommand.parse(["--sort", "colour"]).request(now: now) }
        #expect(throws: CLIInputError.self) { try SyncsListCommand.parse(["--since", "7d", "--from", "2026-11-01"]).request(now: now) }
        #expect(throws: CLIInputError.self) { try SyncsListCommand.parse(["--product", "payroll"]).request(now: now) }
        #expect(throws: (any Error).self) { try SyncsListCommand.parse(["--format", "xml"]) }
        #expect(throws: (any Error).self) { try SyncsListCommand.parse(["--limit", "many"]) }
    }

    @Test func rootParsesEverySubcommand() throws {
        let cases: [([String], any ParsableCommand.Type)] = [
            (["syncs", "list"], SyncsListCommand.self),
            (["syncs", "show", "abc"], SyncsShowCommand.self),
            (["items", "list", "abc", "--status", "failed"], ItemsListCommand.self),
            (["config", "show", "abc"], ConfigShowCommand.self),
            (["config", "download", "abc", "-o", "/tmp/x.json"], ConfigDownloadCommand.self),
            (["health"], HealthCommand.self),
        ]
        for (arguments, expected) in cases {
            let parsed = try SyncHealthCommand.parseAsRoot(arguments)
            #expect(type(of: parsed) == expected, "\(arguments)")
        }
        #expect(throws: (any Error).self) { try SyncHealthCommand.parseAsRoot(["syncs", "show"]) }
        #expect(throws: (any Error).self) { try SyncHealthCommand.parseAsRoot(["teleport"]) }
    }

    @Test func serverAndTokenComeFromFlags() throws {
        let command = try SyncsListCommand.parse(["--server", "synchealth.internal:9", "--token", "t0k"])
        #expect(command.global.resolvedServer == "synchealth.internal:9")
        #expect(command.global.resolvedToken == "t0k")
        #expect(try command.global.timeoutMs() == 30_000)
    }
}
