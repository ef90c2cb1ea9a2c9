import SyncHealthWire
import Testing
import SyncHealthTestTraits

@Suite("history.proto codecs: error groups and the configuration diff", .offThePool)
struct HistoryInsightsTests {
    static let changeKinds = ConfigChangeKind.allKnown + unrecognizedNumbers.map(ConfigChangeKind.unrecognized)
    static let diffStates = ConfigDiffState.allKnown + unrecognizedNumbers.map(ConfigDiffState.unrecognized)

    static func group(_ index: Int) -> ErrorGroup {
        ErrorGroup(
            groupId: "9f86d081884c7d6\(index)", fingerprint: "Invoice <id> total <num> — ✓",
            count: Int64.max, firstSeenMs: Int64.min, lastSeenMs: -1, companiesAffected: 3,
            exampleMessage: "Invoice INV-1042 total 31.20 does not match 日本",
            exampleSyncIds: ["s-1", "", "s-✓"], syncsAffected: 0, itemOccurrences: Int64.min,
            topTargetPlatforms: [PlatformCount(platform: "xero", count: 2), PlatformCount()])
    }

    @Test func errorGroupMessagesRoundTrip() throws {
        for product in Product.allKnown + unrecognizedNumbers.map(Product.unrecognized) {
            let request = ListErrorGroupsRequest(
                startedFromMs: Int64.min, startedToMs: Int64.max, companyId: "c ✓", targetPlatform: "日本",
                product: product, sourcePlatform: "amazon", pageSize: Int32.min, pageToken: "t")
            #expect(try roundTrip(request) == request)
        }
        let response = ListErrorGroupsResponse(groups: [Self.group(0), ErrorGroup(), Self.group(1)], nextPageToken: "n")
        #expect(try roundTrip(response) == response)
        #expect(try roundTrip(Self.group(2)) == Self.group(2))
    }

    @Test func configDiffMessagesRoundTrip() throws {
        for (state, kind) in zip(Self.diffStates, Self.changeKinds + Self.changeKinds) {
            let diff = ConfigDiff(
                state: state, baselineSyncId: "b-✓", baselineStartedAtMs: Int64.min, baselineConfigHash: "h",
                changes: [
                    ConfigChange(path: #"$["é"][0]"#, kind: kind, oldValue: #""a""#, newValue: "…"),
                    ConfigChange(),
                ],
                comparedAsText: true, truncated: true)
            #expect(try roundTrip(diff) == diff)
            let response = GetSyncConfigResponse(config: SyncConfig(syncId: "s"), diff: diff)
            #expect(try roundTrip(response) == response)
        }
        let request = GetSyncConfigRequest(syncId: "s-1", includeDiff: true)
        #expect(try roundTrip(request) == request)
    }

    @Test func newFieldsOfExistingMessagesRoundTrip() throws {
        let list = ListSyncsRequest(includeTotal: true, errorGroupId: "9f86d081884c7d65")
        #expect(try roundTrip(list) == list)
        let dashboard = GetDashboardResponse(totalSyncs: 1, topErrorGroups: [Self.group(3), ErrorGroup()])
        #expect(try roundTrip(dashboard) == dashboard)
    }

    @Test func knownBytes() {
        // include_diff is field 2, varint 1.
        #expect(GetSyncConfigRequest(includeDiff: true).serializedBytes() == [0x10, 0x01])
        // error_group_id is field 15: key (15 << 3 | 2) = 0x7A.
        #expect(ListSyncsRequest(errorGroupId: "g").serializedBytes() == [0x7A, 0x01, 0x67])
        // top_error_groups is field 8 holding an ErrorGroup with count (field 3) = 1.
        #expect(GetDashboardResponse(topErrorGroups: [ErrorGroup(count: 1)]).serializedBytes() == [0x42, 0x02, 0x18, 0x01])
        #expect(ConfigDiff(state: .noBaseline).serializedBytes() == [0x08, 0x02])
    }

    @Test func invalidUTF8NamesTheField() {
        let bad: [UInt8] = [0xC0, 0xAF]  // overlong "/"
        #expect(throws: WireError.invalidUTF8(field: "synchealth.v1.ListErrorGroupsResponse.groups[1].example_sync_ids[0]")) {
            try ListErrorGroupsResponse(serializedBytes: lengthDelimitedField(1, [])
                + lengthDelimitedField(1, lengthDelimitedField(8, bad)))
        }
        #expect(throws: WireError.invalidUTF8(field: "synchealth.v1.ErrorGroup.top_target_platforms[0].platform")) {
            try ErrorGroup(serializedBytes: lengthDelimitedField(11, lengthDelimitedField(1, bad)))
        }
        #expect(throws: WireError.invalidUTF8(field: "synchealth.v1.GetSyncConfigResponse.diff.changes[0].old_value")) {
            try GetSyncConfigResponse(serializedBytes: lengthDelimitedField(2, lengthDelimitedField(5, lengthDelimitedField(3, bad))))
        }
        #expect(throws: WireError.invalidUTF8(field: "synchealth.v1.GetDashboardResponse.top_error_groups[0].fingerprint")) {
            try GetDashboardResponse(serializedBytes: lengthDelimitedField(8, lengthDelimitedField(2, bad)))
        }
        #expect(throws: WireError.invalidUTF8(field: "synchealth.v1.ListSyncsRequest.error_group_id")) {
            try ListSyncsRequest(serializedBytes: lengthDelimitedField(15, bad))
        }
        for (number, name) in [(3, "company_id"), (4, "target_platform"), (6, "source_platform"), (8, "page_token")] as [(UInt64, String)] {
            #expect(throws: WireError.invalidUTF8(field: "synchealth.v1.ListErrorGroupsRequest.\(name)")) {
                try ListErrorGroupsRequest(serializedBytes: lengthDelimitedField(number, bad))
            }
        }
    }

    @Test func wrongWireTypeIsMalformed() {
        #expect(throws: WireError.malformed(message: "synchealth.v1.ErrorGroup")) {
            try ErrorGroup(serializedBytes: varintField(8, 1))
        }
        #expect(throws: WireError.malformed(message: "synchealth.v1.ConfigDiff")) {
            try ConfigDiff(serializedBytes: stringField(1, "x"))
        }
    }
}
