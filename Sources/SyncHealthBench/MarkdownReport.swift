import Foundation

/// Renders `SuiteResults` as BENCHMARKS.md: medians with their spread
/// (min-max over runs), each latency next to its floor as a ratio, and the
/// issue's targets with the measured numbers.
public enum MarkdownReport {
    /// The whole document. `command` is how the suite was run; `notes` is
    /// appended verbatim (analysis written by people, kept across rewrites).
    public static func render(_ r: SuiteResults, command: String, notes: String) -> String {
        var out = "# SyncHealth benchmarks\n\n"
        out += "Written by `tools/bench/run` on \(r.date); do not edit the numbers by hand.\n\n"
        out += "## Machine\n\n"
        out += "- \(r.machine.cores) cores, \(r.machine.memoryBytes / 1_073_741_824) GiB memory; \(r.machine.os)\n"
        out += "- \(r.swiftVersion); release build; loopback (127.0.0.1)\n"
        out += "- load average (1/5/15 min) at the start of each run: \(r.loadAverages.map { "`\($0)`" }.joined(separator: ", "))\n\n"
        out += "## How it was run\n\n```sh\n\(command)\n```\n\n"
        let o = r.options
        out += "Data set: \(r.spec.syncs) syncs, \(r.spec.items) push items, \(r.spec.companies) companies, start times over 2025 "
        out += "(bulk-built once with `SQLiteSyncStore.bulkIngest`, cached, copied fresh for each suite). "
        out += "\(o.runs) runs; each latency/throughput row runs \(Int(o.durationSeconds)) s (closed loop) after a warm-up. "
        out += "Numbers are the median over runs, spread `[min-max]` beside them. "
        out += "The suite starts synchealthd itself (release build, `--no-auth --log-level warning`: no per-call log line) "
        out += "on a copy of the data set, and reads its RSS and CPU time from /proc. "
        out += "The load generator (SyncHealthClient) runs on the same 2 cores as the server.\n\n"
        out += results(r)
        out += targets(r)
        out += notes
        return out
    }

