import SyncHealthDigest
package import SyncHealthWire

/// The position after the last row of a page: its sort key and its unique
/// tiebreak id. Pages continue with rows strictly after this position, so
/// rows inserted between calls never shift what the next page returns.
package struct PageCursor: Equatable, Sendable {
    /// The last row's sort key.
    package enum Key: Equatable, Sendable {
        case integer(Int64)
        case text(String)
    }

    package var key: Key
    /// The last row's sync_id (or item_id).
    package var tiebreak: String

    /// Creates a value from its fields.
    package init(key: Key, tiebreak: String) {
        self.key = key
        self.tiebreak = tiebreak
    }
}

/// Which list a token belongs to; a token from one list is refused by another.
package enum PageTokenKind: UInt8, Sendable {
    case syncs = 1
    case pushItems = 2
    case companySyncs = 3
    case retryJobs = 4
    case alertDeliveries = 5
    case errorGroups = 10
}

/// Opaque page tokens: base64url of
/// `version | kind | fingerprint(8) | key | tiebreak | checksum(4)`.
///
/// The fingerprint is a hash of the request's filters and sort, so a token
/// reused with different filters is refused instead of silently returning a
/// page of some other query. The checksum catches truncation and garbage.
/// Tokens are not secret and not signed: a forged token can only choose
/// where a listing the caller may read anyway starts.
package enum PageToken {
    package static let version: UInt8 = 1
    private static let integerKey: UInt8 = 1
    private static let textKey: UInt8 = 2

    /// The one error every bad token gets; it never echoes the token.
    package static let invalid = RPCError.invalidArgument(
        "page_token is not valid for this request; start again without a page token")

    package static func encode(_ cursor: PageCursor, kind: PageTokenKind, fingerprint: [UInt8]) -> String {
        precondition(fingerprint.count == 8, "fingerprints are 8 bytes")
        var writer = ByteWriter()
        writer.write(version)
        writer.write(kind.rawValue)
        writer.write(raw: fingerprint)
        switch cursor.key {
        case .integer(let value):
            writer.write(integerKey)
            writer.write(value)
        case .text(let value):
            writer.write(textKey)
            writer.write(value)
        }
        writer.write(cursor.tiebreak)
        var payload = writer.bytes
        payload.append(contentsOf: SHA256Digest.hash(payload).prefix(4))
        return Base64URL.encode(payload)
    }

    /// Decodes `token`; throws `invalid` for anything but an intact token of
    /// this kind and fingerprint.
    package static func decode(_ token: String, kind: PageTokenKind, fingerprint: [UInt8]) throws(RPCError) -> PageCursor {
        guard token.utf8.count <= Limits.maxPageTokenBytes,
              let bytes = Base64URL.decode(token), bytes.count > 4
        else { throw invalid }
        let payload = Array(bytes.dropLast(4))
        guard Array(bytes.suffix(4)) == Array(SHA256Digest.hash(payload).prefix(4)) else { throw invalid }
        var reader = ByteReader(payload)
        guard reader.readByte() == version,
              reader.readByte() == kind.rawValue,
              reader.readRaw(count: 8) == fingerprint,
              let tag = reader.readByte()
        else { throw invalid }
        let key: PageCursor.Key
        switch tag {
        case integerKey:
            guard let value = reader.readInt64() else { throw invalid }
            key = .integer(value)
        case textKey:
            guard let value = reader.readString() else { throw invalid }
            key = .text(value)
        default:
            throw invalid
        }
        guard let tiebreak = reader.readString(), reader.isAtEnd else { throw invalid }
        return PageCursor(key: key, tiebreak: tiebreak)
    }
}

/// Builds the 8-byte fingerprint of a request's filters and sort: every field
/// that changes which rows match or their order, in a fixed order, with
/// repeated fields as sorted sets (their order does not change the result).
/// Page size and include_total are left out: changing them between pages is
/// allowed.
package struct FilterFingerprint {
    private var writer = ByteWriter()

    package init(kind: PageTokenKind) { writer.write(kind.rawValue) }

    package mutating func add(_ value: String) { writer.write(value) }
    package mutating func add(_ value: Int64) { writer.write(value) }
    package mutating func add(_ values: [Int64]) {
        let set = Set(values).sorted()
        writer.write(UInt32(set.count))
        for value in set { writer.write(value) }
    }
    package mutating func add(_ values: [String]) {
        let set = Set(values).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        writer.write(UInt32(set.count))
        for value in set { writer.write(value) }
    }

    package var bytes: [UInt8] { Array(SHA256Digest.hash(writer.bytes).prefix(8)) }
}
