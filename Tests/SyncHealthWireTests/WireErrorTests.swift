import SyncHealthWire
import Testing
import SyncHealthTestTraits

@Suite("WireError", .offThePool)
struct WireErrorTests {
    @Test func mapsToInvalidArgument() {
        let error = WireError.invalidUTF8(field: "synchealth.v1.GoAway.message")
        #expect(error.rpcError == RPCError(.invalidArgument, "invalid UTF-8 in synchealth.v1.GoAway.message"))
        #expect(
            WireError.malformed(message: "synchealth.v1.Settings").rpcError
                == RPCError(.invalidArgument, "malformed synchealth.v1.Settings"))
    }

    @Test func description() {
        #expect("\(WireError.malformed(message: "synchealth.v1.Sync"))" == "malformed synchealth.v1.Sync")
        #expect("\(WireError.invalidUTF8(field: "x.y"))" == "invalid UTF-8 in x.y")
    }
}
