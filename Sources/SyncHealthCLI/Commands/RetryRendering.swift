import SyncHealthJSON
import SyncHealthWire

/// How retry previews and jobs look in the terminal and as JSON.
struct RetryRendering {
    let time: TimeText

    static func word(_ state: RetryJobState) -> String {
        switch state {
        case .queued: return "queued"
        case .running: return "running"
        case .succeeded: return "succeeded"
        case .partiallyFailed: return "partially failed"
        case .failed: return "failed"
        case .cancelled: return "cancelled"
        case .unspecified: return "-"
        case .unrecognized(let n): return "state-\(n)"
        }
    }

    static func word(_ reason: SkipReason) -> String {
        switch reason {
        case .notFailed: return "not failed (pending)"
        case .alreadySucceeded: return "already succeeded"
        case .notRetryable: return "not retryable (platform rejected it)"
        case .syncInProgress: return "sync still in progress"
        case .alreadyQueued: return "already queued in another job"
        case .syncStatusNotRetryable: return "sync status cannot be fixed by retrying"
        case .unspecified: return "-"
        case .unrecognized(let n): return "reason-\(n)"
        }
    }

    /// A few words for the preview table.
    static func shortWord(_ reason: SkipReason) -> String {
        switch reason {
        case .notFailed: return "pending"
        case .alreadySucceeded: return "succeeded"
        case .notRetryable: return "not retryable"
        case .syncInProgress: return "sync running"
        case .alreadyQueued: return "queued elsewhere"
        case .syncStatusNotRetryable: return "sync status"
        default: return word(reason)
        }
    }

    func preview(_ p: RetryPreview, dryRun: Bool) -> String {
        var lines: [String] = []
        lines.append(dryRun ? "Dry run: nothing was changed." : "Retry requested.")
        lines.append("  would retry \(p.wouldRetry) item\(p.wouldRetry == 1 ? "" : "s"), skip \(p.wouldSkip)")
        if !p.byDataType.isEmpty {
            lines.append("  to retry by data type: " + p.byDataType.map { "\($0.dataType) \($0.counts?.total ?? 0)" }.joined(separator: ", "))
        }
        if !p.skipped.isEmpty {
            lines.append("  skipped:")
            for skip in p.skipped { lines.append("    \(skip.count)  \(Self.word(skip.reason))") }
        }
        if !p.items.isEmpty {
            lines.append("")
            let table = TextTable(
                columns: [.init("SYNC", minWidth: 8), .init("ITEM", minWidth: 8), .init("CORE ID", minWidth: 10),
                          .init("DATA TYPE", minWidth: 9), .init("ACTION", minWidth: 12)],
                rows: p.items.prefix(25).map { item in
                    [String(item.syncId.prefix(8)), String(item.itemId.prefix(8)), item.coreId, item.dataType,
                     item.willRetry ? "retry" : "skip: " + Self.shortWord(item.skipReason)]
                }
            )
            lines.append(table.render())
            if p.items.count > 25 { lines.append("… and \(p.items.count - 25) more in the preview (--format json shows all)") }
        }
        return lines.joined(separator: "\n")
    }

    func job(_ job: RetryJob) -> String {
        let c = job.counts ?? RetryCounts()
        var lines = [
            "Job         \(job.jobId)",
            "State       \(Self.word(job.state))",
            "Requested   \(time.format(job.createdAtMs)) \(time.zoneName) by \(job.requestedBy)",
            "Reason      \(job.reason)",
            "Scope       \(scope(job.scope))",
            "Items       \(c.total) total: \(c.succeeded) succeeded, \(c.failed) failed, \(c.pending) pending, \(c.skipped) skipped",
        ]
        if job.startedAtMs != 0 { lines.append("Started     \(time.format(job.startedAtMs)) \(time.zoneName)") }
        if job.finishedAtMs != 0 { lines.append("Finished    \(time.format(job.finishedAtMs)) \(time.zoneName)") }
        if job.force { lines.append("Forced      non-retryable items included") }
        if !job.cancelledBy.isEmpty { lines.append("Cancelled   by \(job.cancelledBy)") }
        return lines.joined(separator: "\n")
    }

