import SyncHealthWire

/// One enum of the API: its Swift values and a message field that holds it.
struct EnumCase: Sendable {
    /// Full proto name, e.g. "synchealth.v1.Product".
    let protoName: String
    /// `allKnown` as wire numbers.
    let numbers: [Int32]
    /// One vector per known value, set on a singular field of some message.
    let vectors: @Sendable (ApiSnapshot) throws -> [Vector]

    init<E, M: WireMessage>(_ protoName: String, _ all: [E], raw: @escaping @Sendable (E) -> Int32, field: String, _ make: @escaping @Sendable (E) -> M) where E: Sendable {
        self.protoName = protoName
        numbers = all.map(raw)
        vectors = { snapshot in
            try all.map { value in
                let number = raw(value)
                let name = try EnumVectors.name(protoName, number, snapshot)
                return Vector("enum-\(name)", make(value), text: number == 0 ? "" : "\(field): \(name)\n")
            }
        }
    }
}

/// Every value of every enum, both ways, singular and repeated (packed).
enum EnumVectors {
    static let enums: [EnumCase] = [
        EnumCase("synchealth.v1.StatusCode", StatusCode.allKnown, raw: \.rawValue, field: "status_code") { ResponseHeader(statusCode: $0) },
        EnumCase("synchealth.v1.ServingStatus", ServingStatus.allKnown, raw: \.rawValue, field: "status") { HealthCheckResponse(status: $0) },
        EnumCase("synchealth.v1.SyncStatusCode", SyncStatusCode.allKnown, raw: \.rawValue, field: "status_code") { Sync(statusCode: $0) },
        EnumCase("synchealth.v1.StatusCategory", StatusCategory.allKnown, raw: \.rawValue, field: "category") { CompanySync(category: $0) },
        EnumCase("synchealth.v1.Product", Product.allKnown, raw: \.rawValue, field: "product") { Sync(product: $0) },
        EnumCase("synchealth.v1.PushItemStatus", PushItemStatus.allKnown, raw: \.rawValue, field: "status") { PushItem(status: $0) },
        EnumCase("synchealth.v1.AttemptTrigger", AttemptTrigger.allKnown, raw: \.rawValue, field: "trigger") { PushAttempt(trigger: $0) },
        EnumCase("synchealth.v1.RetryJobState", RetryJobState.allKnown, raw: \.rawValue, field: "state") { RetryJob(state: $0) },
        EnumCase("synchealth.v1.SyncSortField", SyncSortField.allKnown, raw: \.rawValue, field: "sort_by") { ListSyncsRequest(sortBy: $0) },
        EnumCase("synchealth.v1.SortOrder", SortOrder.allKnown, raw: \.rawValue, field: "order") { ListSyncsRequest(order: $0) },
        EnumCase("synchealth.v1.SkipReason", SkipReason.allKnown, raw: \.rawValue, field: "reason") { SkipCount(reason: $0) },
        EnumCase("synchealth.v1.PushOutcome", PushOutcome.allKnown, raw: \.rawValue, field: "outcome") { PushResponse(outcome: $0) },
        EnumCase("synchealth.v1.ConfigChangeKind", ConfigChangeKind.allKnown, raw: \.rawValue, field: "kind") { ConfigChange(kind: $0) },
        EnumCase("synchealth.v1.ConfigDiffState", ConfigDiffState.allKnown, raw: \.rawValue, field: "state") { ConfigDiff(state: $0) },
        EnumCase("synchealth.v1.AlertKind", AlertKind.allKnown, raw: \.rawValue, field: "kind") { AlertRule(kind: $0) },
        EnumCase("synchealth.v1.AlertDeliveryState", AlertDeliveryState.allKnown, raw: \.rawValue, field: "state") { AlertDelivery(state: $0) },
    ]

    static func name(_ enumName: String, _ number: Int32, _ snapshot: ApiSnapshot) throws -> String {
        guard let name = snapshot.enumValueName(enumName, number) else {
            throw BatchError(text: "\(enumName) has no value \(number) in proto/")
        }
        return name
    }

    /// Every value in one packed repeated field, in `allKnown` order.
    static func repeatedVectors(_ snapshot: ApiSnapshot) throws -> [Vector] {
        func lines(_ field: String, _ enumName: String, _ numbers: [Int32]) throws -> String {
            try numbers.map { "\(field): \(try name(enumName, $0, snapshot))\n" }.joined()
        }
        return [
            Vector("all-status-codes", FilterRetryScope(statusCodes: SyncStatusCode.allKnown),
                   text: try lines("status_codes", "synchealth.v1.SyncStatusCode", SyncStatusCode.allKnown.map(\.rawValue))),
            Vector("all-categories", ListSyncsRequest(categories: StatusCategory.allKnown),
                   text: try lines("categories", "synchealth.v1.StatusCategory", StatusCategory.allKnown.map(\.rawValue))),
            Vector("all-statuses", ListPushItemsRequest(statuses: PushItemStatus.allKnown),
                   text: try lines("statuses", "synchealth.v1.PushItemStatus", PushItemStatus.allKnown.map(\.rawValue))),
            Vector("all-states", ListRetryJobsRequest(states: RetryJobState.allKnown),
                   text: try lines("states", "synchealth.v1.RetryJobState", RetryJobState.allKnown.map(\.rawValue))),
        ]
    }

    static func all(_ snapshot: ApiSnapshot) throws -> [Vector] {
        try enums.flatMap { try $0.vectors(snapshot) } + repeatedVectors(snapshot)
    }
}
