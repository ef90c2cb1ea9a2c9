import ArgumentParser
import Foundation
import SyncHealthBench

/// `synchealth-bench`: load generator, data set builder and the benchmark
/// suite (tools/bench/run drives it).
@main
struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "synchealth-bench",
        abstract: "SyncHealth benchmarks: data set, load generator, the whole suite.",
        subcommands: [SuiteCommand.self, DatasetCommand.self, LoadCommand.self, RetryCommand.self, ReportCommand.self, SoakCommand.self])
}

/// The data set's shape, shared by the subcommands.
struct SpecOptions: ParsableArguments {
    @Option(help: "Syncs in the data set.") var syncs = 1_000_000
    @Option(help: "Push items in the data set.") var items = 10_000_000
    @Option(help: "Companies in the data set.") var companies = 100_000
    @Option(help: "Seed of every id and value.") var seed: UInt64 = 1

    func validate() throws {
        guard syncs > 0, items >= 0, companies > 0 else { throw ValidationError("sizes must be positive") }
    }

    var spec: DataSetSpec { DataSetSpec(syncs: syncs, items: items, companies: companies, seed: seed) }
}

func log(_ line: String) {
    FileHandle.standardError.write(Data("[\(ISO8601DateFormatter().string(from: Date()))] \(line)\n".utf8))
}
