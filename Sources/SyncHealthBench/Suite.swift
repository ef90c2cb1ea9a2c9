import Foundation
import SyncHealthClient
import SyncHealthRetry
import SyncHealthStorage
import SyncHealthSQLite
import SyncHealthRelational
import SyncHealthWire

/// Runs every benchmark row and floor `options.runs` times against a
/// synchealthd child process serving a copy of the data set.
public enum Suite {
    /// Runs the suite. `log` gets progress lines.
    public static func run(
        options: SuiteOptions, swiftVersion: String, log: @escaping @Sendable (String) -> Void
    ) async throws -> SuiteResults {
        IdleConnections.raiseDescriptorLimit(to: options.idleConnections + 1_024)
        var results = SuiteResults(
            machine: .current(), swiftVersion: swiftVersion, date: ISO8601DateFormatter().string(from: Date()),
            spec: options.spec, options: options.summary)
        let built = try DataSetBuilder.cached(spec: options.spec, directory: options.workDirectory, log: log)
        let work = "\(options.workDirectory)/work.sqlite"
        log("copying \(built) to \(work)")
        try DataSetBuilder.copy(built, to: work)

        let server = try await ServerProcess(
            executable: options.serverExecutable, database: work,
            maxConnections: options.idleConnections + 100, stderrPath: "\(options.workDirectory)/synchealthd.log")
        log("synchealthd pid \(server.pid) on \(server.target)")
        let workloads = Workloads(spec: options.spec)
        let setup = try SyncHealthClient(target: server.target, timeout: .seconds(120))
        defer { setup.close() }
        let (deepRequest, deepPage) = try await Workloads.deepPage(Workloads.failedPages, pages: options.deepPage, client: setup)
        results.deepPage = deepPage
        (results.getSyncRequestBytes, results.getSyncResponseBytes) = try await frameSizes(workloads.getSyncRequest(0), client: setup)
        let floor = try SQLFloor(path: work)

        for run in 1...options.runs {
            results.loadAverages.append(MachineInfo.loadAverage)
            log("run \(run)/\(options.runs), load average \(results.loadAverages.last ?? "?")")
            let one = LoadOptions(duration: options.duration, maxCalls: options.maxCalls)
            let reads: [(SuiteRow, LoadOptions, WorkloadCall)] = [
                (.getSync1x1, one, workloads.getSync),
                (.getSync16Pipelined, LoadOptions(
                    connections: options.pipelinedConnections, inFlight: options.pipelinedInFlight,
                    duration: options.duration, maxCalls: options.maxCalls, warmupCalls: 1_000), workloads.getSync),
                (.listCompanyFailed, one, workloads.companyFailed),
                (.listPage1, one, Workloads.listSyncs(Workloads.failedPages)),
                (.listPageDeep, one, Workloads.listSyncs(deepRequest)),
                (.dashboard30Days, LoadOptions(duration: options.duration, maxCalls: options.maxCalls, warmupCalls: 10), Workloads.dashboard),
            ]
            for (row, load, call) in reads {
                let measured = try await measure(server: server, options: load, call: call)
                results.rows[row.rawValue, default: []].append(measured)
                log("  \(row.rawValue): \(describe(measured.load))")
            }
            // Writes: fresh syncs each run, created untimed first.
            let prefix = "bench-w\(run)-\(UInt32.random(in: 0...UInt32.max))"
            try await Workloads.prepareWriteSyncs(prefix: prefix, count: options.writeBatches, client: setup)
            let write = try await measure(
                server: server,
                options: LoadOptions(connections: 2, inFlight: 1, duration: .seconds(600), maxCalls: options.writeBatches, warmupCalls: 0),
                call: Workloads.recordPushItems(prefix: prefix, batch: options.batchSize))
            results.rows[SuiteRow.recordPushItems.rawValue, default: []].append(write)
            log("  \(SuiteRow.recordPushItems.rawValue): \(describe(write.load))")

            try await measureFloors(into: &results, floor: floor, workloads: workloads, deepRequest: deepRequest, options: options, log: log)

            let idle = try IdleConnections(count: options.idleConnections, port: port(of: server.target))
            try await Task.sleep(for: .seconds(1))
            let rss = server.stats?.residentBytes ?? 0
            idle.closeAll()
            results.idleRSS.append(rss)
            log("  idle \(options.idleConnections) connections: server RSS \(rss / 1_048_576) MiB")
        }
        results.peakRSS = server.stats?.peakResidentBytes ?? 0
        await server.stop()
        try await measureIngest(into: &results, options: options, log: log)
        try measureRetry(into: &results, options: options, log: log)
        return results
    }

    /// The retry executor in process against the sandbox connector, once per run.
    private static func measureRetry(into results: inout SuiteResults, options: SuiteOptions, log: (String) -> Void) throws {
        guard options.retryItems > 0 else { return }
        let defaults = RetryExecutorConfiguration()
        for run in 1...options.runs {
            let point = try RetryBench.run(
                directory: options.workDirectory, items: options.retryItems, latencyMs: 0,
                workers: defaults.workerCount, perPlatformLimit: defaults.perPlatformConcurrency ?? defaults.workerCount)
            results.retry["no-latency", default: []].append(point)
            log(String(format: "  retry run %d, no latency: %d items in %.2f s, %.0f items/s", run, point.items, point.seconds, point.itemsPerSecond))
            for workers in options.retryConcurrencyList {
                // About 2 s of pushes at the expected rate, at least 40 items.
                let perSecond = 1_000 / Double(max(1, options.retryLatencyMs)) * Double(min(workers, options.retryPlatformLimit))
                let latency = try RetryBench.run(
                    directory: options.workDirectory, items: max(40, Int(perSecond * 2)), latencyMs: options.retryLatencyMs,
                    workers: workers, perPlatformLimit: options.retryPlatformLimit)
                results.retry["latency-c\(workers)", default: []].append(latency)
                log(String(format: "  retry run %d, %d ms latency, %d workers: %.0f items/s", run, options.retryLatencyMs, workers, latency.itemsPerSecond))
            }
        }
    }

