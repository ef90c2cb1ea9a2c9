package import SyncHealthWire

/// The rules an alert rule must meet, as pure code. A field that does not
/// belong to the rule's kind must be left unset, so a rule never silently
/// ignores what its author meant (a company on a platform rule, say).
package enum AlertRuleValidation {
    /// At most this many rules: every event is checked against each one of
    /// its kind, in the event's transaction.
    package static let maxRules = 1_000
    /// The longest webhook URL accepted.
    package static let maxURLBytes = 2_048
    /// Windows run from a minute to thirty days.
    package static let windowRange: ClosedRange<Int64> = 60_000...(30 * 86_400_000)

    /// Checks `rule` and returns it as it will be stored: server-set fields
    /// cleared, status codes sorted without repeats.
    package static func validated(_ rule: AlertRule) throws(RPCError) -> AlertRule {
        var rule = rule
        rule.ruleId = ""
        rule.createdAtMs = 0
        rule.createdBy = ""
        try FieldRules.identifier(rule.name, "rule.name")
        try webhookURL(rule.webhookUrl)
        var allowed: Set<String>
        switch rule.kind {
        case .syncFailed:
            allowed = ["company_id", "status_codes"]
            try FieldRules.identifier(rule.companyId, "rule.company_id", required: false)
            try FieldRules.filterCount(rule.statusCodes.count, "rule.status_codes")
            for code in rule.statusCodes where !(code.isKnownStatus && code.category == .failed) {
                throw .invalidArgument("rule.status_codes must hold failed status codes (4000-5999); got \(code.rawValue)")
            }
            rule.statusCodes = Set(rule.statusCodes.map(\.rawValue)).sorted().map(SyncStatusCode.init(rawValue:))
        case .errorGroupNew, .retryJobPartiallyFailed:
            allowed = []
        case .errorGroupThreshold:
            allowed = ["threshold", "window_ms"]
            guard rule.threshold >= 1 else { throw .invalidArgument("rule.threshold must be at least 1") }
            try window(rule.windowMs)
        case .platformFailureRate:
            allowed = ["target_platform", "failure_rate_percent", "window_ms", "minimum_syncs"]
            guard !rule.targetPlatform.isEmpty else { throw .invalidArgument("rule.target_platform must not be empty") }
            try FieldRules.key(rule.targetPlatform, "rule.target_platform", maxBytes: Limits.maxPlatformKeyBytes)
            guard (1...100).contains(rule.failureRatePercent) else {
                throw .invalidArgument("rule.failure_rate_percent must be between 1 and 100")
            }
            try window(rule.windowMs)
            guard rule.minimumSyncs >= 1 else { throw .invalidArgument("rule.minimum_syncs must be at least 1") }
        case .unspecified, .unrecognized:
            throw .invalidArgument("rule.kind must be a known alert kind")
        }
        let set: [(String, Bool)] = [
            ("company_id", !rule.companyId.isEmpty), ("status_codes", !rule.statusCodes.isEmpty),
            ("threshold", rule.threshold != 0), ("window_ms", rule.windowMs != 0),
            ("target_platform", !rule.targetPlatform.isEmpty), ("failure_rate_percent", rule.failureRatePercent != 0),
            ("minimum_syncs", rule.minimumSyncs != 0),
        ]
        if let stray = set.first(where: { $0.1 && !allowed.contains($0.0) }) {
            throw .invalidArgument("rule.\(stray.0) does not apply to \(rule.kind.name) rules")
        }
        return rule
    }

    /// https://HOST[:PORT][/PATH], or http:// to a loopback host (a receiver
    /// on the same machine; nothing else travels in the clear).
    package static func webhookURL(_ url: String) throws(RPCError) {
        guard !url.isEmpty else { throw .invalidArgument("rule.webhook_url must not be empty") }
        try FieldRules.length(url, "rule.webhook_url", maxBytes: maxURLBytes)
        guard !url.unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value == 0x7F }) else {
            throw .invalidArgument("rule.webhook_url must not contain spaces or control characters")
        }
        let lower = url.lowercased()
        let secure = lower.hasPrefix("https://")
        guard secure || lower.hasPrefix("http://") else {
            throw .invalidArgument("rule.webhook_url must be an https:// URL")
        }
        let rest = lower.dropFirst(secure ? 8 : 7)
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        guard !authority.isEmpty, !authority.contains("@") else {
            throw .invalidArgument("rule.webhook_url must name a host (and no user or password)")
        }
        let host: Substring
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { throw .invalidArgument("rule.webhook_url has an unclosed [") }
            host = authority[authority.index(after: authority.startIndex)..<close]
        } else {
            host = authority.prefix { $0 != ":" }
        }
        guard !host.isEmpty else { throw .invalidArgument("rule.webhook_url must name a host") }
        if !secure && !["127.0.0.1", "localhost", "::1"].contains(String(host)) {
            throw .invalidArgument("rule.webhook_url must be https:// (http:// only to 127.0.0.1, ::1 or localhost)")
        }
    }

    private static func window(_ windowMs: Int64) throws(RPCError) {
        guard windowRange.contains(windowMs) else {
            throw .invalidArgument("rule.window_ms must be between 60000 (a minute) and 2592000000 (30 days)")
        }
    }
}
