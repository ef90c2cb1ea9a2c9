import SyncHealthWire
import Testing

/// One message type, type-erased so a single parameterized test can run
/// the same checks over every message of the API.
struct MessageCase: Sendable, CustomTestStringConvertible {
    /// The full proto name `WireError.malformed` carries.
    let protoName: String
    /// Decodes `bytes`, returning whether they decoded to the default message.
    let decodesToDefault: @Sendable ([UInt8]) throws -> Bool
    /// The encoding of the default message.
    let defaultEncoding: @Sendable () -> [UInt8]

    init<M: WireMessage>(_ defaultValue: M, _ protoName: String) {
        self.protoName = protoName
        self.decodesToDefault = { try M(serializedBytes: $0) == defaultValue }
        self.defaultEncoding = { defaultValue.serializedBytes() }
    }

    var testDescription: String { protoName }
}

/// Every message of proto/synchealth/v1.
let allMessages: [MessageCase] = protocolMessages + healthMessages + syncMessages + historyMessages
    + ingestMessages + retryMessages + connectorMessages

let protocolMessages: [MessageCase] = [
    MessageCase(MetadataEntry(), "synchealth.v1.MetadataEntry"),
    MessageCase(RequestHeader(), "synchealth.v1.RequestHeader"),
    MessageCase(ResponseHeader(), "synchealth.v1.ResponseHeader"),
    MessageCase(Settings(), "synchealth.v1.Settings"),
    MessageCase(GoAway(), "synchealth.v1.GoAway"),
]

let healthMessages: [MessageCase] = [
    MessageCase(HealthCheckRequest(), "synchealth.v1.HealthCheckRequest"),
    MessageCase(HealthCheckResponse(), "synchealth.v1.HealthCheckResponse"),
]

let syncMessages: [MessageCase] = [
    MessageCase(ItemCounts(), "synchealth.v1.ItemCounts"),
    MessageCase(Sync(), "synchealth.v1.Sync"),
    MessageCase(SyncConfig(), "synchealth.v1.SyncConfig"),
    MessageCase(PushAttempt(), "synchealth.v1.PushAttempt"),
    MessageCase(PushItem(), "synchealth.v1.PushItem"),
    MessageCase(SyncRetryScope(), "synchealth.v1.SyncRetryScope"),
    MessageCase(FilterRetryScope(), "synchealth.v1.FilterRetryScope"),
    MessageCase(RetryScope(), "synchealth.v1.RetryScope"),
    MessageCase(RetryCounts(), "synchealth.v1.RetryCounts"),
    MessageCase(RetryJob(), "synchealth.v1.RetryJob"),
]

let historyMessages: [MessageCase] = [
    MessageCase(Count(), "synchealth.v1.Count"),
    MessageCase(ListSyncsRequest(), "synchealth.v1.ListSyncsRequest"),
    MessageCase(ListSyncsResponse(), "synchealth.v1.ListSyncsResponse"),
    MessageCase(GetSyncRequest(), "synchealth.v1.GetSyncRequest"),
    MessageCase(DataTypeCounts(), "synchealth.v1.DataTypeCounts"),
    MessageCase(RetrySummary(), "synchealth.v1.RetrySummary"),
    MessageCase(GetSyncResponse(), "synchealth.v1.GetSyncResponse"),
    MessageCase(GetSyncConfigRequest(), "synchealth.v1.GetSyncConfigRequest"),
    MessageCase(GetSyncConfigResponse(), "synchealth.v1.GetSyncConfigResponse"),
    MessageCase(ListPushItemsRequest(), "synchealth.v1.ListPushItemsRequest"),
    MessageCase(ListPushItemsResponse(), "synchealth.v1.ListPushItemsResponse"),
    MessageCase(GetDashboardRequest(), "synchealth.v1.GetDashboardRequest"),
    MessageCase(CategoryCount(), "synchealth.v1.CategoryCount"),
    MessageCase(StatusCodeCount(), "synchealth.v1.StatusCodeCount"),
    MessageCase(DailyBucket(), "synchealth.v1.DailyBucket"),
    MessageCase(GetDashboardResponse(), "synchealth.v1.GetDashboardResponse"),
    MessageCase(ListCompanySyncsRequest(), "synchealth.v1.ListCompanySyncsRequest"),
    MessageCase(CompanySync(), "synchealth.v1.CompanySync"),
    MessageCase(ListCompanySyncsResponse(), "synchealth.v1.ListCompanySyncsResponse"),
    MessageCase(ConfigChange(), "synchealth.v1.ConfigChange"),
    MessageCase(ConfigDiff(), "synchealth.v1.ConfigDiff"),
    MessageCase(ListErrorGroupsRequest(), "synchealth.v1.ListErrorGroupsRequest"),
    MessageCase(PlatformCount(), "synchealth.v1.PlatformCount"),
    MessageCase(ErrorGroup(), "synchealth.v1.ErrorGroup"),
    MessageCase(ListErrorGroupsResponse(), "synchealth.v1.ListErrorGroupsResponse"),
]

let ingestMessages: [MessageCase] = [
    MessageCase(RecordSyncRequest(), "synchealth.v1.RecordSyncRequest"),
    MessageCase(RecordSyncResponse(), "synchealth.v1.RecordSyncResponse"),
    MessageCase(PushItemReport(), "synchealth.v1.PushItemReport"),
    MessageCase(RecordPushItemsRequest(), "synchealth.v1.RecordPushItemsRequest"),
    MessageCase(RecordPushItemsResponse(), "synchealth.v1.RecordPushItemsResponse"),
]

let retryMessages: [MessageCase] = [
    MessageCase(RetryFailedItemsRequest(), "synchealth.v1.RetryFailedItemsRequest"),
    MessageCase(SkipCount(), "synchealth.v1.SkipCount"),
    MessageCase(PreviewItem(), "synchealth.v1.PreviewItem"),
    MessageCase(RetryPreview(), "synchealth.v1.RetryPreview"),
    MessageCase(RetryFailedItemsResponse(), "synchealth.v1.RetryFailedItemsResponse"),
    MessageCase(GetRetryJobRequest(), "synchealth.v1.GetRetryJobRequest"),
    MessageCase(GetRetryJobResponse(), "synchealth.v1.GetRetryJobResponse"),
    MessageCase(ListRetryJobsRequest(), "synchealth.v1.ListRetryJobsRequest"),
    MessageCase(ListRetryJobsResponse(), "synchealth.v1.ListRetryJobsResponse"),
    MessageCase(CancelRetryJobRequest(), "synchealth.v1.CancelRetryJobRequest"),
    MessageCase(CancelRetryJobResponse(), "synchealth.v1.CancelRetryJobResponse"),
]

let connectorMessages: [MessageCase] = [
    MessageCase(PushRequest(), "synchealth.v1.PushRequest"),
    MessageCase(PushResponse(), "synchealth.v1.PushResponse"),
]

/// `message` encoded and decoded again.
func roundTrip<M: WireMessage>(_ message: M) throws -> M {
    try M(serializedBytes: message.serializedBytes())
}

/// Unrecognized enum numbers every enum field must carry through unchanged.
let unrecognizedNumbers: [Int32] = [99, -1, Int32.max, Int32.min]
