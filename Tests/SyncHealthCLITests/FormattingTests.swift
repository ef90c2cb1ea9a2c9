import SyncHealthJSON
import Foundation
@testable import SyncHealthCLI
import Testing
import SyncHealthTestSupport
import SyncHealthTestTraits

@Suite(.offThePool) struct FormattingTests {
    @Test func tableFitsEightyColumnsAndCutsLongCells() {
        let table = TextTable(
            columns: [.init("ID", minWidth: 8), .init("STATUS", minWidth: 6), .init("ERROR", minWidth: 10)],
            rows: [["abcdef12", "failed", String(repeating: "very long error ", count: 20)], ["x", "ok", ""]]
        )
        let lines = table.render(width: 80).split(separator: "\n")
        #expect(lines.count == 4)
        #expect(lines.allSatisfy { $0.count <= 80 })
        #expect(lines[2].hasSuffix("…"))
        #expect(lines[0].hasPrefix("ID"))
    }

    @Test func numbersAlignRight() {
        let table = TextTable(columns: [.init("N", alignRight: true)], rows: [["7"], ["1234"]])
        let lines = table.render().split(separator: "\n").map(String.init)
        #expect(lines[2] == "   7")
        #expect(lines[3] == "1234")
    }

    @Test func csvQuotesOnlyWhatNeedsIt() {
        let text = CSVWriter.render(header: ["a", "b"], rows: [["plain", "has,comma"], ["has \"quote\"", "line\nbreak"]])
        #expect(text == "a,b\r\nplain,\"has,comma\"\r\n\"has \"\"quote\"\"\",\"line\nbreak\"\r\n")
    }

    @Test func jsonEscapesAndKeepsKeyOrder() {
        let value = JSONValue.object([("z", .string("q\"\\\n\u{1}é")), ("a", .array([.int(-1), .bool(true), .null]))])
        #expect(value.rendered(indent: 0) == #"{"z":"q\"\\\n\u0001é","a":[-1,true,null]}"#)
    }

    @Test func timesParseAndFormatInUTC() throws {
        let utc = TimeText(utc: true)
        let now: Int64 = 1_793_491_200_000  // 2026-11-01 00:00:00Z
        #expect(try utc.parse("2026-11-01", now: now) == now)
        #expect(try utc.parse("2026-11-01 10:30", now: now) == now + 37_800_000)
        #expect(try utc.parse("2026-11-01T10:30:15Z", now: now) == now + 37_815_000)
        #expect(try utc.parse("7d", now: now) == now - 7 * 86_400_000)
        #expect(try utc.parse("now", now: now) == now)
        #expect(utc.format(now + 37_815_000) == "2026-11-01 10:30:15")
        #expect(utc.format(0) == "-")
        #expect(throws: CLIInputError.self) { try utc.parse("2026-13-01", now: now) }
        #expect(throws: CLIInputError.self) { try utc.parse("yesterday", now: now) }
        #expect(throws: CLIInputError.self) { try utc.parse("2026-11-01 25:00", now: now) }
    }

    @Test func durationsParseAndFormat() throws {
        #expect(try DurationText.parseMs("90s") == 90_000)
        #expect(try DurationText.parseMs("24h") == 86_400_000)
        #expect(try DurationText.parseMs("2w") == 14 * 86_400_000)
        #expect(throws: CLIInputError.self) { try DurationText.parseMs("5y") }
        #expect(throws: CLIInputError.self) { try DurationText.parseMs("-5m") }
        #expect(throws: CLIInputError.self) { try DurationText.parseMs("99999999999999999d") }
        #expect(DurationText.format(ms: 850) == "850ms")
        #expect(DurationText.format(ms: 185_000) == "3m 05s")
        #expect(DurationText.format(ms: 7_800_000) == "2h 10m")
    }

    @Test func statusWordsParse() throws {
        let parsed = try DomainParsing.statusFilter(["5130,failed", "2040", "in-progress"])
        #expect(parsed.codes == [.dataPushError, .successNoDataPushed])
        #expect(parsed.categories == [.failed, .inProgress])
        #expect(throws: CLIInputError.self) { try DomainParsing.statusFilter(["5131"]) }
        #expect(throws: CLIInputError.self) { try DomainParsing.statusFilter(["broken"]) }
        #expect(try DomainParsing.itemStatuses(["failed,timed-out"]) == [.failed, .timedOut])
        #expect(throws: CLIInputError.self) { try DomainParsing.itemStatuses(["gone"]) }
    }
}
