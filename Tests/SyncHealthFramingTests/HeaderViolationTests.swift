import SyncHealthWire
import Testing
import SyncHealthTestTraits

/// One malformed frame header and the error it must raise.
struct HeaderViolation: Sendable, CustomTestStringConvertible {
    var name: String
    var role: FrameDecoder.Role
    var header: [UInt8]
    var error: FrameError

    var testDescription: String { name }

    init(_ name: String, _ role: FrameDecoder.Role, length: UInt32, type: UInt8, flags: UInt8 = 0, reserved: UInt16 = 0, streamId: UInt32, _ error: FrameError) {
        self.name = name
        self.role = role
        header = FrameSamples.header(length: length, type: type, flags: flags, reserved: reserved, streamId: streamId)
        self.error = error
    }
}

/// Every violation the header alone reveals is rejected from its 12 bytes,
/// before any payload arrives and before anything is allocated for it.
@Suite("Header violations", .offThePool)
struct HeaderViolationTests {
    static let max = Frame.defaultMaxFrameSize
    static let request = FrameType.request.rawValue
    static let response = FrameType.response.rawValue
    static let cancel = FrameType.cancel.rawValue
    static let settings = FrameType.settings.rawValue
    static let ping = FrameType.ping.rawValue
    static let pong = FrameType.pong.rawValue
    static let goAway = FrameType.goAway.rawValue

    static let violations: [HeaderViolation] = [
        .init("length 0xFFFFFFFF", .server, length: .max, type: request, streamId: 1, .frameTooLarge(length: .max, max: max)),
        .init("length max+1", .server, length: max + 1, type: request, streamId: 1, .frameTooLarge(length: max + 1, max: max)),
        .init("length max+1 on GOAWAY", .client, length: max + 1, type: goAway, streamId: 0, .frameTooLarge(length: max + 1, max: max)),
        .init("unknown type 0x00", .server, length: 0, type: 0x00, streamId: 1, .unknownFrameType(0x00)),
        .init("unknown type 0x04", .server, length: 0, type: 0x04, streamId: 1, .unknownFrameType(0x04)),
        .init("unknown type 0x84", .client, length: 0, type: 0x84, streamId: 0, .unknownFrameType(0x84)),
        .init("unknown type 0xFF", .client, length: 0, type: 0xFF, streamId: 0, .unknownFrameType(0xFF)),
        .init("flag bit 0 (compression, not in v1)", .server, length: 4, type: request, flags: 0x01, streamId: 1, .flagsSet(0x01)),
        .init("flag bit 7", .client, length: 8, type: ping, flags: 0x80, streamId: 0, .flagsSet(0x80)),
        .init("reserved low bit", .server, length: 4, type: request, reserved: 0x0001, streamId: 1, .reservedBitsSet(0x0001)),
        .init("reserved high bit", .client, length: 4, type: response, reserved: 0x8000, streamId: 1, .reservedBitsSet(0x8000)),
        .init("REQUEST on stream 0", .server, length: 4, type: request, streamId: 0, .streamIdZero(.request)),
        .init("RESPONSE on stream 0", .client, length: 4, type: response, streamId: 0, .streamIdZero(.response)),
        .init("CANCEL on stream 0", .server, length: 0, type: cancel, streamId: 0, .streamIdZero(.cancel)),
        .init("SETTINGS on stream 1", .client, length: 0, type: settings, streamId: 1, .connectionFrameOnStream(.settings, streamId: 1)),
        .init("PING on stream 2", .server, length: 8, type: ping, streamId: 2, .connectionFrameOnStream(.ping, streamId: 2)),
        .init("PONG on stream 0xFFFFFFFF", .client, length: 8, type: pong, streamId: .max, .connectionFrameOnStream(.pong, streamId: .max)),
        .init("GOAWAY on stream 5", .server, length: 0, type: goAway, streamId: 5, .connectionFrameOnStream(.goAway, streamId: 5)),
        .init("PING of 7 bytes", .server, length: 7, type: ping, streamId: 0, .badPingLength(7)),
        .init("PING of 9 bytes", .client, length: 9, type: ping, streamId: 0, .badPingLength(9)),
        .init("PING of 0 bytes", .server, length: 0, type: ping, streamId: 0, .badPingLength(0)),
        .init("PONG of 7 bytes", .server, length: 7, type: pong, streamId: 0, .badPingLength(7)),
        .init("PONG of 9 bytes", .client, length: 9, type: pong, streamId: 0, .badPingLength(9)),
        .init("CANCEL with a payload", .server, length: 1, type: cancel, streamId: 1, .cancelWithPayload(1)),
        .init("REQUEST of 0 bytes", .server, length: 0, type: request, streamId: 1, .headerLengthPastEnd(claimed: 0, available: 0)),
        .init("REQUEST of 1 byte", .server, length: 1, type: request, streamId: 1, .headerLengthPastEnd(claimed: 0, available: 1)),
        .init("RESPONSE of 0 bytes", .client, length: 0, type: response, streamId: 1, .headerLengthPastEnd(claimed: 0, available: 0)),
        .init("RESPONSE of 1 byte", .client, length: 1, type: response, streamId: 1, .headerLengthPastEnd(claimed: 0, available: 1)),
        .init("server reads a RESPONSE", .server, length: 2, type: response, streamId: 1, .unexpectedFrame(.response)),
        .init("server reads a SETTINGS", .server, length: 0, type: settings, streamId: 0, .unexpectedFrame(.settings)),
        .init("client reads a REQUEST", .client, length: 2, type: request, streamId: 1, .unexpectedFrame(.request)),
        .init("client reads a CANCEL", .client, length: 0, type: cancel, streamId: 1, .unexpectedFrame(.cancel)),
    ]

