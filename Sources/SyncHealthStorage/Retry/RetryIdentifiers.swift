import SyncHealthConcurrency
/// Random identifiers of retry jobs, attempts and leases. Not secrets, but
/// unguessable enough that two never collide.
package enum RetryIdentifiers {
    /// "rj_" and 24 hex digits.
    package static func jobId() -> String { "rj_" + randomHex(bytes: 12) }

    /// "rk_" and 32 hex digits: the idempotency key of a new retry attempt.
    package static func attemptKey() -> String { "rk_" + randomHex(bytes: 16) }

    /// 8 hex digits that make one lease's owner string unique.
    package static func leaseToken() -> String { randomHex(bytes: 4) }

    package static func randomHex(bytes count: Int) -> String {
        var generator = SecureRandom()
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(count * 2)
        for _ in 0..<count {
            let byte = UInt8.random(in: 0...255, using: &generator)
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}

/// Identifiers of alert rules and deliveries.
package enum AlertIdentifiers {
    /// "ar_" and 24 hex digits.
    package static func ruleId() -> String { "ar_" + RetryIdentifiers.randomHex(bytes: 12) }
    /// "ad_" and 32 hex digits: sent with every try of one delivery.
    package static func deliveryId() -> String { "ad_" + RetryIdentifiers.randomHex(bytes: 16) }
    /// 64 hex digits: a rule's HMAC-SHA256 signing key (256 bits).
    package static func signingSecret() -> String { RetryIdentifiers.randomHex(bytes: 32) }
}
