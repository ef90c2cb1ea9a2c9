import SyncHealthWire
import Testing
import SyncHealthTestTraits

@Suite("protocol.proto codecs", .offThePool)
struct ProtocolMessagesTests {
    static let statusCodes = StatusCode.allKnown + unrecognizedNumbers.map(StatusCode.unrecognized)

    @Test func metadataEntryRoundTrip() throws {
        let entry = MetadataEntry(key: "authorization", value: "Bearer \(unicodeText)")
        #expect(try roundTrip(entry) == entry)
    }

    @Test func requestHeaderRoundTrip() throws {
        let header = RequestHeader(
            method: "/synchealth.v1.SyncHistory/ListSyncs",
            timeoutMs: UInt32.max,
            metadata: [
                MetadataEntry(key: "authorization", value: "Bearer abc"),
                MetadataEntry(),  // an all-default element still counts
                MetadataEntry(key: "x-note", value: unicodeText),
            ])
        let decoded = try roundTrip(header)
        #expect(decoded == header)
        #expect(decoded.metadata.count == 3)
    }

    @Test func requestHeaderWithTenThousandEntries() throws {
        let metadata = (0..<10_000).map { MetadataEntry(key: "k\($0)", value: "v\($0) ✓") }
        let header = RequestHeader(method: "/m", timeoutMs: 1, metadata: metadata)
        let decoded = try roundTrip(header)
        #expect(decoded.metadata.count == 10_000)
        #expect(decoded == header)
    }

    @Test(arguments: statusCodes)
    func responseHeaderRoundTrip(_ code: StatusCode) throws {
        let header = ResponseHeader(
            statusCode: code,
            statusMessage: "détail \(unicodeText)",
            trailers: [MetadataEntry(key: "retry-after", value: "10"), MetadataEntry(key: "a", value: "")])
        #expect(try roundTrip(header) == header)
    }

    @Test func settingsRoundTrip() throws {
        let settings = Settings(
            protocolMajor: 1, protocolMinor: UInt32.max, maxFrameSize: 16 << 20,
            maxConcurrentStreams: 100, serverName: "synchealthd ✓", serverVersion: "1.0.0-日本")
        #expect(try roundTrip(settings) == settings)
    }

    @Test(arguments: statusCodes)
    func goAwayRoundTrip(_ code: StatusCode) throws {
        let goAway = GoAway(lastStreamId: UInt32.max, statusCode: code, message: "draining: \(unicodeText)")
        #expect(try roundTrip(goAway) == goAway)
    }

