import SyncHealthWire

/// Fixture vectors for history.proto.
enum HistoryVectors {
    static let all: [Vector] = [
        Vector("full", Count(value: 1_234_567_890_123)),
        Vector("full", ListSyncsRequest(
            search: "sync-00", companyId: "company-42",
            startedFromMs: 1_735_603_200_000, startedToMs: 1_735_689_600_000,
            statusCodes: [.inProgress, .companyDeauthorized], categories: [.failed, .success],
            product: .commerce, sourcePlatform: "shopify", targetPlatform: "xero",
            sortBy: .duration, order: .ascending, pageSize: 500,
            pageToken: "eyJvZmZzZXQiOjUwMH0=", includeTotal: true, errorGroupId: "9f86d081884c7d65"
        )),
        Vector("int32-extremes", ListSyncsRequest(pageSize: .min)),
        Vector("full", ListSyncsResponse(
            syncs: [Sync(syncId: "sync-0001", statusCode: .inProgress), Sync(syncId: "sync-0002", dataPushed: true)],
            nextPageToken: "next",
            total: Count(value: 0)
        )),
        Vector("full", GetSyncRequest(syncId: "sync-0001")),
        Vector("full", DataTypeCounts(dataType: "invoices", counts: ItemCounts(total: 5, succeeded: 5))),
        Vector("full", RetrySummary(jobs: 2, retriedAttempts: 7, recoveredItems: 4, lastRetryAtMs: 1_735_689_900_000, lastJobId: "job-9")),
        Vector("full", GetSyncResponse(
            sync: Sync(syncId: "sync-0001", companyId: "company-42"),
            dataTypes: [
                DataTypeCounts(dataType: "bills", counts: ItemCounts(failed: 1)),
                DataTypeCounts(dataType: "invoices", counts: ItemCounts(total: 5, succeeded: 5)),
            ],
            retries: RetrySummary(jobs: 1, lastJobId: "job-9")
        )),
        Vector("full", GetSyncConfigRequest(syncId: "sync-0001", includeDiff: true)),
        Vector("full", GetSyncConfigResponse(
            config: SyncConfig(syncId: "sync-0001", document: Array(#"{"a":1}"#.utf8), contentType: "application/json"),
            diff: ConfigDiff(
                state: .compared, baselineSyncId: "sync-0000", baselineStartedAtMs: 1_735_603_200_000,
                baselineConfigHash: "ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb",
                changes: [ConfigChange(path: "$.a", kind: .changed, oldValue: "2", newValue: "1")])
        )),
        Vector("full", ListPushItemsRequest(
            syncId: "sync-0001", search: "order-10", dataTypes: ["invoices", "payments"],
            statuses: [.failed, .timedOut], pageSize: 50, pageToken: "p2",
            includeAttempts: true, includeTotal: true
        )),
        Vector("full", ListPushItemsResponse(
            items: [PushItem(itemId: "item-7", status: .timedOut, attempts: [PushAttempt(number: 1, outcome: .timedOut)])],
            nextPageToken: "p3",
            total: Count(value: 3)
        )),
        Vector("full", GetDashboardRequest(
            fromMs: 1_735_603_200_000, toMs: 1_735_689_600_000, companyId: "company-42",
            product: .expenses, sourcePlatform: "amazon", targetPlatform: "xero"
        )),
        Vector("full", CategoryCount(category: .inProgress, count: 12)),
        Vector("full", StatusCodeCount(statusCode: .billingExpired, count: 3)),
        Vector("full", DailyBucket(dayStartMs: 1_735_603_200_000, inProgress: 1, succeeded: 20, failed: 4)),
        Vector("full", GetDashboardResponse(
            totalSyncs: 25,
            byCategory: [CategoryCount(category: .success, count: 20), CategoryCount(category: .failed, count: 4)],
            byStatusCode: [
                StatusCodeCount(statusCode: .successDataPushed, count: 18),
                StatusCodeCount(statusCode: .dataPushError, count: 4),
            ],
            successRate: 0.1,
            days: [DailyBucket(dayStartMs: 1_735_603_200_000, succeeded: 20, failed: 4)],
            items: ItemCounts(total: 100, succeeded: 90, failed: 10),
            itemsByDataType: [DataTypeCounts(dataType: "invoices", counts: ItemCounts(total: 100))],
            topErrorGroups: [ErrorGroup(
                groupId: "9f86d081884c7d65", fingerprint: "Invoice <id> total <num> does not match",
                count: 4, exampleSyncIds: ["sync-0007"])]
        )),
        Vector("rate-one", GetDashboardResponse(totalSyncs: 1, successRate: 1)),
        Vector("rate-tiny", GetDashboardResponse(successRate: .leastNonzeroMagnitude)),
        Vector("full", ListCompanySyncsRequest(
            companyId: "company-42", startedFromMs: 1_735_603_200_000, startedToMs: 1_735_689_600_000,
            pageSize: 20, pageToken: "c2"
        )),
        Vector("full", CompanySync(
            syncId: "sync-0001", product: .commerce,
            startedAtMs: 1_735_689_600_000, finishedAtMs: 1_735_689_661_234,
            dataFromMs: 1_735_603_200_000, dataToMs: 1_735_689_600_000,
            category: .failed, statusCode: .companyDeauthorized,
            statusDescription: "Your accounting platform connection has expired."
        )),
        Vector("full", ListCompanySyncsResponse(
            syncs: [CompanySync(syncId: "sync-0001", category: .success), CompanySync(syncId: "sync-0002")],
            nextPageToken: "c3"
        )),
    ]
}
