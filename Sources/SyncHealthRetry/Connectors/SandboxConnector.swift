import Foundation
public import SyncHealthWire
import SyncHealthConcurrency

/// How the sandbox accounting platform behaves.
public struct SandboxBehavior: Sendable, Hashable {
    /// A rule that always fails items whose core id contains `coreIdContains`.
    public struct FailureRule: Sendable, Hashable {
        public var coreIdContains: String
        public var message: String
        public var retryable: Bool

        /// Creates a rule.
        public init(coreIdContains: String, message: String, retryable: Bool = false) {
            self.coreIdContains = coreIdContains
            self.message = message
            self.retryable = retryable
        }
    }

    /// Fixes every random outcome.
    public var seed: UInt64
    /// Time each push takes, in ms.
    public var latencyMs: Int64
    /// Share of pushes that fail with a transient (retryable) error.
    public var transientFailureRate: Double
    /// Share of pushes that time out (and still land in the platform).
    public var timeoutRate: Double
    /// Rules that always fail chosen items.
    public var failureRules: [FailureRule]

    /// Creates a behavior; the default succeeds at once, every time.
    public init(seed: UInt64 = 1, latencyMs: Int64 = 0, transientFailureRate: Double = 0, timeoutRate: Double = 0, failureRules: [FailureRule] = []) {
        self.seed = seed
        self.latencyMs = latencyMs
        self.transientFailureRate = transientFailureRate
        self.timeoutRate = timeoutRate
        self.failureRules = failureRules
    }
}

/// A simulated accounting platform. Outcomes depend only on the seed and the
/// idempotency key, never on call order, so runs are reproducible; a key seen
/// before returns the earlier result marked `duplicate` (a timed-out push
/// counts as landed, as on real platforms).
public final class SandboxConnector: PushConnector {
    public let behavior: SandboxBehavior
    private let landed = Locked<[String: PushResponse]>([:])
    private let calls = Locked<[String: Int]>([:])

    /// Creates a sandbox with `behavior`.
    public init(behavior: SandboxBehavior = SandboxBehavior()) {
        self.behavior = behavior
    }

    /// Deliveries received per idempotency key (for tests of at-least-once delivery).
    public var deliveriesByKey: [String: Int] { calls.withLock { $0 } }

    /// Records created in the sandbox platform, by idempotency key.
    public var createdRecords: [String: String] {
        landed.withLock { $0.compactMapValues { $0.outcome == .success || $0.outcome == .timedOut ? $0.targetRecordId : nil } }
    }

    public func push(_ request: PushRequest, timeoutMs: Int64) -> PushResponse {
        calls.withLock { $0[request.idempotencyKey, default: 0] += 1 }
        if behavior.latencyMs > 0 {
            let wait = min(behavior.latencyMs, max(timeoutMs, 0))
            usleep(useconds_t(clamping: wait * 1_000))
        }
        if let earlier = landed.withLock({ $0[request.idempotencyKey] }) {
            var replay = earlier
            if replay.outcome == .timedOut { replay = PushResponse(outcome: .success, targetRecordId: earlier.targetRecordId, retryable: true) }
            replay.duplicate = true
            return replay
        }
        if timeoutMs < behavior.latencyMs {
            return PushResponse(outcome: .timedOut, errorMessage: "sandbox did not answer within \(timeoutMs) ms", retryable: true)
        }
        let response = decide(request)
        if response.outcome == .success || response.outcome == .timedOut {
            landed.withLock { $0[request.idempotencyKey] = response }
        }
        return response
    }

    private func decide(_ request: PushRequest) -> PushResponse {
        if let rule = behavior.failureRules.first(where: { !$0.coreIdContains.isEmpty && request.coreId.contains($0.coreIdContains) }) {
            return PushResponse(outcome: .failed, errorMessage: rule.message, retryable: rule.retryable)
        }
        let roll = Self.unitHash(seed: behavior.seed, key: request.idempotencyKey)
        let recordId = "sbx-" + String(Self.hash(seed: behavior.seed &+ 1, key: request.idempotencyKey) % 1_000_000_000)
        if roll < behavior.timeoutRate {
            return PushResponse(outcome: .timedOut, targetRecordId: recordId, errorMessage: "The sandbox platform timed out; the record may have been created.", retryable: true)
        }
        if roll < behavior.timeoutRate + behavior.transientFailureRate {
            return PushResponse(outcome: .failed, errorMessage: "Sandbox platform temporarily unavailable (HTTP 503).", retryable: true)
        }
        return PushResponse(outcome: .success, targetRecordId: recordId, retryable: true)
    }

    /// FNV-1a over the seed and the key.
    static func hash(seed: UInt64, key: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325 ^ seed
        for byte in key.utf8 {
            h ^= UInt64(byte)
            h = h &* 0x0000_0100_0000_01b3
        }
        // Final avalanche so nearby keys spread over the unit interval.
        h ^= h >> 33
        h = h &* 0xff51_afd7_ed55_8ccd
        h ^= h >> 33
        return h
    }

    /// A value in 0..<1 fixed by the seed and the key.
    static func unitHash(seed: UInt64, key: String) -> Double {
        Double(hash(seed: seed, key: key) >> 11) / Double(1 << 53)
    }
}
