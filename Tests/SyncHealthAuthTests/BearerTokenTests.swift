import SyncHealthServer
import Testing
import SyncHealthTestSupport
import SyncHealthTestTraits

@Suite(.offThePool) struct BearerTokenTests {
    @Test(arguments: [
        ("Bearer abc123", "abc123"),
        ("bearer abc123", "abc123"),
        ("BEARER abc123", "abc123"),
        ("bEaReR abc123", "abc123"),
        ("Bearer   spaced", "spaced"),
        ("Bearer shd_0aF-._~+/", "shd_0aF-._~+/"),
        ("Bearer dG9rZW4=", "dG9rZW4="),
        ("Bearer dG9rZQ==", "dG9rZQ=="),
    ])
    func acceptsBearerTokens(value: String, token: String) {
        #expect(BearerToken.parse(value) == .success(token))
    }

    @Test func missingOrEmptyValueIsMissing() {
        #expect(BearerToken.parse(nil) == .failure(.missing))
        #expect(BearerToken.parse("") == .failure(.missing))
    }

    @Test(arguments: [
        "Bearer",                 // no token
        "Bearer ",                // no token
        "Bearer    ",             // only spaces
        "Bearerabc",              // no separator
        "Bearer\tabc",            // tab is not the separator
        "Basic dXNlcjpwYXNz",      // another scheme
        "Token abc",
        "Bear abc",
        "abc123",                 // bare token
        " Bearer abc",            // leading space
        "Bearer abc def",         // two words
        "Bearer abc ",            // trailing space
        "Bearer ab\u{0}c",        // NUL
        "Bearer abc\r\n",         // header injection
        "Bearer tök",             // non-ASCII
        "Bearer =abc",            // padding first
        "Bearer ab=c",            // padding in the middle
        "Bearer ==",              // padding only
        "Bearer \"abc\"",         // quoted
    ])
    func rejectsMalformedValues(value: String) {
        #expect(BearerToken.parse(value) == .failure(.malformed))
    }

    @Test func boundsTheTokenLength() {
        let longest = String(repeating: "a", count: BearerToken.maxTokenBytes)
        #expect(BearerToken.parse("Bearer \(longest)") == .success(longest))
        #expect(BearerToken.parse("Bearer \(longest)a") == .failure(.malformed))
        #expect(BearerToken.parse("Bearer " + String(repeating: "a", count: 1 << 20)) == .failure(.malformed))
    }

    @Test func b64TokenCharacterSet() {
        for byte in UInt8(0)...UInt8(127) {
            let scalar = Character(Unicode.Scalar(byte))
            let expected = scalar.isLetter || scalar.isNumber || "-._~+/".contains(scalar)
            #expect(BearerToken.isB64Token([byte]) == expected, "byte \(byte)")
        }
        #expect(!BearerToken.isB64Token([UInt8]()))
    }
}