    static func us(_ ns: Double) -> String {
        ns >= 1_000_000 ? String(format: "%.2f ms", ns / 1_000_000) : String(format: "%.0f µs", ns / 1_000)
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return .nan }
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }

    static func spread(_ values: [Double], _ format: (Double) -> String) -> String {
        guard let low = values.min(), let high = values.max() else { return "n/a" }
        return "\(format(median(values))) [\(format(low))-\(format(high))]"
    }

    static func rows(_ r: SuiteResults, _ row: SuiteRow) -> [RowRun] { r.rows[row.rawValue] ?? [] }
    static func floors(_ r: SuiteResults, _ floor: SuiteFloor) -> [LatencySummary] { r.floors[floor.rawValue] ?? [] }

    static func p50(_ r: SuiteResults, _ row: SuiteRow) -> Double { median(rows(r, row).map { Double($0.load.latency.p50) }) }
    static func p99(_ r: SuiteResults, _ row: SuiteRow) -> Double { median(rows(r, row).map { Double($0.load.latency.p99) }) }
    static func floorP50(_ r: SuiteResults, _ floor: SuiteFloor) -> Double { median(floors(r, floor).map { Double($0.p50) }) }
    static func floorP99(_ r: SuiteResults, _ floor: SuiteFloor) -> Double { median(floors(r, floor).map { Double($0.p99) }) }
    static func ratio(_ a: Double, _ b: Double) -> String { a.isNaN || b.isNaN || b == 0 ? "n/a" : String(format: "%.1fx", a / b) }

    static func results(_ r: SuiteResults) -> String {
        let o = r.options
        let labels: [(SuiteRow, String, SuiteFloor?)] = [
            (.getSync1x1, "GetSync, 1 connection, 1 in flight", .sqlGetSync),
            (.getSync16Pipelined, "GetSync, \(o.pipelinedConnections) connections x \(o.pipelinedInFlight) in flight", nil),
            (.listCompanyFailed, "ListSyncs 50 rows, company + FAILED, by start time, 1x1", .sqlListCompanyFailed),
            (.listPage1, "ListSyncs FAILED, page 1 (50 rows), 1x1", .sqlListPage1),
            (.listPageDeep, "ListSyncs FAILED, page \(r.deepPage) via cursor, 1x1", .sqlListPageDeep),
            (.dashboard30Days, "GetDashboard, 30 days, all companies, 1x1", .sqlDashboard),
            (.recordPushItems, "RecordPushItems, batches of \(o.batchSize), 2 connections x 1", nil),
            (.ingest, "Ingest over RPC (RecordSync + RecordPushItems per sync), 4x4, empty db, \(o.ingestSyncs) syncs", nil),
        ]
        var out = "## Results\n\n"
        out += "| workload | calls/s | units/s | p50 | p99 | p99.9 | server CPU per call | SQL floor p50 / p99 | p50 / SQL floor |\n"
        out += "|---|---|---|---|---|---|---|---|---|\n"
        for (row, label, floor) in labels {
            let runs = rows(r, row)
            guard !runs.isEmpty else { out += "| \(label) | not measured | | | | | | | |\n"; continue }
            let cpu = runs.map { $0.load.calls > 0 ? $0.serverCPUSeconds / Double($0.load.calls) * 1e9 : 0 }
            var line = "| \(label) | \(spread(runs.map(\.load.callsPerSecond)) { String(format: "%.0f", $0) })"
            line += " | \(spread(runs.map(\.load.unitsPerSecond)) { String(format: "%.0f", $0) })"
            line += " | \(spread(runs.map { Double($0.load.latency.p50) }, us)) | \(spread(runs.map { Double($0.load.latency.p99) }, us))"
            line += " | \(spread(runs.map { Double($0.load.latency.p999) }, us)) | \(us(median(cpu)))"
            if let floor, !floors(r, floor).isEmpty {
                line += " | \(us(floorP50(r, floor))) / \(us(floorP99(r, floor))) | \(ratio(p50(r, row), floorP50(r, floor))) |"
            } else {
                line += " | | |"
            }
            out += line + "\n"
        }
        out += retryTable(r)
        let errors = r.rows.values.flatMap { $0 }.reduce(0) { $0 + $1.load.errors }
        out += "\nFailed calls in all rows: \(errors). Units are items for the write rows, calls otherwise. "
        out += "Server CPU per call = synchealthd user+system CPU during the row / calls (includes the warm-up calls).\n\n"
        let echo = floors(r, .echoGetSync)
        out += "**Network floor** (`tools/bench/echo.c`: C client and server, one loopback connection, one in flight, "
        out += "\(r.getSyncRequestBytes) B request / \(r.getSyncResponseBytes) B response, the GetSync frame sizes): "
        out += echo.isEmpty ? "not measured.\n\n" : "p50 \(spread(echo.map { Double($0.p50) }, us)), p99 \(spread(echo.map { Double($0.p99) }, us)), "
            + "p99.9 \(spread(echo.map { Double($0.p999) }, us)). GetSync 1x1 p50 / echo p50 = **\(ratio(p50(r, .getSync1x1), floorP50(r, .echoGetSync)))**.\n\n"
        let rss = r.idleRSS.map(Double.init)
        out += "**Memory**: server RSS with \(o.idleConnections) idle connections open on the \(r.spec.syncs)-sync data set "
        out += "\(spread(rss) { String(format: "%.0f MiB", $0 / 1_048_576) }); peak RSS (VmHWM) over all rows "
        out += String(format: "%.0f MiB.\n\n", Double(r.peakRSS) / 1_048_576)
        return out
    }

    static func retryTable(_ r: SuiteResults) -> String {
        guard !r.retry.isEmpty else { return "" }
        var out = "\n| retry executor (in process, sandbox connector) | items | items/s |\n|---|---|---|\n"
        let fast = r.retry["no-latency"] ?? []
        if let first = fast.first {
            out += "| no latency, \(first.workers) workers, per-platform limit \(first.perPlatformLimit) (the defaults) | \(first.items) | \(spread(fast.map(\.itemsPerSecond)) { String(format: "%.0f", $0) }) |\n"
        }
        for c in r.options.retryConcurrencyList {
            let points = r.retry["latency-c\(c)"] ?? []
            guard let first = points.first else { continue }
            out += "| \(first.latencyMs) ms latency, \(c) workers, per-platform limit \(first.perPlatformLimit) | \(first.items) | \(spread(points.map(\.itemsPerSecond)) { String(format: "%.0f", $0) }) |\n"
        }
        return out
    }

    static func targets(_ r: SuiteResults) -> String {
        func verdict(_ ok: Bool?) -> String { ok.map { $0 ? "**met**" : "**missed**" } ?? "not measured" }
        let echoRatio = p50(r, .getSync1x1) / floorP50(r, .echoGetSync)
        let throughput = median(rows(r, .getSync16Pipelined).map(\.load.callsPerSecond))
        let listP99 = p99(r, .listCompanyFailed)
        let deepRatio = p50(r, .listPageDeep) / p50(r, .listPage1)
        let dashP99 = p99(r, .dashboard30Days)
        let items = median(rows(r, .recordPushItems).map(\.load.unitsPerSecond))
        let rss = median(r.idleRSS.map(Double.init))
        func known(_ v: Double) -> Bool? { v.isNaN ? nil : true }
        var out = "## Targets (issue 6)\n\n| workload | target | measured (median) | |\n|---|---|---|---|\n"
        out += "| GetSync, 1 connection, 1 in flight | p50 within 3x the raw echo round trip | \(String(format: "%.1fx", echoRatio)) (\(us(p50(r, .getSync1x1))) vs \(us(floorP50(r, .echoGetSync)))) | \(verdict(known(echoRatio).map { _ in echoRatio <= 3 })) |\n"
        out += "| GetSync, 16 connections, pipelined | at least 30,000 calls/s | \(String(format: "%.0f", throughput)) calls/s | \(verdict(known(throughput).map { _ in throughput >= 30_000 })) |\n"
        out += "| ListSyncs, 50 rows, company + status, by start time, \(r.spec.syncs) syncs | p99 under 2 ms | p99 \(us(listP99)) | \(verdict(known(listP99).map { _ in listP99 < 2_000_000 })) |\n"
        out += "| ListSyncs, page \(r.deepPage) through the cursor | within 2x of page 1 | \(String(format: "%.2fx", deepRatio)) (p50 \(us(p50(r, .listPageDeep))) vs \(us(p50(r, .listPage1)))) | \(verdict(known(deepRatio).map { _ in deepRatio <= 2 })) |\n"
        out += "| GetDashboard, 30 days, all companies, \(r.spec.syncs) syncs | p99 under 5 ms | p99 \(us(dashP99)) | \(verdict(known(dashP99).map { _ in dashP99 < 5_000_000 })) |\n"
        out += "| RecordPushItems, batches of \(r.options.batchSize) | at least 100,000 items/s | \(String(format: "%.0f", items)) items/s | \(verdict(known(items).map { _ in items >= 100_000 })) |\n"
        let retryFast = median((r.retry["no-latency"] ?? []).map(\.itemsPerSecond))
        out += "| Retry executor, sandbox connector with no latency | at least 5,000 items/s | \(String(format: "%.0f", retryFast)) items/s | \(verdict(known(retryFast).map { _ in retryFast >= 5_000 })) |\n"
        let curve = r.options.retryConcurrencyList.map { c in (c, median((r.retry["latency-c\(c)"] ?? []).map(\.itemsPerSecond))) }
        let limit = r.options.retryPlatformLimit
        let below = curve.filter { $0.0 <= limit }.map(\.1)
        let grows = curve.allSatisfy { !$0.1.isNaN } && !below.isEmpty ? zip(below, below.dropFirst()).allSatisfy { $1 > $0 * 1.5 } : nil
        let text = curve.map { "\($0.0): \(String(format: "%.0f", $0.1))" }.joined(separator: ", ")
        out += "| Retry executor, sandbox with \(r.options.retryLatencyMs) ms latency | throughput grows with concurrency up to the per-platform limit | workers: items/s = \(text) (limit \(limit)) | \(verdict(grows)) |\n"
        out += "| Server RSS, \(r.spec.syncs) syncs loaded, \(r.options.idleConnections) idle connections | under 200 MB | \(String(format: "%.0f MB", rss / 1_000_000)) | \(verdict(known(rss).map { _ in rss < 200_000_000 })) |\n\n"
        return out
    }
}
