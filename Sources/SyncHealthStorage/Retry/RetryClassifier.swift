package import SyncHealthWire

/// One item in a retry scope, as read for classification.
package struct ScopeItem: Sendable, Equatable {
    package var syncRowID: Int64
    package var syncId: String
    package var syncStatus: SyncStatusCode
    package var targetPlatform: String
    package var itemRowID: Int64
    package var itemId: String
    package var coreId: String
    package var dataType: String
    package var itemStatus: PushItemStatus
    package var retryable: Bool
    /// The item is queued or leased in another job that has not ended.
    package var activeInAnotherJob: Bool

    /// Creates a value from its fields.
    package init(syncRowID: Int64, syncId: String, syncStatus: SyncStatusCode, targetPlatform: String, itemRowID: Int64, itemId: String, coreId: String, dataType: String, itemStatus: PushItemStatus, retryable: Bool, activeInAnotherJob: Bool) {
        self.syncRowID = syncRowID
        self.syncId = syncId
        self.syncStatus = syncStatus
        self.targetPlatform = targetPlatform
        self.itemRowID = itemRowID
        self.itemId = itemId
        self.coreId = coreId
        self.dataType = dataType
        self.itemStatus = itemStatus
        self.retryable = retryable
        self.activeInAnotherJob = activeInAnotherJob
    }
}

/// An item with its verdict: retried (`skipReason == nil`) or skipped.
package struct ClassifiedItem: Sendable, Equatable {
    package var item: ScopeItem
    package var skipReason: SkipReason?

    /// Creates a value from its fields.
    package init(item: ScopeItem, skipReason: SkipReason? = nil) {
        self.item = item
        self.skipReason = skipReason
    }
}

/// Decides, item by item, whether a retry job retries or skips it. Pure.
package enum RetryClassifier {
    /// The reason `item` is skipped, or nil when it is retried. The first
    /// rule that applies wins:
    ///
    /// 1. it already succeeded (ALREADY_SUCCEEDED);
    /// 2. its sync is still running (SYNC_IN_PROGRESS): the engine may still
    ///    push it;
    /// 3. it has not failed (NOT_FAILED): pending;
    /// 4. another job has it queued or in flight (ALREADY_QUEUED);
    /// 5. unless forced: its sync failed for a reason retrying cannot fix
    ///    (SYNC_STATUS_NOT_RETRYABLE: 4000, 4040, 4220, 4260);
    /// 6. unless forced: the connector said retrying cannot help
    ///    (NOT_RETRYABLE).
    package static func skipReason(for item: ScopeItem, force: Bool) -> SkipReason? {
        if item.itemStatus == .success { return .alreadySucceeded }
        if item.syncStatus.category == .inProgress { return .syncInProgress }
        if !item.itemStatus.isFailure { return .notFailed }
        if item.activeInAnotherJob { return .alreadyQueued }
        if !force && !item.syncStatus.isRetryableStatus { return .syncStatusNotRetryable }
        if !force && !item.retryable { return .notRetryable }
        return nil
    }

    package static func classify(_ items: [ScopeItem], force: Bool) -> [ClassifiedItem] {
        items.map { ClassifiedItem(item: $0, skipReason: skipReason(for: $0, force: force)) }
    }
}

/// Builds the RetryPreview of a classified scope. Pure.
package enum RetryPreviewBuilder {
    package static func build(_ items: [ClassifiedItem]) -> RetryPreview {
        var preview = RetryPreview()
        var byType: [String: ItemCounts] = [:]
        var skipped: [Int32: Int64] = [:]
        for entry in items {
            if let reason = entry.skipReason {
                preview.wouldSkip += 1
                skipped[reason.rawValue, default: 0] += 1
            } else {
                preview.wouldRetry += 1
                var counts = byType[entry.item.dataType, default: ItemCounts()]
                counts.total += 1
                switch entry.item.itemStatus {
                case .failed: counts.failed += 1
                case .timedOut: counts.timedOut += 1
                case .pending: counts.pending += 1
                case .success: counts.succeeded += 1
                case .unspecified, .unrecognized: break
                }
                byType[entry.item.dataType] = counts
            }
        }
        preview.byDataType = byType.keys
            .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            .map { DataTypeCounts(dataType: $0, counts: byType[$0]) }
        preview.skipped = skipped.keys.sorted().map { SkipCount(reason: SkipReason(rawValue: $0), count: skipped[$0] ?? 0) }
        preview.items = items.prefix(RetryLimits.maxPreviewItems).map { entry in
            PreviewItem(
                syncId: entry.item.syncId, itemId: entry.item.itemId, coreId: entry.item.coreId,
                dataType: entry.item.dataType, willRetry: entry.skipReason == nil,
                skipReason: entry.skipReason ?? .unspecified)
        }
        return preview
    }
}
