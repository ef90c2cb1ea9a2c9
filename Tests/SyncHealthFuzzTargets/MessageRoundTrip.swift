import SyncHealthWire

/// The one round-trip invariant every decoded message must keep, used by
/// both fuzz targets (a message type picked by the input, and the headers,
/// SETTINGS and GOAWAY payloads found inside frames).
enum MessageRoundTrip {
    /// Decodes `bytes` as `M`. Decoding may fail only with `WireError`; what
    /// decodes re-encodes without error (so it holds no string the wire
    /// cannot carry), decodes again to an equal value (bar NaN), re-encodes
    /// to the same bytes, and decodes the same from a slice.
    static func check<M: WireMessage>(_: M.Type, _ bytes: [UInt8]) throws(Violation) {
        let decoded: M
        do {
            decoded = try M(serializedBytes: bytes)
        } catch is WireError {
            return
        } catch {
            throw Violation("\(M.self) threw \(type(of: error)), not WireError")
        }
        let encoded: [UInt8]
        do {
            encoded = try decoded.checkedSerializedBytes()
        } catch {
            throw Violation("decoded \(M.self) does not re-encode: \(error)")
        }
        let again: M
        do {
            again = try M(serializedBytes: encoded)
        } catch {
            throw Violation("re-encoded \(M.self) does not decode: \(error)")
        }
        // A NaN double (GetDashboardResponse.success_rate) is not equal to
        // itself; such values are held to the byte-for-byte check below.
        guard again == decoded || decoded != decoded else { throw Violation("\(M.self) changed in a round trip") }
        guard again.serializedBytes() == encoded else { throw Violation("\(M.self) re-encodes to other bytes") }
        let padded = [0xA5] + bytes
        guard let fromSlice = try? M(serializedBytes: padded[1...]), fromSlice.serializedBytes() == encoded else {
            throw Violation("\(M.self) decodes differently from a slice")
        }
    }
}
