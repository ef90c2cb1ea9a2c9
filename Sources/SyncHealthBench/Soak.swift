import Foundation
import SyncHealthClient
import SyncHealthWire
import SyncHealthConcurrency

/// What a soak run does: mixed load against a release daemon for a while,
/// sampling the daemon's resources as it goes. Every loop is bounded by
/// `minutes`, so a run always stops by itself.
public struct SoakOptions: Sendable {
    /// How long the load runs.
    public var minutes: Int
    /// Seconds between samples (one line each).
    public var sampleSeconds: Int
    /// Samples before this many minutes are warm-up: not compared.
    public var warmupMinutes: Int
    /// Reader connections, each at about `readsPerSecond`.
    public var readers: Int
    public var readsPerSecond: Int
    /// New syncs (each with 10 items, 3 of them failed) per second.
    public var ingestPerSecond: Int

    public init(minutes: Int, sampleSeconds: Int = 60, warmupMinutes: Int? = nil, readers: Int = 4, readsPerSecond: Int = 100, ingestPerSecond: Int = 20) {
        precondition(minutes > 0 && sampleSeconds > 0 && readers > 0 && readsPerSecond > 0 && ingestPerSecond > 0, "soak options must be positive")
        self.minutes = minutes
        self.sampleSeconds = sampleSeconds
        self.warmupMinutes = warmupMinutes ?? min(5, max(1, minutes / 3))
        self.readers = readers
        self.readsPerSecond = readsPerSecond
        self.ingestPerSecond = ingestPerSecond
    }
}

/// Counts of what the load did, shared by its tasks.
public final class SoakCounters: Sendable {
    /// Every kind counted; "unexpected errors" must stay 0.
    public static let kinds = ["reads", "syncs", "items", "retry jobs", "connections opened", "vanished mid-frame", "unexpected errors"]
    private let counts = Locked<[String: Int]>([:])
    private let errors = Locked<[String]>([])

    public init() {}

    func add(_ kind: String, _ n: Int = 1) { counts.withLock { $0[kind, default: 0] += n } }

    func unexpected(_ what: String, _ error: any Error) {
        add("unexpected errors")
        errors.withLock { if $0.count < 20 { $0.append("\(what): \(error)") } }
    }

    /// The counts now.
    public var snapshot: [String: Int] { counts.withLock { $0 } }
    /// The first (at most 20) unexpected errors.
    public var firstErrors: [String] { errors.withLock { $0 } }
}

/// One sample of the daemon.
public struct SoakSample: Sendable {
    public var elapsedSeconds: Int
    public var daemon: ProcessStats
    public var counts: [String: Int]

    public init(elapsedSeconds: Int, daemon: ProcessStats, counts: [String: Int]) {
        self.elapsedSeconds = elapsedSeconds
        self.daemon = daemon
        self.counts = counts
    }

    /// One line for the log and BENCHMARKS.md.
    public var line: String {
        let minutes = String(format: "%5.1f", Double(elapsedSeconds) / 60)
        let counted = SoakCounters.kinds.map { "\($0) \(counts[$0, default: 0])" }.joined(separator: ", ")
        return "t=\(minutes) min  RSS \(daemon.residentBytes / 1_048_576) MiB  fds \(daemon.openFiles ?? -1)  threads \(daemon.threads ?? -1)  | \(counted)"
    }
}

/// Whether resources stayed flat after warm-up and nothing failed.
public struct SoakVerdict: Sendable {
    public var samples: [SoakSample]
    public var warmupSeconds: Int
    public var firstErrors: [String]

    /// The first sample after warm-up, and the last.
    public var baseline: SoakSample? { samples.first { $0.elapsedSeconds >= warmupSeconds } ?? samples.first }
    public var final: SoakSample? { samples.last }

    /// Growth allowed from baseline to the end: RSS 10% or 16 MiB (allocator
    /// noise), 32 descriptors and 8 threads (connections and pushes in flight
    /// at the moment of a sample).
    public var problems: [String] {
        var problems: [String] = []
        guard let baseline, let final else { return ["no samples"] }
        let rssGrowth = final.daemon.residentBytes - baseline.daemon.residentBytes
        if rssGrowth > max(16 * 1_048_576, baseline.daemon.residentBytes / 10) {
            problems.append("RSS grew \(rssGrowth / 1_048_576) MiB after warm-up")
        }
        if let a = baseline.daemon.openFiles, let b = final.daemon.openFiles, b - a > 32 {
            problems.append("open descriptors grew from \(a) to \(b)")
        }
        if let a = baseline.daemon.threads, let b = final.daemon.threads, b - a > 8 {
            problems.append("threads grew from \(a) to \(b)")
        }
        let errors = final.counts["unexpected errors", default: 0]
        if errors > 0 { problems.append("\(errors) unexpected errors, first: \(firstErrors.first ?? "?")") }
        return problems
    }
}

