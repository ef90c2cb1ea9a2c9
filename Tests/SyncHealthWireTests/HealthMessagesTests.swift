import SyncHealthWire
import Testing
import SyncHealthTestTraits

@Suite("health.proto codecs", .offThePool)
struct HealthMessagesTests {
    @Test func healthCheckRequestRoundTrip() throws {
        let request = HealthCheckRequest(service: "synchealth.v1.SyncHistory ✓")
        #expect(try roundTrip(request) == request)
        #expect(
            HealthCheckRequest(service: "ab").serializedBytes() == [0x0A, 0x02, 0x61, 0x62])
    }

    @Test(arguments: ServingStatus.allKnown + unrecognizedNumbers.map(ServingStatus.unrecognized))
    func healthCheckResponseRoundTrip(_ status: ServingStatus) throws {
        let response = HealthCheckResponse(status: status)
        #expect(try roundTrip(response) == response)
        #expect(try HealthCheckResponse(serializedBytes: varintField(1, Int64(status.rawValue))) == response)
    }

    @Test func knownBytes() {
        #expect(HealthCheckResponse(status: .serving).serializedBytes() == [0x08, 0x01])
        #expect(HealthCheckResponse(status: .unknown).serializedBytes() == [])
    }

    @Test func invalidUTF8InService() {
        #expect(throws: WireError.invalidUTF8(field: "synchealth.v1.HealthCheckRequest.service")) {
            try HealthCheckRequest(serializedBytes: lengthDelimitedField(1, [0x61, 0xFF]))
        }
    }

    @Test func wrongWireTypeIsMalformed() {
        #expect(throws: WireError.malformed(message: "synchealth.v1.HealthCheckResponse")) {
            try HealthCheckResponse(serializedBytes: stringField(1, "x"))
        }
    }
}
