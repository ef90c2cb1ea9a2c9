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
let allMessages: [MessageCase] = protocolMessages + healthMessages + syncMessages

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

/// `message` encoded and decoded again.
func roundTrip<M: WireMessage>(_ message: M) throws -> M {
    try M(serializedBytes: message.serializedBytes())
}

/// Unrecognized enum numbers every enum field must carry through unchanged.
let unrecognizedNumbers: [Int32] = [99, -1, Int32.max, Int32.min]