/// Mixed load for a soak: readers, ingest, retries against the sandbox,
/// connection churn, and clients that vanish mid-frame.
public enum Soak {
    /// Runs the load against `target` until `options.minutes` pass, calling
    /// `sample` with the daemon's resources every `sampleSeconds`.
    public static func run(
        target: String, daemonPid: Int32, options: SoakOptions, sample: @escaping @Sendable (SoakSample) -> Void
    ) async throws -> SoakVerdict {
        let counters = SoakCounters()
        let started = ContinuousClock.now
        let end = started + .seconds(options.minutes * 60)
        let recent = RecentSyncs()
        guard let port = target.split(separator: ":").last.flatMap({ UInt16($0) }) else { throw BenchError("bad target \(target)") }

        // Each task returns its samples; only the sampler has any.
        let samples = try await withThrowingTaskGroup(of: [SoakSample].self) { group in
            group.addTask { try await ingest(target: target, options: options, until: end, recent: recent, counters: counters); return [] }
            for reader in 0..<options.readers {
                group.addTask {
                    try await read(target: target, seed: UInt64(reader), options: options, until: end, recent: recent, counters: counters)
                    return []
                }
            }
            group.addTask { try await retry(target: target, until: end, recent: recent, counters: counters); return [] }
            group.addTask { await churn(target: target, until: end, counters: counters); return [] }
            group.addTask { await vanish(port: port, until: end, counters: counters); return [] }
            group.addTask {
                var taken: [SoakSample] = []
                var next = started + .seconds(options.sampleSeconds)
                while next <= end + .seconds(1) {
                    try await Task.sleep(until: next)
                    guard let stats = ProcessStats.read(pid: daemonPid) else { throw BenchError("synchealthd exited during the soak") }
                    let point = SoakSample(
                        elapsedSeconds: Int((ContinuousClock.now - started).components.seconds), daemon: stats, counts: counters.snapshot)
                    taken.append(point)
                    sample(point)
                    next += .seconds(options.sampleSeconds)
                }
                return taken
            }
            var all: [SoakSample] = []
            for try await taken in group { all += taken }
            return all
        }
        return SoakVerdict(samples: samples, warmupSeconds: options.warmupMinutes * 60, firstErrors: counters.firstErrors)
    }

    /// New syncs at a steady rate, each with 10 items of which 3 failed
    /// (retryable): the sync becomes 5130 and a candidate for retries.
    private static func ingest(target: String, options: SoakOptions, until end: ContinuousClock.Instant, recent: RecentSyncs, counters: SoakCounters) async throws {
        let client = try SyncHealthClient(target: target, timeout: .seconds(30))
        defer { client.close() }
        let interval = Duration.seconds(1) / options.ingestPerSecond
        var next = ContinuousClock.now
        var n = 0
        let run = UInt32.random(in: 0...UInt32.max)
        while ContinuousClock.now < end {
            let syncId = "soak-\(run)-\(n)"
            let company = "soak-company-\(n % 50)"
            let now = Int64(Date().timeIntervalSince1970 * 1000)
            do {
                _ = try await client.recordSync(RecordSyncRequest(sync: Sync(
                    syncId: syncId, companyId: company, product: .commerce, sourcePlatform: "shopify", targetPlatform: "xero",
                    statusCode: .successDataPushed, startedAtMs: now - 60_000, finishedAtMs: now,
                    dataFromMs: now - 86_400_000, dataToMs: now, notes: ["Soak sync."])))
                let items = (0..<10).map { i in
                    PushItemReport(
                        itemId: "item-\(i)", coreId: "core-\(n)-\(i)", dataType: i % 2 == 0 ? "invoices" : "payments",
                        status: i < 3 ? .failed : .success, errorMessage: i < 3 ? "Account code \(i) is archived." : "",
                        attemptedAtMs: now, targetRecordId: i < 3 ? "" : "rec-\(n)-\(i)", retryable: i < 3,
                        idempotencyKey: "\(syncId)-\(i)")
                }
                _ = try await client.recordPushItems(RecordPushItemsRequest(syncId: syncId, items: items))
                counters.add("syncs")
                counters.add("items", 10)
                recent.add(syncId: syncId, company: company)
            } catch {
                counters.unexpected("ingest", error)
            }
            n += 1
            next += interval
            if next > ContinuousClock.now { try await Task.sleep(until: next) } else { next = ContinuousClock.now }
        }
    }