    private static func measure(server: ServerProcess, options: LoadOptions, call: @escaping WorkloadCall) async throws -> RowRun {
        // Warm-up happens inside LoadGenerator; CPU is read around the whole
        // call, so it includes the warm-up calls (a few % at most).
        let before = server.stats?.cpuSeconds ?? 0
        let load = try await LoadGenerator.run(target: server.target, options: options, call: call)
        let after = server.stats?.cpuSeconds ?? 0
        return RowRun(load: load, serverCPUSeconds: after - before)
    }

    private static func measureFloors(
        into results: inout SuiteResults, floor: SQLFloor, workloads: Workloads, deepRequest: ListSyncsRequest,
        options: SuiteOptions, log: (String) -> Void
    ) async throws {
        let count = options.floorCalls
        let floors: [(SuiteFloor, LatencySummary)] = [
            (.sqlGetSync, try floor.measure(count: count) { PlannedSQL.getSync(syncId: workloads.getSyncRequest($0).syncId) }),
            (.sqlListCompanyFailed, try floor.measure(count: count) { try PlannedSQL.listSyncs(workloads.companyFailedRequest($0)) }),
            (.sqlListPage1, try floor.measure(count: count) { _ in try PlannedSQL.listSyncs(Workloads.failedPages) }),
            (.sqlListPageDeep, try floor.measure(count: count) { _ in try PlannedSQL.listSyncs(deepRequest) }),
            (.sqlDashboard, try floor.measure(count: count) { _ in try PlannedSQL.getDashboard(Workloads.dashboard30Days) }),
        ]
        for (id, summary) in floors {
            results.floors[id.rawValue, default: []].append(summary)
            log("  \(id.rawValue): p50 \(micros(summary.p50)) p99 \(micros(summary.p99))")
        }
        let sizes = (request: results.getSyncRequestBytes, response: results.getSyncResponseBytes)
        if let echo = try await EchoFloor.measure(
            binary: options.echoBinary, requestBytes: sizes.request, responseBytes: sizes.response, roundTrips: 20_000) {
            results.floors[SuiteFloor.echoGetSync.rawValue, default: []].append(echo)
            log("  \(SuiteFloor.echoGetSync.rawValue) (\(sizes.request)/\(sizes.response) B): p50 \(micros(echo.p50)) p99 \(micros(echo.p99))")
        }
    }

    /// Ingest over RPC into an empty database, once per run.
    private static func measureIngest(into results: inout SuiteResults, options: SuiteOptions, log: @escaping @Sendable (String) -> Void) async throws {
        guard options.ingestSyncs > 0 else { return }
        let items = options.ingestSyncs * max(1, options.spec.items / options.spec.syncs)
        let sample = DataSetSpec(syncs: options.ingestSyncs, items: items, companies: max(1, options.spec.companies / 100), seed: 7)
        for run in 1...options.runs {
            let path = "\(options.workDirectory)/ingest.sqlite"
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            let server = try await ServerProcess(executable: options.serverExecutable, database: path)
            let before = server.stats?.cpuSeconds ?? 0
            let load = try await DataSetBuilder.ingest(spec: sample, target: server.target, range: 0..<sample.syncs)
            let cpu = (server.stats?.cpuSeconds ?? 0) - before
            await server.stop()
            results.rows[SuiteRow.ingest.rawValue, default: []].append(RowRun(load: load, serverCPUSeconds: cpu))
            log("  ingest run \(run): \(describe(load))")
        }
    }

    /// The GetSync request and response frame sizes on the wire.
    private static func frameSizes(_ request: GetSyncRequest, client: SyncHealthClient) async throws -> (request: Int, response: Int) {
        let header = RequestHeader(
            method: Methods.SyncHistory.getSync.fullName, timeoutMs: 60_000)
        let requestFrame = FrameEncoder.encode(.request(streamId: 1, header: header.serializedBytes(), message: request.serializedBytes()))
        let reply = try await client.getSync(request)
        let responseFrame = FrameEncoder.encode(.response(
            streamId: 1, header: ResponseHeader(statusCode: .ok).serializedBytes(), message: reply.serializedBytes()))
        return (requestFrame.count, responseFrame.count)
    }

    static func port(of target: String) throws -> UInt16 {
        guard let text = target.split(separator: ":").last, let port = UInt16(text) else { throw BenchError("no port in \(target)") }
        return port
    }

    static func micros(_ ns: UInt64) -> String { String(format: "%.1f µs", Double(ns) / 1_000) }

    static func describe(_ load: LoadResult) -> String {
        String(format: "%d calls, %.0f calls/s, %.0f units/s, p50 %@ p99 %@ p99.9 %@, %d errors%@",
               load.calls, load.callsPerSecond, load.unitsPerSecond, micros(load.latency.p50), micros(load.latency.p99),
               micros(load.latency.p999), load.errors, load.firstError.map { " (\($0))" } ?? "")
    }
}