    func scope(_ scope: RetryScope?) -> String {
        switch scope?.scope {
        case .sync(let s)?:
            var text = "sync \(s.syncId)"
            if !s.itemIds.isEmpty { text += ", \(s.itemIds.count) chosen item(s)" }
            if !s.dataTypes.isEmpty { text += ", data types \(s.dataTypes.joined(separator: ","))" }
            return text
        case .filter(let f)?:
            var parts: [String] = []
            if !f.statusCodes.isEmpty { parts.append("status \(f.statusCodes.map { String($0.rawValue) }.joined(separator: ","))") }
            if !f.targetPlatform.isEmpty { parts.append("target \(f.targetPlatform)") }
            if !f.sourcePlatform.isEmpty { parts.append("source \(f.sourcePlatform)") }
            if !f.companyId.isEmpty { parts.append("company \(f.companyId)") }
            if f.startedFromMs != 0 { parts.append("from \(time.format(f.startedFromMs, seconds: false))") }
            if f.startedToMs != 0 { parts.append("to \(time.format(f.startedToMs, seconds: false))") }
            if !f.dataTypes.isEmpty { parts.append("data types \(f.dataTypes.joined(separator: ","))") }
            return "filter: " + (parts.isEmpty ? "all syncs" : parts.joined(separator: ", "))
        case nil:
            return "-"
        }
    }

    /// The jobs table: ids cut to 12 characters (jobs show/cancel accept
    /// any unique prefix), times without the year.
    func jobsTable(_ jobs: [RetryJob]) -> String {
        TextTable(
            columns: [.init("JOB", minWidth: 12), .init("STATE", minWidth: 9), .init("CREATED", minWidth: 11),
                      .init("BY", minWidth: 8), .init("TOTAL", minWidth: 5, alignRight: true), .init("OK", alignRight: true),
                      .init("FAIL", alignRight: true), .init("SKIP", alignRight: true), .init("REASON", minWidth: 8)],
            rows: jobs.map { job in
                let c = job.counts ?? RetryCounts()
                return [String(job.jobId.prefix(12)), Self.word(job.state), String(time.format(job.createdAtMs, seconds: false).dropFirst(5)),
                        job.requestedBy, String(c.total), String(c.succeeded), String(c.failed), String(c.skipped), job.reason]
            }
        ).render()
    }

    func jobJSON(_ job: RetryJob) -> JSONValue {
        let c = job.counts ?? RetryCounts()
        return .object([
            ("jobId", .string(job.jobId)), ("state", .string(Self.word(job.state))), ("scope", .string(scope(job.scope))),
            ("requestedBy", .string(job.requestedBy)), ("reason", .string(job.reason)),
            ("createdAtMs", .int(job.createdAtMs)), ("startedAtMs", .int(job.startedAtMs)), ("finishedAtMs", .int(job.finishedAtMs)),
            ("counts", .object([("total", .int(c.total)), ("succeeded", .int(c.succeeded)), ("failed", .int(c.failed)),
                                ("pending", .int(c.pending)), ("skipped", .int(c.skipped))])),
            ("force", .bool(job.force)), ("cancelledBy", .string(job.cancelledBy)), ("idempotencyKey", .string(job.idempotencyKey)),
        ])
    }

    func json(_ response: RetryFailedItemsResponse) -> JSONValue {
        let p = response.preview ?? RetryPreview()
        return .object([
            ("job", response.job.map(jobJSON) ?? .null),
            ("existing", .bool(response.existing)),
            ("preview", .object([
                ("wouldRetry", .int(p.wouldRetry)), ("wouldSkip", .int(p.wouldSkip)),
                ("byDataType", .array(p.byDataType.map { .object([("dataType", .string($0.dataType)), ("count", .int($0.counts?.total ?? 0))]) })),
                ("skipped", .array(p.skipped.map { .object([("reason", .string(Self.word($0.reason))), ("count", .int($0.count))]) })),
                ("items", .array(p.items.map { .object([
                    ("syncId", .string($0.syncId)), ("itemId", .string($0.itemId)), ("coreId", .string($0.coreId)),
                    ("dataType", .string($0.dataType)), ("willRetry", .bool($0.willRetry)),
                    ("skipReason", $0.willRetry ? .null : .string(Self.word($0.skipReason))),
                ]) })),
            ])),
        ])
    }
}
