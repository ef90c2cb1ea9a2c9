import SyncHealthConcurrency
/// The id of one call, for support tickets: taken from the client's
/// `x-request-id` metadata when it sends a usable one, made up otherwise;
/// returned in the response trailers and written in the call's log line.
enum RequestId {
    /// The metadata key, in requests and in response trailers.
    static let metadataKey = "x-request-id"
    /// Longest client-sent id kept.
    static let maxLength = 128

    /// `sent` when it is 1-128 characters of `A-Z a-z 0-9 - _ . : /` (so it
    /// can go into a log line as it is), otherwise a new id.
    static func resolve(_ sent: String?) -> String {
        if let sent, !sent.isEmpty, sent.utf8.count <= maxLength, sent.utf8.allSatisfy(isAllowed) { return sent }
        return generate()
    }

    /// 32 random hex characters.
    static func generate() -> String {
        var generator = SecureRandom()
        return RandomHex.string(words: 2, using: &generator)
    }

    private static func isAllowed(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: ":"), UInt8(ascii: "/"):
            return true
        default:
            return false
        }
    }
}
