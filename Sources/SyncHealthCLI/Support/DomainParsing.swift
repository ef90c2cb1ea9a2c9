public import SyncHealthWire

/// Parses the CLI's words for statuses, products and sort orders.
public enum DomainParsing {
    /// Status filter values: a numeric code ("5130") or a category
    /// ("in-progress", "success", "failed").
    public static func statusFilter(_ values: [String]) throws -> (codes: [SyncStatusCode], categories: [StatusCategory]) {
        var codes: [SyncStatusCode] = []
        var categories: [StatusCategory] = []
        for raw in values.flatMap({ $0.split(separator: ",").map(String.init) }) {
            let value = raw.lowercased()
            if let number = Int32(value) {
                let code = SyncStatusCode(rawValue: number)
                guard case .unrecognized = code else {
                    if code == .unspecified { throw CLIInputError("status code 0 is not a status") }
                    codes.append(code)
                    continue
                }
                throw CLIInputError("unknown status code \(number); known: " + SyncStatusCode.allKnown.dropFirst().map { String($0.rawValue) }.joined(separator: ", "))
            }
            switch value {
            case "in-progress", "in_progress", "inprogress", "running": categories.append(.inProgress)
            case "success", "succeeded", "ok": categories.append(.success)
            case "failed", "failure", "error": categories.append(.failed)
            default: throw CLIInputError("unknown status '\(raw)'; use a code such as 5130 or in-progress, success, failed")
            }
        }
        return (codes, categories)
    }

    /// Push item statuses: pending, success, failed, timed-out.
    public static func itemStatuses(_ values: [String]) throws -> [PushItemStatus] {
        try values.flatMap { $0.split(separator: ",").map(String.init) }.map { raw in
            switch raw.lowercased() {
            case "pending": return .pending
            case "success", "succeeded": return .success
            case "failed": return .failed
            case "timed-out", "timed_out", "timedout", "timeout": return .timedOut
            default: throw CLIInputError("unknown item status '\(raw)'; use pending, success, failed or timed-out")
            }
        }
    }

    /// "commerce" or "expenses".
    public static func product(_ value: String?) throws -> Product {
        guard let value else { return .unspecified }
        switch value.lowercased() {
        case "commerce": return .commerce
        case "expenses": return .expenses
        default: throw CLIInputError("unknown product '\(value)'; use commerce or expenses")
        }
    }

    /// "started", "finished", "duration", "status", "company".
    public static func sortField(_ value: String) throws -> SyncSortField {
        switch value.lowercased() {
        case "started", "start", "started-at": return .startedAt
        case "finished", "end", "finished-at": return .finishedAt
        case "duration": return .duration
        case "status", "status-code": return .statusCode
        case "company": return .company
        default: throw CLIInputError("unknown sort '\(value)'; use started, finished, duration, status or company")
        }
    }

    /// Short display word for an item status.
    public static func word(_ status: PushItemStatus) -> String {
        switch status {
        case .pending: return "pending"
        case .success: return "success"
        case .failed: return "failed"
        case .timedOut: return "timed-out"
        case .unspecified: return "-"
        case .unrecognized(let n): return "status-\(n)"
        }
    }

    /// Short display word for a product.
    public static func word(_ product: Product) -> String {
        switch product {
        case .commerce: return "commerce"
        case .expenses: return "expenses"
        case .unspecified: return "-"
        case .unrecognized(let n): return "product-\(n)"
        }
    }

    /// Short display word for an attempt trigger.
    public static func word(_ trigger: AttemptTrigger) -> String {
        switch trigger {
        case .initial: return "initial"
        case .manualRetry: return "manual retry"
        case .automaticRetry: return "auto retry"
        case .unspecified: return "-"
        case .unrecognized(let n): return "trigger-\(n)"
        }
    }
}
