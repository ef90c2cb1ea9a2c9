import SyncHealthWire
import Testing

/// Strings protobuf allows that a C-string based codec can mishandle.
@Suite("String edge cases against protoc")
struct StringEdgeTests {
    @Test("a string with an embedded NUL from protoc is kept whole or rejected, never cut short")
    func embeddedNulDecodes() throws {
        let bytes = try Protoc.api().encode("synchealth.v1.GetSyncRequest", #"sync_id: "a\000b""#)
        #expect(bytes == [0x0A, 0x03, 0x61, 0x00, 0x62])
        // KNOWN ISSUE (wire codecs): protobuf-c hands strings over as C
        // strings, so "a\0b" reads as "a". Remove withKnownIssue once the
        // wrappers reject or keep such strings; the test then fails until it is.
        withKnownIssue("protobuf-c string fields are NUL-terminated: an embedded NUL truncates the string") {
            do {
                let decoded = try GetSyncRequest(serializedBytes: bytes)
                #expect(decoded.syncId == "a\u{0}b", "decoded as \(decoded.syncId.debugDescription)")
            } catch {
                // Rejecting is acceptable: the peer gets INVALID_ARGUMENT.
            }
        }
    }

    @Test("invalid UTF-8 from protoc is rejected, not passed on")
    func invalidUTF8() throws {
        // protoc's text parser accepts any bytes in a string literal.
        let bytes = try Protoc.api().encode("synchealth.v1.GetSyncRequest", #"sync_id: "\377\376""#)
        #expect(throws: (any Error).self) { try GetSyncRequest(serializedBytes: bytes) }
    }

    @Test("a Swift string with an embedded NUL reaches protoc whole")
    func embeddedNulEncodes() throws {
        let text = try Protoc.api().decode("synchealth.v1.GetSyncRequest", GetSyncRequest(syncId: "a\u{0}b").serializedBytes())
        // KNOWN ISSUE (wire codecs): the string is packed with strlen, so
        // protoc sees "a". Encoding should keep it whole (or refuse it).
        withKnownIssue("protobuf-c packs string fields with strlen: an embedded NUL truncates the string") {
            #expect(text == "sync_id: \"a\\000b\"\n")
        }
    }
}
