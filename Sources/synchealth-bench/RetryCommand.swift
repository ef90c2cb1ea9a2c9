import ArgumentParser
import SyncHealthBench

/// One retry executor measurement, in process.
struct RetryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retry", abstract: "Time the retry executor against the sandbox connector (in process).")

    @Option(help: "Failed items to retry.") var items = 5_000
    @Option(help: "Sandbox push latency, ms.") var latencyMs: Int64 = 0
    @Option(help: "Executor workers.") var workers = 4
    @Option(help: "Per-platform concurrency limit.") var limit = 2
    @Option(help: "Folder for the database.") var workDir = ".build-bench/data"

    func run() throws {
        let point = try RetryBench.run(directory: workDir, items: items, latencyMs: latencyMs, workers: workers, perPlatformLimit: limit)
        print("\(point.items) items in \(point.seconds) s: \(Int(point.itemsPerSecond)) items/s "
              + "(\(workers) workers, limit \(limit), \(latencyMs) ms latency)")
    }
}
