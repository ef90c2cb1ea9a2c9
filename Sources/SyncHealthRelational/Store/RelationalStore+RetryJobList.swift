import SyncHealthStorage
public import SyncHealthWire

extension RelationalStore {
    /// See `RetryStore.listRetryJobs`. Newest first (created_at, then job_id,
    /// descending), with keyset pagination; an unknown sync_id matches no job.
    public func listRetryJobs(_ request: ListRetryJobsRequest) throws(RPCError) -> ListRetryJobsResponse {
        let plan = try RetryJobListPlan(request).page
        return try guarded {
            try read { connection in
                let page = plan.cut(try connection.all(plan.query) { RetryJobRow.decode($0).job }) { ($0.createdAtMs, $0.jobId) }
                return ListRetryJobsResponse(jobs: page.rows, nextPageToken: page.nextPageToken)
            }
        }
    }
}

/// A validated ListRetryJobs request as SQL. Pure.
struct RetryJobListPlan {
    var page: NewestFirstPage

    init(_ request: ListRetryJobsRequest) throws(RPCError) {
        let pageSize = try FieldRules.pageSize(request.pageSize)
        try FieldRules.filterCount(request.states.count, "states")
        for state in request.states {
            switch state {
            case .queued, .running, .succeeded, .partiallyFailed, .failed, .cancelled: break
            case .unspecified, .unrecognized:
                throw .invalidArgument("states must hold known job states (got \(state.rawValue))")
            }
        }
        let states = Set(request.states.map { Int64($0.rawValue) }).sorted()
        try FieldRules.identifier(request.syncId, "sync_id", required: false)

        var print = FilterFingerprint(kind: .retryJobs)
        print.add(states)
        print.add(request.syncId.isEmpty ? "-" : "s" + request.syncId)

        var conditions: [String] = []
        var arguments: [SQLValue] = []
        if !states.isEmpty {
            conditions.append("state IN (\(SyncQueryPlanner.placeholders(states.count)))")
            arguments += states.map(SQLValue.integer)
        }
        if !request.syncId.isEmpty {
            conditions.append("""
                id IN (SELECT t.job_ref FROM retry_tasks t
                       WHERE t.sync_ref = (SELECT s.id FROM syncs s WHERE s.sync_id = ?))
                """)
            arguments.append(.text(request.syncId))
        }
        page = try NewestFirstPage(
            select: RetryJobRow.columns, from: "retry_jobs", id: "job_id", conditions: conditions, arguments: arguments,
            pageSize: pageSize, pageToken: request.pageToken, kind: .retryJobs, fingerprint: print.bytes)
    }
}
