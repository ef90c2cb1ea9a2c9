/// How the suite runs: where things are, and the workload sizes (`summary`,
/// which the report prints; each size readable as `options.runs` etc.).
@dynamicMemberLookup
public struct SuiteOptions: Sendable {
    /// The data set (built, or taken from the cache).
    public var spec: DataSetSpec
    /// Where the cached data set and the working copies live.
    public var workDirectory: String
    /// The synchealthd executable (release build).
    public var serverExecutable: String
    /// The echo floor binary (tools/bench/echo.c, compiled); skipped when missing.
    public var echoBinary: String
    /// Most calls per measurement.
    public var maxCalls: Int
    /// The workload sizes, as the report prints them.
    public var summary: Summary

    /// The workload sizes, declared once.
    public struct Summary: Sendable, Codable {
        /// Repetitions of every measurement (median and spread are reported).
        public var runs: Int
        /// Length of each latency / throughput measurement.
        public var durationSeconds: Double
        /// Connections and calls in flight each for the pipelined GetSync row.
        public var pipelinedConnections: Int
        public var pipelinedInFlight: Int
        /// RecordPushItems batches (of `batchSize` items) per run.
        public var writeBatches: Int
        public var batchSize: Int
        /// Syncs ingested over RPC per run (into an empty database).
        public var ingestSyncs: Int
        /// Idle connections held open for the RSS row.
        public var idleConnections: Int
        /// Page reached through the cursor for the deep-page row.
        public var deepPage: Int
        /// SQL floor repetitions per run.
        public var floorCalls: Int
        /// Retry executor: items for the no-latency row (default executor settings).
        public var retryItems: Int
        /// Retry executor with sandbox latency: the latency, the per-platform
        /// limit, and the worker counts tried.
        public var retryLatencyMs: Int64 = 50
        public var retryPlatformLimit = 8
        public var retryConcurrencyList = [1, 2, 4, 8, 16]
    }

    /// A workload size: `options.runs` is `options.summary.runs`.
    public subscript<T>(dynamicMember keyPath: WritableKeyPath<Summary, T>) -> T {
        get { summary[keyPath: keyPath] }
        set { summary[keyPath: keyPath] = newValue }
    }

    /// Length of each latency / throughput measurement.
    public var duration: Duration {
        get { .milliseconds(Int64((summary.durationSeconds * 1_000).rounded())) }
        set { summary.durationSeconds = newValue.seconds }
    }

    /// Creates options with the workloads; sizes as given.
    public init(
        spec: DataSetSpec, workDirectory: String, serverExecutable: String, echoBinary: String,
        runs: Int = 3, duration: Duration = .seconds(5), maxCalls: Int = 2_000_000,
        pipelinedConnections: Int = 16, pipelinedInFlight: Int = 8, writeBatches: Int = 50, batchSize: Int = 1_000,
        ingestSyncs: Int = 2_000, idleConnections: Int = 1_000, deepPage: Int = 1_000, floorCalls: Int = 2_000,
        retryItems: Int = 5_000
    ) {
        self.spec = spec
        self.workDirectory = workDirectory
        self.serverExecutable = serverExecutable
        self.echoBinary = echoBinary
        self.maxCalls = maxCalls
        summary = Summary(
            runs: runs, durationSeconds: duration.seconds, pipelinedConnections: pipelinedConnections,
            pipelinedInFlight: pipelinedInFlight, writeBatches: writeBatches, batchSize: batchSize,
            ingestSyncs: ingestSyncs, idleConnections: idleConnections, deepPage: deepPage, floorCalls: floorCalls,
            retryItems: retryItems)
    }
}
