import SyncHealthStorage
public import SyncHealthWire

extension RelationalStore {
    /// See `RetryStore.listRetryJobs`. Newest first (created_at, then job_id,
    /// descending), with keyset pagination; an unknown sync_id matches no job.
    public func listRetryJobs(_ request: ListRetryJobsRequest) throws(RPCError) -> ListRetryJobsResponse {
        let plan = try RetryJobListPlan(request)
        return try guarded {
            try read { connection in
                var jobs = try connection.all(plan.page.sql, plan.page.arguments) { RetryJobRow.decode($0).job }
                guard jobs.count > plan.pageSize else { return ListRetryJobsResponse(jobs: jobs) }
                jobs.removeLast(jobs.count - plan.pageSize)
                let token = jobs.last.map {
                    PageToken.encode(
                        PageCursor(key: .integer($0.createdAtMs), tiebreak: $0.jobId),
                        kind: .retryJobs, fingerprint: plan.fingerprint)
                } ?? ""
                return ListRetryJobsResponse(jobs: jobs, nextPageToken: token)
            }
        }
    }
}

/// A validated ListRetryJobs request as SQL. Pure.
struct RetryJobListPlan {
    var pageSize: Int
    var fingerprint: [UInt8]
    /// One page plus one row, to tell whether another page follows.
    var page: SQLQuery

    init(_ request: ListRetryJobsRequest) throws(RPCError) {
        pageSize = try FieldRules.pageSize(request.pageSize)
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
        fingerprint = print.bytes

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
        if !request.pageToken.isEmpty {
            let cursor = try PageToken.decode(request.pageToken, kind: .retryJobs, fingerprint: fingerprint)
            guard case .integer(let createdAt) = cursor.key else { throw PageToken.invalid }
            conditions.append("(created_at, job_id) < (?, ?)")
            arguments += [.integer(createdAt), .text(cursor.tiebreak)]
        }
        arguments.append(.integer(Int64(pageSize) + 1))
        page = SQLQuery("""
            SELECT \(RetryJobRow.columns) FROM retry_jobs \
            WHERE \(conditions.isEmpty ? "TRUE" : conditions.joined(separator: " AND ")) \
            ORDER BY created_at DESC, job_id DESC LIMIT ?
            """, arguments)
    }
}
