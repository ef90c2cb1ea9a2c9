import ArgumentParser
import Foundation
import SyncHealthBench

/// Runs every row and floor, prints JSON, rewrites the Markdown report.
struct SuiteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "suite", abstract: "Run the whole benchmark suite.")

    @OptionGroup var spec: SpecOptions
    @Option(help: "Folder for the cached data set and working copies.") var workDir = ".build-bench/data"
    @Option(help: "The synchealthd executable.") var server = ".build/release/synchealthd"
    @Option(help: "The compiled tools/bench/echo.c.") var echo = ".build-bench/echo"
    @Option(help: "Repetitions of every measurement.") var runs = 3
    @Option(help: "Seconds per latency / throughput row.") var seconds = 5
    @Option(help: "RecordPushItems batches per run.") var writeBatches = 50
    @Option(help: "Syncs ingested over RPC per run.") var ingestSyncs = 2_000
    @Option(help: "Idle connections for the RSS row.") var idleConnections = 1_000
    @Option(help: "Page reached through the cursor.") var deepPage = 1_000
    @Option(help: "SQL floor calls per run.") var floorCalls = 2_000
    @Option(help: "Retry executor items for the no-latency row (0 skips the retry rows).") var retryItems = 5_000
    @Option(help: "First line of `swift --version`.") var swiftVersion = "unknown Swift"
    @Option(help: "Write the Markdown report here.") var markdown: String?
    @Option(help: "Markdown appended to the report (analysis kept across rewrites).") var notes: String?
    @Option(help: "The command line to print in the report.") var command = "tools/bench/run"
    @Option(help: "Write the raw results as JSON here.") var json: String?

    func run() async throws {
        let options = SuiteOptions(
            spec: spec.spec, workDirectory: workDir, serverExecutable: server, echoBinary: echo, runs: runs,
            duration: .seconds(seconds), writeBatches: writeBatches, ingestSyncs: ingestSyncs,
            idleConnections: idleConnections, deepPage: deepPage, floorCalls: floorCalls, retryItems: retryItems)
        let results = try await Suite.run(options: options, swiftVersion: swiftVersion) { log($0) }
        if let json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try encoder.encode(results).write(to: URL(fileURLWithPath: json))
        }
        let notesText = try notes.map { try String(contentsOfFile: $0, encoding: .utf8) } ?? ""
        let report = MarkdownReport.render(results, command: command, notes: notesText)
        if let markdown {
            try report.write(toFile: markdown, atomically: true, encoding: .utf8)
            log("wrote \(markdown)")
        }
        print(report)
    }
}
