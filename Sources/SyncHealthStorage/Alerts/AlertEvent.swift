package import SyncHealthJSON
package import SyncHealthWire

/// Something that happened which a rule may watch for: the facts a webhook
/// reports, its de-duplication key, and its JSON. Pure.
package enum AlertEvent: Sendable, Hashable {
    /// A sync reached a failed status.
    case syncFailed(SyncFailure)
    /// An error group was seen for the first time.
    case errorGroupNew(ErrorGroupFacts, syncId: String, companyId: String)
    /// An error group has `occurrences` within the rule's window, ending in
    /// window number `windowIndex` (now / window).
    case errorGroupThreshold(ErrorGroupFacts, occurrences: Int64, windowIndex: Int64)
    /// Of `syncs` finished syncs to a platform within the rule's window,
    /// `failed` failed; in window number `windowIndex`.
    case platformFailureRate(platform: String, syncs: Int64, failed: Int64, windowIndex: Int64)
    /// A retry job ended partially failed.
    case retryJobPartiallyFailed(RetryJob)

    /// A failed sync, as the alert reports it.
    package struct SyncFailure: Sendable, Hashable {
        package var syncId: String
        package var companyId: String
        package var statusCode: SyncStatusCode
        package var sourcePlatform: String
        package var targetPlatform: String
        package var startedAtMs: Int64

        package init(syncId: String, companyId: String, statusCode: SyncStatusCode, sourcePlatform: String, targetPlatform: String, startedAtMs: Int64) {
            self.syncId = syncId
            self.companyId = companyId
            self.statusCode = statusCode
            self.sourcePlatform = sourcePlatform
            self.targetPlatform = targetPlatform
            self.startedAtMs = startedAtMs
        }
    }

    /// An error group, as the alert reports it.
    package struct ErrorGroupFacts: Sendable, Hashable {
        package var groupId: String
        package var fingerprint: String
        package var exampleMessage: String

        package init(groupId: String, fingerprint: String, exampleMessage: String) {
            self.groupId = groupId
            self.fingerprint = fingerprint
            self.exampleMessage = exampleMessage
        }
    }

    /// The kind of rule this event concerns.
    package var kind: AlertKind {
        switch self {
        case .syncFailed: .syncFailed
        case .errorGroupNew: .errorGroupNew
        case .errorGroupThreshold: .errorGroupThreshold
        case .platformFailureRate: .platformFailureRate
        case .retryJobPartiallyFailed: .retryJobPartiallyFailed
        }
    }

    /// Unique per rule: a rule has at most one delivery per key, so an event
    /// seen again (a repeated RecordSync, a second replica's write) adds
    /// nothing. Threshold and rate events fire at most once per window.
    package var key: String {
        switch self {
        case .syncFailed(let sync): "sync/\(sync.syncId)/\(sync.statusCode.rawValue)"
        case .errorGroupNew(let group, _, _): "group/\(group.groupId)"
        case .errorGroupThreshold(let group, _, let window): "group/\(group.groupId)/window/\(window)"
        case .platformFailureRate(let platform, _, _, let window): "platform/\(platform)/window/\(window)"
        case .retryJobPartiallyFailed(let job): "job/\(job.jobId)"
        }
    }

    /// One line for operators (ListAlertDeliveries, the CLI).
    package var summary: String {
        switch self {
        case .syncFailed(let sync): "sync \(sync.syncId) of \(sync.companyId) failed with \(sync.statusCode.rawValue)"
        case .errorGroupNew(let group, let syncId, _): "new error group \(group.groupId) in sync \(syncId)"
        case .errorGroupThreshold(let group, let occurrences, _): "error group \(group.groupId) seen \(occurrences) times"
        case .platformFailureRate(let platform, let syncs, let failed, _): "\(failed) of \(syncs) syncs to \(platform) failed"
        case .retryJobPartiallyFailed(let job): "retry job \(job.jobId) ended with \(job.counts?.failed ?? 0) failed"
        }
    }

    /// The webhook body (README "Alerts" documents it), compact JSON.
    package func payload(deliveryId: String, rule: AlertRule, occurredAtMs: Int64) -> String {
        JSONValue.object([
            ("delivery_id", .string(deliveryId)),
            ("occurred_at_ms", .int(occurredAtMs)),
            ("rule", .object([
                ("rule_id", .string(rule.ruleId)), ("name", .string(rule.name)), ("kind", .string(rule.kind.name)),
            ])),
            ("summary", .string(summary)),
            ("event", details(rule: rule)),
        ]).compactText
    }

    private func details(rule: AlertRule) -> JSONValue {
        switch self {
        case .syncFailed(let sync):
            return .object([
                ("sync_id", .string(sync.syncId)), ("company_id", .string(sync.companyId)),
                ("status_code", .int(Int64(sync.statusCode.rawValue))), ("status", .string(sync.statusCode.text)),
                ("source_platform", .string(sync.sourcePlatform)), ("target_platform", .string(sync.targetPlatform)),
                ("started_at_ms", .int(sync.startedAtMs)),
            ])
        case .errorGroupNew(let group, let syncId, let companyId):
            return .object(Self.group(group) + [("sync_id", .string(syncId)), ("company_id", .string(companyId))])
        case .errorGroupThreshold(let group, let occurrences, _):
            return .object(Self.group(group) + [
                ("occurrences", .int(occurrences)), ("threshold", .int(rule.threshold)), ("window_ms", .int(rule.windowMs)),
            ])
        case .platformFailureRate(let platform, let syncs, let failed, _):
            return .object([
                ("target_platform", .string(platform)), ("syncs", .int(syncs)), ("failed", .int(failed)),
                ("failure_rate_percent", .double(syncs == 0 ? 0 : (Double(failed) * 1000 / Double(syncs)).rounded() / 10)),
                ("threshold_percent", .int(Int64(rule.failureRatePercent))), ("window_ms", .int(rule.windowMs)),
            ])
        case .retryJobPartiallyFailed(let job):
            let counts = job.counts ?? RetryCounts()
            return .object([
                ("job_id", .string(job.jobId)), ("requested_by", .string(job.requestedBy)), ("reason", .string(job.reason)),
                ("total", .int(counts.total)), ("succeeded", .int(counts.succeeded)), ("failed", .int(counts.failed)),
                ("skipped", .int(counts.skipped)),
            ])
        }
    }

    private static func group(_ group: ErrorGroupFacts) -> [JSONValue.Member] {
        [("group_id", .string(group.groupId)), ("fingerprint", .string(group.fingerprint)),
         ("example_message", .string(group.exampleMessage))]
    }
}

