import ArgumentParser
import Foundation
import SyncHealthBench

/// Builds the data set: bulk into a file, or through SyncIngest over RPC.
struct DatasetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dataset", abstract: "Build the data set (bulk into a file, or over RPC with --target).")

    @OptionGroup var spec: SpecOptions
    @Option(help: "Bulk: folder of the cached file (built once, reused).") var workDir = ".build-bench/data"
    @Option(help: "RPC: ingest into the server at host:port instead (measures ingest).") var target: String?
    @Option(help: "RPC: connections.") var connections = 4
    @Option(help: "RPC: syncs in flight per connection.") var inFlight = 4
    @Option(help: "RPC: stop after this many seconds.") var maxSeconds = 3_600

    func run() async throws {
        let spec = spec.spec
        if let target {
            let result = try await DataSetBuilder.ingest(
                spec: spec, target: target, range: 0..<spec.syncs, connections: connections, inFlight: inFlight,
                maxDuration: .seconds(maxSeconds))
            print(String(format: "ingested %d syncs, %d items in %.1f s: %.0f syncs/s, %.0f items/s, %d errors%@",
                         result.calls, result.units, result.seconds, result.callsPerSecond, result.unitsPerSecond,
                         result.errors, result.firstError.map { " (\($0))" } ?? ""))
        } else {
            let started = ContinuousClock.now
            let path = try DataSetBuilder.cached(spec: spec, directory: workDir) { log($0) }
            print("data set ready: \(path) (\(ContinuousClock.now - started))")
        }
    }
}
