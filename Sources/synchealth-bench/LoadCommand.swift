import ArgumentParser
import SyncHealthBench
import SyncHealthClient

/// One ad hoc load run against a running server.
struct LoadCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "load", abstract: "Run one workload against a server.")

    enum Workload: String, ExpressibleByArgument, CaseIterable {
        case getSync = "get-sync", listCompany = "list-company", listPage1 = "list-page-1", dashboard
        case recordPushItems = "record-push-items"
    }

    @OptionGroup var spec: SpecOptions
    @Option(help: "Server host:port (loopback).") var target: String
    @Option(help: "Workload: \(Workload.allCases.map(\.rawValue).joined(separator: ", ")).") var workload: Workload = .getSync
    @Option(help: "Connections.") var connections = 1
    @Option(help: "Calls in flight per connection.") var inFlight = 1
    @Option(help: "Seconds.") var seconds = 5
    @Option(help: "Most calls.") var calls = 10_000_000
    @Option(help: "Server pid, to print its peak RSS and CPU time.") var serverPid: Int32?

    func run() async throws {
        let workloads = Workloads(spec: spec.spec)
        let call: WorkloadCall
        switch workload {
        case .getSync: call = workloads.getSync
        case .listCompany: call = workloads.companyFailed
        case .listPage1: call = Workloads.listSyncs(Workloads.failedPages)
        case .dashboard: call = Workloads.dashboard
        case .recordPushItems:
            // Batches of 1,000 new items, each to a sync created first (untimed); --calls bounds it.
            let prefix = "load-w-\(UInt32.random(in: 0...UInt32.max))"
            let setup = try SyncHealthClient(target: target, timeout: .seconds(120))
            try await Workloads.prepareWriteSyncs(prefix: prefix, count: calls, client: setup)
            setup.close()
            call = Workloads.recordPushItems(prefix: prefix, batch: 1_000)
        }
        let before = serverPid.flatMap { ProcessStats.read(pid: $0) }
        let result = try await LoadGenerator.run(
            target: target,
            options: LoadOptions(
                connections: connections, inFlight: inFlight, duration: .seconds(seconds), maxCalls: calls,
                warmupCalls: workload == .recordPushItems ? 0 : 100),
            call: call)
        print("\(result.calls) calls in \(result.seconds) s: \(Int(result.callsPerSecond)) calls/s; "
              + "p50 \(result.latency.p50 / 1_000) µs, p99 \(result.latency.p99 / 1_000) µs, p99.9 \(result.latency.p999 / 1_000) µs; "
              + "\(result.errors) errors\(result.firstError.map { " (\($0))" } ?? "")")
        if let pid = serverPid, let after = ProcessStats.read(pid: pid) {
            print("server: peak RSS \(after.peakResidentBytes / 1_048_576) MiB, RSS \(after.residentBytes / 1_048_576) MiB, "
                  + "CPU \(after.cpuSeconds - (before?.cpuSeconds ?? 0)) s during the run")
        }
    }
}
