import SyncHealthDigest
package import SyncHealthWire

/// Limits of retry requests that only storage enforces.
package enum RetryLimits {
    /// Most items one job may cover (retried and skipped): a job is created
    /// in one write transaction, which must stay short.
    package static let maxItemsPerJob = 100_000
    /// Most item ids a sync scope may name.
    package static let maxItemIds = Limits.maxPushItemsPerBatch
    /// Longest reason of a retry or a cancellation.
    package static let maxReasonBytes = Limits.maxNoteBytes
    /// Items listed in a preview.
    package static let maxPreviewItems = 1_000
}

/// A validated RetryFailedItems request, its scope normalized (repeated
/// fields sorted and de-duplicated) so equal requests compare and store
/// equal.
package struct RetryRequestInput: Sendable, Equatable {
    package enum Scope: Sendable, Equatable {
        /// One sync, optionally narrowed to items and data types.
        case sync(syncId: String, itemIds: [String], dataTypes: [String])
        /// Every sync matching a filter, optionally narrowed to data types.
        case filter(SyncFilter, dataTypes: [String])
    }

    package var scope: Scope
    /// The normalized scope as the job records it.
    package var recordedScope: RetryScope
    package var reason: String
    package var idempotencyKey: String
    package var force: Bool
    package var dryRun: Bool

    /// What makes two requests with one key "the same request".
    package func fingerprint(requestedBy: String) -> [UInt8] {
        var writer = ByteWriter()
        writer.write(lengthPrefixed: recordedScope.serializedBytes())
        writer.write(reason)
        writer.write(UInt8(force ? 1 : 0))
        writer.write(requestedBy)
        return SHA256Digest.hash(writer.bytes)
    }
}

package enum RetryRequestValidation {
    /// Checks `request` and normalizes its scope. Every problem is
    /// INVALID_ARGUMENT naming the field, never echoing its value.
    package static func validate(_ request: RetryFailedItemsRequest) throws(RPCError) -> RetryRequestInput {
        guard let scope = request.scope?.scope else {
            throw .invalidArgument("scope is required: one sync or a filter over syncs")
        }
        if request.reason.allSatisfy(\.isWhitespace) {
            throw .invalidArgument("reason is required: say why the items are retried")
        }
        try FieldRules.length(request.reason, "reason", maxBytes: RetryLimits.maxReasonBytes)
        if request.idempotencyKey.isEmpty {
            throw .invalidArgument("idempotency_key is required: the same key returns the same job")
        }
        try FieldRules.key(request.idempotencyKey, "idempotency_key", maxBytes: Limits.maxIdempotencyKeyBytes)
        let input: RetryRequestInput.Scope
        let recorded: RetryScope
        switch scope {
        case .sync(let sync):
            (input, recorded) = try validate(sync)
        case .filter(let filter):
            (input, recorded) = try validate(filter)
        }
        return RetryRequestInput(
            scope: input, recordedScope: recorded, reason: request.reason,
            idempotencyKey: request.idempotencyKey, force: request.force, dryRun: request.dryRun)
    }

    private static func validate(_ sync: SyncRetryScope) throws(RPCError) -> (RetryRequestInput.Scope, RetryScope) {
        try FieldRules.identifier(sync.syncId, "scope.sync.sync_id")
        if sync.itemIds.count > RetryLimits.maxItemIds {
            throw .invalidArgument("scope.sync.item_ids has more than \(RetryLimits.maxItemIds) values")
        }
        for itemId in sync.itemIds {
            try FieldRules.identifier(itemId, "scope.sync.item_ids")
        }
        let dataTypes = try dataTypes(sync.dataTypes, "scope.sync.data_types")
        let itemIds = sortedSet(sync.itemIds)
        let recorded = RetryScope(scope: .sync(SyncRetryScope(syncId: sync.syncId, itemIds: itemIds, dataTypes: dataTypes)))
        return (.sync(syncId: sync.syncId, itemIds: itemIds, dataTypes: dataTypes), recorded)
    }

    /// The same rules as ListSyncs for the fields the two share.
    private static func validate(_ filter: FilterRetryScope) throws(RPCError) -> (RetryRequestInput.Scope, RetryScope) {
        var sync = SyncFilter()
        try FieldRules.filterCount(filter.statusCodes.count, "scope.filter.status_codes")
        for code in filter.statusCodes where !code.isKnownStatus {
            throw .invalidArgument("scope.filter.status_codes must hold known status codes (got \(code.rawValue))")
        }
        sync.statusCodes = Set(filter.statusCodes.map { Int64($0.rawValue) }).sorted()
        if !filter.targetPlatform.isEmpty {
            try FieldRules.key(filter.targetPlatform, "scope.filter.target_platform", maxBytes: Limits.maxPlatformKeyBytes)
            sync.targetPlatform = filter.targetPlatform
        }
        if !filter.sourcePlatform.isEmpty {
            try FieldRules.key(filter.sourcePlatform, "scope.filter.source_platform", maxBytes: Limits.maxPlatformKeyBytes)
            sync.sourcePlatform = filter.sourcePlatform
        }
        if !filter.companyId.isEmpty {
            try FieldRules.identifier(filter.companyId, "scope.filter.company_id")
            sync.companyId = filter.companyId
        }
        switch filter.product {
        case .unspecified: break
        case .commerce, .expenses: sync.product = Int64(filter.product.rawValue)
        case .unrecognized(let value): throw .invalidArgument("scope.filter.product \(value) is not known")
        }
        try FieldRules.optionalRange(from: filter.startedFromMs, to: filter.startedToMs, "scope.filter.started")
        sync.startedFrom = filter.startedFromMs == 0 ? nil : filter.startedFromMs
        sync.startedTo = filter.startedToMs == 0 ? nil : filter.startedToMs
        let dataTypes = try dataTypes(filter.dataTypes, "scope.filter.data_types")
        var recorded = filter
        recorded.statusCodes = sync.statusCodes.map { SyncStatusCode(rawValue: Int32(truncatingIfNeeded: $0)) }
        recorded.dataTypes = dataTypes
        return (.filter(sync, dataTypes: dataTypes), RetryScope(scope: .filter(recorded)))
    }

    private static func dataTypes(_ values: [String], _ field: String) throws(RPCError) -> [String] {
        try FieldRules.filterCount(values.count, field)
        for value in values {
            if value.isEmpty { throw .invalidArgument("\(field) must not hold empty values") }
            try FieldRules.key(value, field, maxBytes: Limits.maxDataTypeBytes)
        }
        return sortedSet(values)
    }

    /// Sorted by UTF-8 bytes (SQLite's BINARY order), duplicates removed.
    package static func sortedSet(_ values: [String]) -> [String] {
        Set(values).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// A cancellation's reason: optional, bounded.
    package static func cancelReason(_ reason: String) throws(RPCError) {
        try FieldRules.length(reason, "reason", maxBytes: RetryLimits.maxReasonBytes)
    }
}
