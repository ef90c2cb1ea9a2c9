public import SyncHealthWire

/// What a worker asks the queue for.
public struct RetryLeaseRequest: Sendable, Hashable {
    /// Who leases: recorded on the task (with a per-lease suffix).
    public var owner: String
    /// The current time, ms since the epoch.
    public var now: Int64
    /// How long the lease lasts; after that another worker may take the
    /// attempt again. Must exceed the push timeout.
    public var leaseDurationMs: Int64
    /// Most attempts to lease.
    public var limit: Int
    /// Most attempts in flight per target platform, counting unexpired leases
    /// in the database (any process) and `inFlight`; nil for no limit.
    public var perPlatformLimit: Int?
    /// Attempts the caller already has in flight, per target platform.
    public var inFlight: [String: Int]

    /// Creates a request.
    /// - Precondition: `leaseDurationMs > 0`, `limit >= 0`, `perPlatformLimit` nil or >= 1.
    public init(owner: String, now: Int64, leaseDurationMs: Int64, limit: Int, perPlatformLimit: Int? = nil, inFlight: [String: Int] = [:]) {
        precondition(leaseDurationMs > 0 && limit >= 0, "lease duration must be positive and limit not negative")
        precondition(perPlatformLimit.map { $0 >= 1 } ?? true, "perPlatformLimit must be at least 1")
        self.owner = owner
        self.now = now
        self.leaseDurationMs = leaseDurationMs
        self.limit = limit
        self.perPlatformLimit = perPlatformLimit
        self.inFlight = inFlight
    }
}

/// One leased attempt: everything the connector call needs.
public struct RetryLease: Sendable, Hashable {
    /// The queue row.
    public var taskId: Int64
    /// The lease's owner string; completing the attempt must present it.
    public var leaseOwner: String
    /// When the lease expires, ms since the epoch.
    public var leaseExpiresAtMs: Int64
    /// The job that made the attempt.
    public var jobId: String
    /// Attempts this job has made for the item, this one included.
    public var attemptsMade: Int
    /// True when an earlier lease of the same attempt expired (a worker
    /// crashed or stalled): the attempt may already have been delivered.
    public var isRedelivery: Bool
    /// The push: idempotency key, attempt number, item and sync.
    public var request: PushRequest

    /// Creates a lease.
    public init(taskId: Int64, leaseOwner: String, leaseExpiresAtMs: Int64, jobId: String, attemptsMade: Int, isRedelivery: Bool, request: PushRequest) {
        self.taskId = taskId
        self.leaseOwner = leaseOwner
        self.leaseExpiresAtMs = leaseExpiresAtMs
        self.jobId = jobId
        self.attemptsMade = attemptsMade
        self.isRedelivery = isRedelivery
        self.request = request
    }

    /// The item's accounting platform.
    public var targetPlatform: String { request.targetPlatform }
}

/// The outcome of one leased attempt.
public struct RetryAttemptResult: Sendable, Hashable {
    /// `RetryLease.taskId`.
    public var taskId: Int64
    /// `RetryLease.leaseOwner`.
    public var leaseOwner: String
    /// `RetryLease.request.attemptNumber`.
    public var attemptNumber: Int32
    /// The connector's answer.
    public var response: PushResponse
    /// When to try the item again, or nil when this outcome is final.
    public var requeueAtMs: Int64?

    /// Creates a result for `lease`.
    public init(lease: RetryLease, response: PushResponse, requeueAtMs: Int64?) {
        self.taskId = lease.taskId
        self.leaseOwner = lease.leaseOwner
        self.attemptNumber = lease.request.attemptNumber
        self.response = response
        self.requeueAtMs = requeueAtMs
    }
}

/// What recording an attempt's outcome did.
public enum RetryCompletion: Sendable, Hashable {
    /// Recorded; the job is now in `jobState`.
    case recorded(jobState: RetryJobState)
    /// The lease expired and the attempt was taken by someone else (or
    /// already recorded): nothing was written.
    case leaseLost
}

/// The queue's size.
public struct RetryBacklog: Sendable, Hashable {
    /// Tasks waiting for an attempt (due or backing off).
    public var queued: Int64
    /// Tasks with an attempt in flight (or a lease waiting to expire).
    public var leased: Int64
    /// The earliest time a queued task falls due or a lease expires; nil
    /// when the queue is empty.
    public var nextDueAtMs: Int64?

    /// Creates a backlog.
    public init(queued: Int64 = 0, leased: Int64 = 0, nextDueAtMs: Int64? = nil) {
        self.queued = queued
        self.leased = leased
        self.nextDueAtMs = nextDueAtMs
    }

    /// Nothing queued and nothing leased.
    public var isEmpty: Bool { queued == 0 && leased == 0 }
}
