import SyncHealthWire

/// The message-decoder fuzz target (hazard 13): what `tools/fuzz messages`
/// runs under libFuzzer and `FuzzCorpusTests` runs over the committed corpus.
///
/// tools/fuzz compiles this folder (Tests/SyncHealthFuzzTargets) with the
/// SyncHealthWire sources and nothing else from the tests.
///
/// Input: byte 0 picks the message type (`codecs[byte % codecs.count]`), the
/// rest is handed to its `init(serializedBytes:)`. Checked, whatever the
/// bytes: nothing traps or leaks (ASan/LSan under libFuzzer); decoding fails
/// only with `WireError`; what decodes re-encodes without error (so it holds
/// no string the wire cannot carry), decodes again to an equal value (bar
/// NaN), and re-encodes to the same bytes; decoding from a slice agrees.
package enum MessageFuzzTarget {

    /// One message type, erased.
    package struct Codec: Sendable {
        package let protoName: String
        let check: @Sendable ([UInt8]) throws(Violation) -> Void

        init<M: WireMessage>(_: M.Type, _ protoName: String) {
            self.protoName = protoName
            self.check = { (bytes: [UInt8]) throws(Violation) in try MessageRoundTrip.check(M.self, bytes) }
        }
    }

    /// Every message of proto/synchealth/v1. Append new messages at the end:
    /// the committed corpus selects types by index.
    package static let codecs: [Codec] = [
        .init(MetadataEntry.self, "synchealth.v1.MetadataEntry"),
        .init(RequestHeader.self, "synchealth.v1.RequestHeader"),
        .init(ResponseHeader.self, "synchealth.v1.ResponseHeader"),
        .init(Settings.self, "synchealth.v1.Settings"),
        .init(GoAway.self, "synchealth.v1.GoAway"),
        .init(HealthCheckRequest.self, "synchealth.v1.HealthCheckRequest"),
        .init(HealthCheckResponse.self, "synchealth.v1.HealthCheckResponse"),
        .init(ItemCounts.self, "synchealth.v1.ItemCounts"),
        .init(Sync.self, "synchealth.v1.Sync"),
        .init(SyncConfig.self, "synchealth.v1.SyncConfig"),
        .init(PushAttempt.self, "synchealth.v1.PushAttempt"),
        .init(PushItem.self, "synchealth.v1.PushItem"),
        .init(SyncRetryScope.self, "synchealth.v1.SyncRetryScope"),
        .init(FilterRetryScope.self, "synchealth.v1.FilterRetryScope"),
        .init(RetryScope.self, "synchealth.v1.RetryScope"),
        .init(RetryCounts.self, "synchealth.v1.RetryCounts"),
        .init(RetryJob.self, "synchealth.v1.RetryJob"),
        .init(Count.self, "synchealth.v1.Count"),
        .init(ListSyncsRequest.self, "synchealth.v1.ListSyncsRequest"),
        .init(ListSyncsResponse.self, "synchealth.v1.ListSyncsResponse"),
        .init(GetSyncRequest.self, "synchealth.v1.GetSyncRequest"),
        .init(DataTypeCounts.self, "synchealth.v1.DataTypeCounts"),
        .init(RetrySummary.self, "synchealth.v1.RetrySummary"),
        .init(GetSyncResponse.self, "synchealth.v1.GetSyncResponse"),
        .init(GetSyncConfigRequest.self, "synchealth.v1.GetSyncConfigRequest"),
        .init(GetSyncConfigResponse.self, "synchealth.v1.GetSyncConfigResponse"),
        .init(ListPushItemsRequest.self, "synchealth.v1.ListPushItemsRequest"),
        .init(ListPushItemsResponse.self, "synchealth.v1.ListPushItemsResponse"),
        .init(GetDashboardRequest.self, "synchealth.v1.GetDashboardRequest"),
        .init(CategoryCount.self, "synchealth.v1.CategoryCount"),
        .init(StatusCodeCount.self, "synchealth.v1.StatusCodeCount"),
        .init(DailyBucket.self, "synchealth.v1.DailyBucket"),
        .init(GetDashboardResponse.self, "synchealth.v1.GetDashboardResponse"),
        .init(ListCompanySyncsRequest.self, "synchealth.v1.ListCompanySyncsRequest"),
        .init(CompanySync.self, "synchealth.v1.CompanySync"),
        .init(ListCompanySyncsResponse.self, "synchealth.v1.ListCompanySyncsResponse"),
        .init(RecordSyncRequest.self, "synchealth.v1.RecordSyncRequest"),
        .init(RecordSyncResponse.self, "synchealth.v1.RecordSyncResponse"),
        .init(PushItemReport.self, "synchealth.v1.PushItemReport"),
        .init(RecordPushItemsRequest.self, "synchealth.v1.RecordPushItemsRequest"),
        .init(RecordPushItemsResponse.self, "synchealth.v1.RecordPushItemsResponse"),
        .init(RetryFailedItemsRequest.self, "synchealth.v1.RetryFailedItemsRequest"),
        .init(SkipCount.self, "synchealth.v1.SkipCount"),
        .init(PreviewItem.self, "synchealth.v1.PreviewItem"),
        .init(RetryPreview.self, "synchealth.v1.RetryPreview"),
        .init(RetryFailedItemsResponse.self, "synchealth.v1.RetryFailedItemsResponse"),
        .init(GetRetryJobRequest.self, "synchealth.v1.GetRetryJobRequest"),
        .init(GetRetryJobResponse.self, "synchealth.v1.GetRetryJobResponse"),
        .init(ListRetryJobsRequest.self, "synchealth.v1.ListRetryJobsRequest"),
        .init(ListRetryJobsResponse.self, "synchealth.v1.ListRetryJobsResponse"),
        .init(CancelRetryJobRequest.self, "synchealth.v1.CancelRetryJobRequest"),
        .init(CancelRetryJobResponse.self, "synchealth.v1.CancelRetryJobResponse"),
        .init(PushRequest.self, "synchealth.v1.PushRequest"),
        .init(PushResponse.self, "synchealth.v1.PushResponse"),
        .init(ConfigChange.self, "synchealth.v1.ConfigChange"),
        .init(ConfigDiff.self, "synchealth.v1.ConfigDiff"),
        .init(ListErrorGroupsRequest.self, "synchealth.v1.ListErrorGroupsRequest"),
        .init(PlatformCount.self, "synchealth.v1.PlatformCount"),
        .init(ErrorGroup.self, "synchealth.v1.ErrorGroup"),
        .init(ListErrorGroupsResponse.self, "synchealth.v1.ListErrorGroupsResponse"),
    ]

    package static func run(_ input: [UInt8]) throws(Violation) {
        guard let selector = input.first else { return }
        try codecs[Int(selector) % codecs.count].check(Array(input.dropFirst()))
    }
}
