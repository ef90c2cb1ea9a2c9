import ArgumentParser
import Foundation
import SyncHealthBench

/// Renders BENCHMARKS.md from a suite's JSON results (no measuring).
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Render the Markdown report from `suite --json` results.")

    @Option(help: "Results written by `suite --json`.") var json: String
    @Option(help: "Write the Markdown here.") var markdown: String
    @Option(help: "Markdown appended to the report (analysis kept across rewrites).") var notes: String?
    @Option(help: "The command line to print in the report.") var command = "tools/bench/run"

    func run() throws {
        let results = try JSONDecoder().decode(SuiteResults.self, from: Data(contentsOf: URL(fileURLWithPath: json)))
        let notesText = try notes.map { try String(contentsOfFile: $0, encoding: .utf8) } ?? ""
        try MarkdownReport.render(results, command: command, notes: notesText).write(toFile: markdown, atomically: true, encoding: .utf8)
    }
}
