import SyncHealthWire

/// Fixture vectors for sync.proto.
enum SyncVectors {
    static let document: [UInt8] = Array(0...255)

    static let all: [Vector] = [
        Vector("full", ItemCounts(total: 10, pending: 1, succeeded: 6, failed: 2, timedOut: 1)),
        Vector("extremes", ItemCounts(total: .max, pending: .min, succeeded: -1, failed: 1, timedOut: 4_294_967_296)),
        Vector("full", Sync(
            syncId: "sync-0001", companyId: "company-42", product: .commerce,
            sourcePlatform: "shopify", targetPlatform: "quickbooks-online",
            statusCode: .dataPushError, statusText: "Data push error",
            startedAtMs: 1_735_689_600_000, finishedAtMs: 1_735_689_661_234,
            dataFromMs: 1_735_603_200_000, dataToMs: 1_735_689_600_000,
            notes: ["Please reconcile manually", "Réconcilier à la main ✓"],
            errorMessages: ["invoice INV-1: closed period", ""],
            itemCounts: ItemCounts(total: 3, pending: 0, succeeded: 1, failed: 1, timedOut: 1),
            dataPushed: true,
            configHash: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
            updatedAtMs: 1_735_689_662_000
        )),
        Vector("zero-present", Sync(itemCounts: ItemCounts())),
        Vector("pre-epoch-and-unknown", Sync(
            product: .unrecognized(7), statusCode: .unrecognized(4242), startedAtMs: -1, finishedAtMs: .min
        )),
        Vector("full", SyncConfig(
            syncId: "sync-0001", document: document, contentType: "application/json",
            hash: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            version: "v12", fileName: "config ünïcode.json"
        )),
        Vector("full", PushAttempt(
            number: 3, attemptedAtMs: 1_735_689_700_000, outcome: .timedOut,
            errorMessage: "connector did not answer in 30 s", trigger: .manualRetry,
            actor: "alice@example.com", idempotencyKey: "sync-0001/item-7/3",
            retryJobId: "job-9", reason: "customer asked"
        )),
        Vector("int32-extremes", PushAttempt(number: .min)),
        Vector("full", PushItem(
            itemId: "item-7", syncId: "sync-0001", coreId: "order-1001", dataType: "invoices",
            status: .failed, errorMessage: "closed period", attemptCount: 2,
            lastAttemptAtMs: 1_735_689_700_000, targetRecordId: "QB-INV-77", retryable: true,
            attempts: [
                PushAttempt(number: 1, attemptedAtMs: 1_735_689_650_000, outcome: .failed, trigger: .initial, actor: "sync-engine"),
                PushAttempt(number: 2, attemptedAtMs: 1_735_689_700_000, outcome: .failed, trigger: .automaticRetry, idempotencyKey: "k-2"),
            ]
        )),
        Vector("full", SyncRetryScope(syncId: "sync-0001", itemIds: ["item-7", "item-8"], dataTypes: ["invoices"])),
        Vector("full", FilterRetryScope(
            statusCodes: [.dataPushError, .genericServerError], targetPlatform: "xero", companyId: "company-42",
            startedFromMs: 1_735_603_200_000, startedToMs: 1_735_689_600_000,
            dataTypes: ["invoices", "creditNotes"], sourcePlatform: "amazon", product: .expenses
        )),
        Vector("sync", RetryScope(scope: .sync(SyncRetryScope(syncId: "sync-0001", itemIds: ["item-7"])))),
        Vector("filter", RetryScope(scope: .filter(FilterRetryScope(targetPlatform: "xero", product: .commerce)))),
        Vector("sync-empty", RetryScope(scope: .sync(SyncRetryScope()))),
        Vector("filter-empty", RetryScope(scope: .filter(FilterRetryScope()))),
        Vector("full", RetryCounts(total: 100, succeeded: 90, failed: 5, pending: 3, skipped: 2)),
        Vector("full", RetryJob(
            jobId: "job-9", state: .partiallyFailed,
            scope: RetryScope(scope: .filter(FilterRetryScope(statusCodes: [.dataPushError], targetPlatform: "xero"))),
            counts: RetryCounts(total: 10, succeeded: 8, failed: 2),
            requestedBy: "alice@example.com", reason: "connector outage on 2025-01-01",
            createdAtMs: 1_735_689_800_000, startedAtMs: 1_735_689_801_000, finishedAtMs: 1_735_689_900_000,
            idempotencyKey: "retry-2025-01-01-xero", force: true, cancelledBy: "bob@example.com"
        )),
    ]
}
