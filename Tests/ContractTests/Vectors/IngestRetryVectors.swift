import SyncHealthWire

/// Fixture vectors for ingest.proto, retry.proto and connector.proto.
enum IngestRetryVectors {
    static let ingest: [Vector] = [
        Vector("full", RecordSyncRequest(
            sync: Sync(syncId: "sync-0001", companyId: "company-42", statusCode: .inProgress, startedAtMs: 1_735_689_600_000),
            config: SyncConfig(syncId: "sync-0001", document: Array("{}".utf8), contentType: "application/json", version: "v12")
        )),
        Vector("full", RecordSyncResponse(sync: Sync(syncId: "sync-0001", updatedAtMs: 1_735_689_600_001), created: true)),
        Vector("full", PushItemReport(
            itemId: "item-7", coreId: "order-1001", dataType: "invoices", status: .success,
            errorMessage: "warning: rounded", attemptedAtMs: 1_735_689_650_000,
            targetRecordId: "QB-INV-77", retryable: true, idempotencyKey: "sync-0001/item-7/1"
        )),
        Vector("full", RecordPushItemsRequest(syncId: "sync-0001", items: [
            PushItemReport(itemId: "item-7", status: .success),
            PushItemReport(itemId: "item-8", status: .failed, retryable: true),
        ])),
        Vector("full", RecordPushItemsResponse(
            accepted: 2, created: 1,
            sync: Sync(syncId: "sync-0001", itemCounts: ItemCounts(total: 2, succeeded: 1, failed: 1))
        )),
    ]

    static let retry: [Vector] = [
        Vector("full", RetryFailedItemsRequest(
            scope: RetryScope(scope: .sync(SyncRetryScope(syncId: "sync-0001"))),
            reason: "connector outage", idempotencyKey: "retry-1", dryRun: true, force: true
        )),
        Vector("full", SkipCount(reason: .alreadyQueued, count: 4)),
        Vector("full", PreviewItem(
            syncId: "sync-0001", itemId: "item-8", coreId: "order-1002", dataType: "payments",
            willRetry: true, skipReason: .notRetryable
        )),
        Vector("full", RetryPreview(
            wouldRetry: 3, wouldSkip: 2,
            byDataType: [DataTypeCounts(dataType: "invoices", counts: ItemCounts(total: 3, failed: 3))],
            skipped: [SkipCount(reason: .notFailed, count: 1), SkipCount(reason: .syncStatusNotRetryable, count: 1)],
            items: [PreviewItem(itemId: "item-7", willRetry: true), PreviewItem(itemId: "item-9", skipReason: .notFailed)]
        )),
        Vector("full", RetryFailedItemsResponse(
            job: RetryJob(jobId: "job-9", state: .queued), preview: RetryPreview(wouldRetry: 3), existing: true
        )),
        Vector("full", GetRetryJobRequest(jobId: "job-9")),
        Vector("full", GetRetryJobResponse(
            job: RetryJob(jobId: "job-9", state: .running, scope: RetryScope(scope: .sync(SyncRetryScope(syncId: "sync-0001"))))
        )),
        Vector("full", ListRetryJobsRequest(states: [.queued, .running], syncId: "sync-0001", pageSize: 10, pageToken: "j2")),
        Vector("full", ListRetryJobsResponse(
            jobs: [RetryJob(jobId: "job-9", state: .succeeded), RetryJob(jobId: "job-10", state: .failed)],
            nextPageToken: "j3"
        )),
        Vector("full", CancelRetryJobRequest(jobId: "job-9", reason: "wrong scope")),
        Vector("full", CancelRetryJobResponse(job: RetryJob(jobId: "job-9", state: .cancelled, cancelledBy: "bob@example.com"))),
    ]

    static let alerts: [Vector] = [
        Vector("full", AlertRule(
            ruleId: "ar_1", name: "acme failures", kind: .syncFailed, webhookUrl: "https://hooks.example.com/synchealth",
            companyId: "company-42", statusCodes: [.configurationError, .dataPushError], threshold: 3, windowMs: 3_600_000,
            targetPlatform: "xero", failureRatePercent: 25, minimumSyncs: 10, createdAtMs: 1_735_689_600_000,
            createdBy: "ana@example.com")),
        Vector("full", CreateAlertRuleRequest(rule: AlertRule(name: "jobs", kind: .retryJobPartiallyFailed))),
        Vector("full", CreateAlertRuleResponse(rule: AlertRule(ruleId: "ar_2", name: "jobs"), signingSecret: "00ff")),
        Vector("full", ListAlertRulesResponse(rules: [AlertRule(name: "a"), AlertRule(name: "b", kind: .errorGroupNew)])),
        Vector("full", DeleteAlertRuleRequest(ruleId: "ar_1")),
        Vector("full", DeleteAlertRuleResponse(deliveriesDropped: 2)),
        Vector("full", AlertDelivery(
            deliveryId: "ad_1", ruleId: "ar_1", kind: .platformFailureRate, event: "3 of 4 syncs to xero failed",
            state: .pending, attempts: 2, lastHttpStatus: 503, lastError: "HTTP 503", createdAtMs: 1_735_689_600_000,
            nextAttemptAtMs: 1_735_689_660_000, deliveredAtMs: 0, payloadJson: "{\"delivery_id\":\"ad_1\"}")),
        Vector("delivered", AlertDelivery(deliveryId: "ad_2", state: .delivered, attempts: 1, lastHttpStatus: 204, deliveredAtMs: 1_735_689_601_000)),
        // No fields: the fixture is the empty text, so protoc agrees it is empty.
        Vector("full", ListAlertRulesRequest()),
        Vector("full", ListAlertDeliveriesRequest(ruleId: "ar_1", states: [.pending, .failed], pageSize: 20, pageToken: "d2")),
        Vector("full", ListAlertDeliveriesResponse(deliveries: [AlertDelivery(deliveryId: "ad_1", state: .delivered)], nextPageToken: "d3")),
    ]

    static let connector: [Vector] = [
        Vector("full", PushRequest(
            idempotencyKey: "sync-0001/item-7/3", syncId: "sync-0001", itemId: "item-7", coreId: "order-1001",
            dataType: "invoices", companyId: "company-42", targetPlatform: "xero", attemptNumber: 3
        )),
        Vector("full", PushResponse(
            outcome: .success, targetRecordId: "XERO-INV-5", errorMessage: "ok after retry", retryable: true, duplicate: true
        )),
    ]
}
