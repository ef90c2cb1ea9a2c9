import SyncHealthWire
import Testing
import SyncHealthTestTraits

/// Inputs `tools/fuzz` turned up, kept as plain unit tests. (Their bytes are
/// in tools/fuzz-corpus too, replayed by FuzzCorpusTests.)
@Suite("Fuzz findings", .offThePool)
struct FuzzFindingsTests {
    /// tools/fuzz-corpus/messages/32-GetDashboardResponse.nan-rate: a NaN
    /// success_rate decodes (protobuf allows it), is not equal to itself, and
    /// must still re-encode bit for bit rather than be altered.
    @Test func nanSuccessRateRoundTripsBitForBit() throws {
        let bytes: [UInt8] = [0x21, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0xFF, 0xFF]
        let decoded = try GetDashboardResponse(serializedBytes: bytes)
        #expect(decoded.successRate.isNaN)
        #expect(decoded.successRate.bitPattern == 0xFFFF_0000_0000_0001)
        #expect(decoded.serializedBytes() == bytes)
    }
}
