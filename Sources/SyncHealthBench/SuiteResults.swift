/// One measured run of one workload.
public struct RowRun: Sendable, Codable {
    /// What the load generator saw.
    public var load: LoadResult
    /// Server user + system CPU seconds during the run.
    public var serverCPUSeconds: Double
}

/// Everything one suite measured; `MarkdownReport` renders it.
public struct SuiteResults: Sendable, Codable {
    /// The machine.
    public var machine: MachineInfo
    /// `swift --version`'s first line, as given by the caller.
    public var swiftVersion: String
    /// When the suite started (UTC, ISO 8601).
    public var date: String
    /// The data set served.
    public var spec: DataSetSpec
    /// The options, for the report.
    public var options: SuiteOptions.Summary
    /// Load averages (1, 5, 15 min) at the start of each run.
    public var loadAverages: [String] = []
    /// Workload runs by row id (`SuiteRow.rawValue`).
    public var rows: [String: [RowRun]] = [:]
    /// Floor runs by floor id (`SuiteFloor.rawValue`).
    public var floors: [String: [LatencySummary]] = [:]
    /// Server VmRSS with the idle connections open, one per run, bytes.
    public var idleRSS: [Int] = []
    /// Server VmHWM at the end of the read/write runs, bytes.
    public var peakRSS = 0
    /// Retry executor points by id ("no-latency", "latency-c<N>"), one per run.
    public var retry: [String: [RetryBench.Point]] = [:]
    /// Page number reached for the deep-page row.
    public var deepPage = 0
    /// Request / response frame sizes of the GetSync call, bytes.
    public var getSyncRequestBytes = 0
    public var getSyncResponseBytes = 0
}

/// The workloads measured through the RPC stack.
public enum SuiteRow: String, CaseIterable, Sendable {
    case getSync1x1 = "getsync-1x1"
    case getSync16Pipelined = "getsync-16xM"
    case listCompanyFailed = "list-company-failed"
    case listPage1 = "list-page-1"
    case listPageDeep = "list-page-deep"
    case dashboard30Days = "dashboard-30d"
    case recordPushItems = "record-push-items-1000"
    case ingest = "ingest-rpc"
}

/// The floors measured next to them.
public enum SuiteFloor: String, CaseIterable, Sendable {
    case echoGetSync = "echo-getsync"
    case sqlGetSync = "sql-getsync"
    case sqlListCompanyFailed = "sql-list-company-failed"
    case sqlListPage1 = "sql-list-page-1"
    case sqlListPageDeep = "sql-list-page-deep"
    case sqlDashboard = "sql-dashboard-30d"
}
