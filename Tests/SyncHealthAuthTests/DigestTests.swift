import SyncHealthServer
import Testing
import SyncHealthTestSupport
import SyncHealthTestTraits

@Suite(.offThePool) struct DigestTests {
    @Test func constantTimeEqualsComparesEveryByte() {
        let digest = TokenDigest.digest(of: "token")
        #expect(ConstantTime.equals(digest, digest))
        #expect(ConstantTime.equals([], []))
        for index in digest.indices {
            for bit in 0..<8 {
                var changed = digest
                changed[index] ^= UInt8(1) << UInt8(bit)
                #expect(!ConstantTime.equals(digest, changed))
            }
        }
        #expect(!ConstantTime.equals(digest, Array(digest.dropLast())))
        #expect(!ConstantTime.equals(digest, digest + [0]))
    }

    @Test func tokenDigestIsSHA256OfUTF8() {
        // echo -n abc | sha256sum; echo -n secret-token | sha256sum
        #expect(TokenDigest.hex(of: "abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(TokenDigest.hex(of: "secret-token") == "930bbdc51b6aed5c2a5678fd6e28dee7a05e8a4b643cfc0b4427c3efb86c0d94")
        #expect(TokenDigest.digest(of: "abc").count == 32)
    }

    @Test func parsesHexInEitherCase() throws {
        let hex = TokenDigest.hex(of: "abc")
        let bytes = try #require(TokenDigest.parseHex(hex))
        #expect(bytes == TokenDigest.digest(of: "abc"))
        #expect(TokenDigest.parseHex(hex.uppercased()) == bytes)
    }

    @Test(arguments: [
        "", "00", String(repeating: "0", count: 63), String(repeating: "0", count: 65),
        String(repeating: "g", count: 64), String(repeating: "0", count: 62) + " 0",
        String(repeating: "0", count: 62) + "é",
    ])
    func rejectsBadHex(text: String) {
        #expect(TokenDigest.parseHex(text) == nil)
    }
}