    /// GetSync, ListSyncs (company), ListPushItems and a one-day dashboard,
    /// in turn, at about `readsPerSecond`.
    private static func read(target: String, seed: UInt64, options: SoakOptions, until end: ContinuousClock.Instant, recent: RecentSyncs, counters: SoakCounters) async throws {
        let client = try SyncHealthClient(target: target, timeout: .seconds(30))
        defer { client.close() }
        var random = SplitMix64(seed: seed &+ 0x50A4)
        let interval = Duration.seconds(1) / options.readsPerSecond
        var next = ContinuousClock.now
        var n = 0
        while ContinuousClock.now < end {
            if let (syncId, company) = recent.pick(random.next()) {
                do {
                    switch n % 4 {
                    case 0: _ = try await client.getSync(GetSyncRequest(syncId: syncId))
                    case 1: _ = try await client.listSyncs(ListSyncsRequest(companyId: company, pageSize: 50))
                    case 2: _ = try await client.listPushItems(ListPushItemsRequest(syncId: syncId, includeAttempts: true))
                    default:
                        let now = Int64(Date().timeIntervalSince1970 * 1000)
                        _ = try await client.getDashboard(GetDashboardRequest(fromMs: now - 86_400_000, toMs: now))
                    }
                    counters.add("reads")
                } catch {
                    counters.unexpected("read", error)
                }
                n += 1
            }
            next += interval
            if next > ContinuousClock.now { try await Task.sleep(until: next) } else { next = ContinuousClock.now }
        }
    }

    /// Every 2 s, a retry job for a recent failed sync not retried yet; the
    /// daemon's executor pushes its items to the sandbox (which fails some).
    private static func retry(target: String, until end: ContinuousClock.Instant, recent: RecentSyncs, counters: SoakCounters) async throws {
        let client = try SyncHealthClient(target: target, timeout: .seconds(30))
        defer { client.close() }
        var n = 0
        while ContinuousClock.now < end {
            try await Task.sleep(for: .seconds(2))
            guard let syncId = recent.takeForRetry() else { continue }
            do {
                _ = try await client.retryFailedItems(RetryFailedItemsRequest(
                    scope: RetryScope(scope: .sync(SyncRetryScope(syncId: syncId))), reason: "soak", idempotencyKey: "soak-retry-\(syncId)-\(n)"))
                counters.add("retry jobs")
            } catch {
                counters.unexpected("retry", error)
            }
            n += 1
        }
    }

    /// A new connection every 100 ms: Health check, close.
    private static func churn(target: String, until end: ContinuousClock.Instant, counters: SoakCounters) async {
        while ContinuousClock.now < end {
            do {
                let client = try SyncHealthClient(target: target, timeout: .seconds(10))
                _ = try await client.healthCheck(HealthCheckRequest())
                client.close()
                counters.add("connections opened")
            } catch {
                counters.unexpected("churn", error)
            }
            try? await Task.sleep(for: .milliseconds(100))
        }
    }

    /// Every 250 ms a raw client sends the preface and part of a frame, then
    /// vanishes (a reset every other time, a plain close otherwise).
    private static func vanish(port: UInt16, until end: ContinuousClock.Instant, counters: SoakCounters) async {
        var n = 0
        while ContinuousClock.now < end {
            let reset = n % 2 == 0
            let done = await BlockingWork.run("synchealth.soak.vanish") { VanishingClient.connectAndVanish(port: port, reset: reset) }
            if done { counters.add("vanished mid-frame") }
            n += 1
            try? await Task.sleep(for: .milliseconds(250))
        }
    }
}

/// Syncs the soak recorded, for readers and retries to pick from.
final class RecentSyncs: Sendable {
    private struct State {
        var syncs: [(syncId: String, company: String)] = []
        var notRetried: [String] = []
    }
    private let state = Locked(State())

    func add(syncId: String, company: String) {
        state.withLock { state in
            state.syncs.append((syncId, company))
            if state.syncs.count > 5_000 { state.syncs.removeFirst(1_000) }
            state.notRetried.append(syncId)
            if state.notRetried.count > 1_000 { state.notRetried.removeFirst(200) }
        }
    }

    func pick(_ random: UInt64) -> (String, String)? {
        state.withLock { state in
            state.syncs.isEmpty ? nil : state.syncs[Int(random % UInt64(state.syncs.count))]
        }
    }

    func takeForRetry() -> String? { state.withLock { $0.notRetried.popLast() } }
}