    @Test("rejected from the 12 header bytes alone", arguments: violations)
    func rejectedFromHeader(violation: HeaderViolation) {
        var decoder = FrameDecoder(role: violation.role)
        var buffer = FrameBuffer(violation.header)
        #expect(throws: violation.error) { try decoder.decode(&buffer) }
    }

    @Test("rejected the same way once the payload is there too", arguments: violations.filter { $0.header[0] == 0 && $0.header[1] == 0 })
    func rejectedWithPayload(violation: HeaderViolation) {
        let length = Int(violation.header[2]) << 8 | Int(violation.header[3])
        var decoder = FrameDecoder(role: violation.role)
        var buffer = FrameBuffer(violation.header + Array(repeating: 0, count: length))
        #expect(throws: violation.error) { try decoder.decode(&buffer) }
    }

    @Test("a smaller negotiated maximum is enforced the same way")
    func smallerMaximum() {
        var decoder = FrameDecoder(role: .server, maxFrameSize: 16)
        var buffer = FrameBuffer(FrameSamples.header(length: 17, type: Self.request, streamId: 1))
        #expect(throws: FrameError.frameTooLarge(length: 17, max: 16)) { try decoder.decode(&buffer) }
    }

    @Test("the first violation wins when the header has several")
    func checkOrder() {
        // Too long, unknown type, flags, reserved and stream id all wrong at once.
        var decoder = FrameDecoder(role: .server)
        var buffer = FrameBuffer(FrameSamples.header(length: .max, type: 0x55, flags: 1, reserved: 1, streamId: 0))
        #expect(throws: FrameError.frameTooLarge(length: .max, max: Self.max)) { try decoder.decode(&buffer) }
    }

    @Test("every error has a message a log can show")
    func descriptions() {
        for violation in Self.violations {
            #expect(!violation.error.description.isEmpty)
        }
        #expect(FrameError.badPrefaceMagic.description == "bad preface magic")
        #expect(FrameError.headerLengthPastEnd(claimed: 0, available: 1).description
            == "REQUEST/RESPONSE payload of 1 bytes, shorter than its 2-byte header length")
        #expect(FrameError.headerLengthPastEnd(claimed: 9, available: 1).description
            == "inner header length 9 past the end of the 1 payload bytes")
    }
}