    @Test func knownBytes() {
        #expect(MetadataEntry(key: "a", value: "b").serializedBytes() == [0x0A, 0x01, 0x61, 0x12, 0x01, 0x62])
        #expect(
            GoAway(lastStreamId: 7, statusCode: .unavailable, message: "bye").serializedBytes()
                == [0x08, 0x07, 0x10, 0x0E, 0x1A, 0x03, 0x62, 0x79, 0x65])
        // 300 = 0xAC 0x02; the entry is a 6-byte sub-message under tag 0x1A.
        #expect(
            RequestHeader(method: "/m", timeoutMs: 300, metadata: [MetadataEntry(key: "k", value: "v")])
                .serializedBytes()
                == [0x0A, 0x02, 0x2F, 0x6D, 0x10, 0xAC, 0x02, 0x1A, 0x06, 0x0A, 0x01, 0x6B, 0x12, 0x01, 0x76])
        #expect(Settings(maxFrameSize: UInt32.max).serializedBytes() == [0x18, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F])
        // A negative enum number is sign-extended to ten bytes, as int32 is.
        #expect(
            GoAway(statusCode: .unrecognized(-1)).serializedBytes()
                == [0x10, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01])
        // Zero values are not written at all.
        #expect(GoAway(lastStreamId: 0, statusCode: .ok, message: "").serializedBytes() == [])
    }

    @Test func unknownEnumNumberFromTheWire() throws {
        let goAway = try GoAway(serializedBytes: varintField(2, 99))
        #expect(goAway.statusCode == .unrecognized(99))
        let header = try ResponseHeader(serializedBytes: varintField(1, -7))
        #expect(header.statusCode == .unrecognized(-7))
    }

    @Test func wrongWireTypeIsMalformed() {
        #expect(throws: WireError.malformed(message: "synchealth.v1.MetadataEntry")) {
            try MetadataEntry(serializedBytes: varintField(1, 5))
        }
        #expect(throws: WireError.malformed(message: "synchealth.v1.RequestHeader")) {
            try RequestHeader(serializedBytes: stringField(1, "/m") + lengthDelimitedField(2, [0x01]))
        }
        #expect(throws: WireError.malformed(message: "synchealth.v1.ResponseHeader")) {
            try ResponseHeader(serializedBytes: varintField(3, 1))
        }
        #expect(throws: WireError.malformed(message: "synchealth.v1.GoAway")) {
            try GoAway(serializedBytes: tag(2, .fixed32) + [0, 0, 0, 0])
        }
    }

    @Test func malformedSubMessageIsMalformed() {
        // metadata[0] claims a 3-byte key but holds 1 byte.
        let entry: [UInt8] = tag(1, .lengthDelimited) + varint(3) + [0x61]
        #expect(throws: WireError.malformed(message: "synchealth.v1.RequestHeader")) {
            try RequestHeader(serializedBytes: lengthDelimitedField(3, entry))
        }
    }

    @Test(arguments: invalidUTF8Samples)
    func invalidUTF8InMetadataKey(_ bad: [UInt8]) {
        #expect(throws: WireError.invalidUTF8(field: "synchealth.v1.MetadataEntry.key")) {
            try MetadataEntry(serializedBytes: lengthDelimitedField(1, bad) + stringField(2, "ok"))
        }
    }

    @Test func invalidUTF8NamesTheField() {
        let bad: [UInt8] = [0xFF, 0xFE]
        #expect(throws: WireError.invalidUTF8(field: "synchealth.v1.MetadataEntry.value")) {
            try MetadataEntry(serializedBytes: stringField(1, "ok") + lengthDelimitedField(2, bad))
        }
        #expect(throws: WireError.invalidUTF8(field: "synchealth.v1.RequestHeader.method")) {
            try RequestHeader(serializedBytes: lengthDelimitedField(1, bad))
        }
        let goodEntry = MetadataEntry(key: "a", value: "b").serializedBytes()
        let badEntry = stringField(1, "k") + lengthDelimitedField(2, bad)
        #expect(throws: WireError.invalidUTF8(field: "synchealth.v1.RequestHeader.metadata[1].value")) {
            try RequestHeader(serializedBytes: lengthDelimitedField(3, goodEntry) + lengthDelimitedField(3, badEntry))
        }
        #expect(throws: WireError.invalidUTF8(field: "synchealth.v1.ResponseHeader.status_message")) {
            try ResponseHeader(serializedBytes: lengthDelimitedField(2, bad))
        }
        #expect(throws: WireError.invalidUTF8(field: "synchealth.v1.ResponseHeader.trailers[0].key")) {
            try ResponseHeader(serializedBytes: lengthDelimitedField(3, lengthDelimitedField(1, bad)))
        }
        #expect(throws: WireError.invalidUTF8(field: "synchealth.v1.Settings.server_name")) {
            try Settings(serializedBytes: lengthDelimitedField(5, bad))
        }
        #expect(throws: WireError.invalidUTF8(field: "synchealth.v1.Settings.server_version")) {
            try Settings(serializedBytes: lengthDelimitedField(6, bad))
        }
        #expect(throws: WireError.invalidUTF8(field: "synchealth.v1.GoAway.message")) {
            try GoAway(serializedBytes: lengthDelimitedField(3, bad))
        }
    }

    @Test func unknownFieldsAroundKnownOnes() throws {
        let header = RequestHeader(method: "/m", timeoutMs: 5, metadata: [MetadataEntry(key: "k", value: "v")])
        let bytes = unknownFields + header.serializedBytes() + unknownFields
        #expect(try RequestHeader(serializedBytes: bytes) == header)
        // Unknown fields inside a nested message are skipped too.
        let entry = unknownFields + stringField(1, "k") + unknownFields
        #expect(
            try RequestHeader(serializedBytes: lengthDelimitedField(3, entry)).metadata
                == [MetadataEntry(key: "k")])
    }

    @Test func decodesFromASlice() throws {
        let settings = Settings(protocolMajor: 1, maxFrameSize: 1 << 20, serverName: "s")
        let buffer: [UInt8] = [0xAA, 0xBB] + settings.serializedBytes() + [0xCC]
        #expect(try Settings(serializedBytes: buffer[2..<(buffer.count - 1)]) == settings)
    }
}
