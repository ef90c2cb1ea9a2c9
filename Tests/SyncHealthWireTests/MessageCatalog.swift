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
let allMessages: [MessageCase] = protocolMessages + healthMessages

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

/// `message` encoded and decoded again.
func roundTrip<M: WireMessage>(_ message: M) throws -> M {
    try M(serializedBytes: message.serializedBytes())
}

/// Unrecognized enum numbers every enum field must carry through unchanged.
let unrecognizedNumbers: [Int32] = [99, -1, Int32.max, Int32.min]