/// Which rules an event fires, as pure decisions over facts.
package enum AlertMatching {
    /// A failed sync fires a sync_failed rule of its company (or of any) and
    /// of its code (or of any failed code).
    package static func fires(_ rule: AlertRule, sync: AlertEvent.SyncFailure) -> Bool {
        rule.kind == .syncFailed
            && (rule.companyId.isEmpty || rule.companyId == sync.companyId)
            && (rule.statusCodes.isEmpty || rule.statusCodes.contains(sync.statusCode))
    }

    /// More than `threshold` occurrences in the window.
    package static func exceeds(_ rule: AlertRule, occurrences: Int64) -> Bool {
        rule.kind == .errorGroupThreshold && occurrences > rule.threshold
    }

    /// At least `minimum_syncs` finished, and more than the percentage of
    /// them failed (exactly, in integers).
    package static func exceeds(_ rule: AlertRule, syncs: Int64, failed: Int64) -> Bool {
        rule.kind == .platformFailureRate && syncs >= rule.minimumSyncs && syncs > 0
            && failed * 100 > Int64(rule.failureRatePercent) * syncs
    }

    /// The number of the window `now` falls in, for once-per-window events.
    package static func windowIndex(now: Int64, windowMs: Int64) -> Int64 {
        windowMs > 0 ? now / windowMs : 0
    }
}
