@testable import SyncHealthStorage
@testable import SyncHealthSQLite
@testable import SyncHealthRelational
import SyncHealthConcurrency
import SyncHealthWire
import Testing
import SyncHealthTestSupport
import SyncHealthTestTraits

@Suite(.offThePool) struct CodecTests {
    @Test func base64URLRoundTripsEveryLength() {
        var generator = SplitMix64(seed: 7)
        for length in 0..<70 {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let text = Base64URL.encode(bytes)
            #expect(!text.contains("=") && !text.contains("+") && !text.contains("/"))
            #expect(Base64URL.decode(text) == bytes)
        }
    }

    @Test func base64URLKnownValues() {
        #expect(Base64URL.encode(Array("foobar".utf8)) == "Zm9vYmFy")
        #expect(Base64URL.encode(Array("fooba".utf8)) == "Zm9vYmE")
        #expect(Base64URL.encode([0xFB, 0xFF]) == "-_8")
    }

    @Test func base64URLRejectsNonCanonical() {
        #expect(Base64URL.decode("Zm9vYmE=") == nil)  // padding
        #expect(Base64URL.decode("Zm9vY") == nil)  // impossible length
        #expect(Base64URL.decode("Zm+v") == nil)  // standard alphabet
        #expect(Base64URL.decode("Zh") == nil)  // non-zero spare bits
    }

    @Test func stringListRoundTrips() {
        for list in [[], [""], ["Please reconcile manually", "ünïcødé", "a\u{0}b"]] {
            #expect(StringListCodec.decode(StringListCodec.encode(list)) == list)
        }
        #expect(StringListCodec.decode([]) == [])
        #expect(StringListCodec.decode([1, 0xFF, 0xFF, 0xFF, 0xFF]) == [])
    }

    @Test func configFileNames() {
        #expect(ConfigFileName.suggested(requested: "", syncId: "s-1", contentType: "application/json") == "config-s-1.json")
        #expect(ConfigFileName.suggested(requested: "", syncId: "s/../1", contentType: "application/x-yaml; charset=utf-8")
            == "config-s_.._1.yaml")
        #expect(ConfigFileName.suggested(requested: "../../etc/passwd", syncId: "s", contentType: "") == "_.._etc_passwd")
        #expect(ConfigFileName.suggested(requested: "...", syncId: "s", contentType: "text/plain") == "config-s.txt")
        #expect(ConfigFileName.suggested(requested: "", syncId: "s", contentType: "application/octet-stream") == "config-s.bin")
        #expect(ConfigFileName.sanitize(String(repeating: "x", count: 500)).count == 128)
    }
}
