import SyncHealthWire

/// Fixture vectors for the error-group and configuration-diff messages of
/// history.proto.
enum InsightsVectors {
    static let hash = "ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb"

    static let all: [Vector] = [
        Vector("full", ConfigChange(
            path: #"$.mappings["tax rate"][2]"#, kind: .changed,
            oldValue: #""OUTPUT2""#, newValue: #"{"code":"NONE","rate":0}"#
        )),
        Vector("full", ConfigDiff(
            state: .compared, baselineSyncId: "sync-0006", baselineStartedAtMs: 1_735_603_200_000,
            baselineConfigHash: hash,
            changes: [
                ConfigChange(path: "$", kind: .changed, oldValue: "currency=EUR", newValue: "currency=USD"),
                ConfigChange(path: "$.extra", kind: .added, newValue: "true"),
            ],
            comparedAsText: true, truncated: true
        )),
        Vector("no-baseline", ConfigDiff(state: .noBaseline)),
        Vector("full", ListErrorGroupsRequest(
            startedFromMs: 1_735_603_200_000, startedToMs: 1_735_689_600_000, companyId: "company-42",
            targetPlatform: "quickbooks-online", product: .expenses, sourcePlatform: "expensify",
            pageSize: 20, pageToken: "e2"
        )),
        Vector("full", PlatformCount(platform: "xero", count: 17)),
        Vector("full", ErrorGroup(
            groupId: "9f86d081884c7d65", fingerprint: "Invoice <id> total <num> does not match",
            count: 42, firstSeenMs: 1_735_603_200_000, lastSeenMs: 1_735_689_599_999, companiesAffected: 3,
            exampleMessage: "Invoice INV-1042 total 31.20 does not match — ✓",
            exampleSyncIds: ["sync-0009", "sync-0007"], syncsAffected: 12, itemOccurrences: 40,
            topTargetPlatforms: [PlatformCount(platform: "xero", count: 30), PlatformCount(platform: "netsuite", count: 12)]
        )),
        Vector("full", ListErrorGroupsResponse(
            groups: [ErrorGroup(groupId: "9f86d081884c7d65", count: 42), ErrorGroup(groupId: "0a1b2c3d4e5f6071", count: 1)],
            nextPageToken: "e3"
        )),
    ]
}
