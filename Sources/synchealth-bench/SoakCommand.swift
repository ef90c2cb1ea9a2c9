import ArgumentParser
import Foundation
import SyncHealthBench

/// `synchealth-bench soak`: a release synchealthd and a failing sandbox under
/// mixed load for a while, sampled every minute (tools/soak drives it).
struct SoakCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "soak",
        abstract: "Mixed load against a release daemon; prints RSS, descriptors, threads and errors each minute.")

    @Option(help: "Minutes of load.") var minutes = 30
    @Option(help: "Seconds between samples.") var sampleSeconds = 60
    @Option(help: "Minutes of warm-up not compared (default: a third of the run, at most 5).") var warmupMinutes: Int?
    @Option(help: "Folder of the release build (synchealthd, synchealth-sandbox).") var binaries = ".build/release"
    @Option(help: "Working folder for the database and logs.") var workDir = ".build-soak"

    func validate() throws {
        guard minutes > 0, minutes <= 24 * 60, sampleSeconds > 0 else { throw ValidationError("minutes must be 1...1440, sample-seconds positive") }
    }

    func run() async throws {
        try? FileManager.default.removeItem(atPath: workDir)
        try FileManager.default.createDirectory(atPath: workDir, withIntermediateDirectories: true)
        let sandbox = try await ServerProcess(
            executable: "\(binaries)/synchealth-sandbox",
            arguments: ["--listen", "127.0.0.1:0", "--seed", "7", "--latency-ms", "5", "--failure-rate", "0.3", "--timeout-rate", "0.05"],
            stderrPath: "\(workDir)/sandbox.log")
        let daemon = try await ServerProcess(
            executable: "\(binaries)/synchealthd", database: "\(workDir)/soak.sqlite",
            extraArguments: [
                "--connector", "xero=\(sandbox.target)", "--retry-workers", "4", "--retry-platform-concurrency", "4",
                "--retry-backoff-initial", "200", "--retry-backoff-max", "2000", "--retry-poll-interval", "100",
            ],
            stderrPath: "\(workDir)/synchealthd.log")
        let options = SoakOptions(minutes: minutes, sampleSeconds: sampleSeconds, warmupMinutes: warmupMinutes)
        FileHandle.standardOutput.write(Data(("soak: \(minutes) min against \(daemon.target) (pid \(daemon.pid)), warm-up \(options.warmupMinutes) min, "
              + "\(options.readers) readers x \(options.readsPerSecond)/s, \(options.ingestPerSecond) syncs/s, sandbox failures 30%/timeouts 5%\n").utf8))
        if let start = daemon.stats { FileHandle.standardOutput.write(Data((SoakSample(elapsedSeconds: 0, daemon: start, counts: [:]).line + "\n").utf8)) }
        let verdict = try await Soak.run(target: daemon.target, daemonPid: daemon.pid, options: options) { sample in
            FileHandle.standardOutput.write(Data((sample.line + "\n").utf8))
        }
        await daemon.stop()
        await sandbox.stop()
        let problems = verdict.problems
        if problems.isEmpty {
            print("soak: flat after warm-up and 0 unexpected errors")
        } else {
            print("soak: FAILED: " + problems.joined(separator: "; "))
            for error in verdict.firstErrors { print("  \(error)") }
            throw ExitCode(1)
        }
    }
}
