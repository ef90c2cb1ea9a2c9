import SyncHealthConcurrency
import SyncHealthRetry
import SyncHealthWire
import Testing
import SyncHealthTestSupport
import SyncHealthTestTraits

@Suite(.offThePool) struct BackoffPolicyTests {
    let policy = BackoffPolicy(initialIntervalMs: 100, multiplier: 2, maximumIntervalMs: 1_000, maximumAttempts: 6)

    @Test func ceilingsGrowGeometricallyAndClamp() {
        #expect((1...8).map { policy.ceilingMs(forRetry: $0) } == [100, 200, 400, 800, 1_000, 1_000, 1_000, 1_000])
    }

    @Test func equalJitterKeepsHalfTheCeiling() {
        let equal = BackoffPolicy(initialIntervalMs: 100, multiplier: 2, maximumIntervalMs: 1_000, maximumAttempts: 6, jitter: .equal)
        #expect(equal.delayMs(afterAttempts: 1) { 0 } == 50)
        #expect(equal.delayMs(afterAttempts: 1) { 0.999_999 } == 99)
        #expect(equal.delayMs(afterAttempts: 3) { 0.5 } == 300)
        #expect(equal.delayMs(afterAttempts: 6) { 0.5 } == nil)
        // Full jitter may wait nothing at all.
        #expect(policy.delayMs(afterAttempts: 1) { 0 } == 0)
    }

    @Test func delaysStayWithinZeroAndTheCeiling() {
        for attempts in 1..<6 {
            let ceiling = policy.ceilingMs(forRetry: attempts)
            #expect(policy.delayMs(afterAttempts: attempts) { 0 } == 0)
            #expect(policy.delayMs(afterAttempts: attempts) { 0.999_999 } == ceiling - 1 || policy.delayMs(afterAttempts: attempts) { 0.999_999 } == ceiling)
            #expect(policy.delayMs(afterAttempts: attempts) { 0.5 } == ceiling / 2)
            // Out-of-range randoms are clamped, never exceed the ceiling.
            #expect(policy.delayMs(afterAttempts: attempts) { 7 } == ceiling)
            #expect(policy.delayMs(afterAttempts: attempts) { -3 } == 0)
        }
    }

    @Test func jitterIsDeterministicWithAnInjectedSource() {
        var a = SplitMix64(seed: 9)
        var b = SplitMix64(seed: 9)
        let first = (1..<6).map { policy.delayMs(afterAttempts: $0) { a.unit() } }
        let second = (1..<6).map { policy.delayMs(afterAttempts: $0) { b.unit() } }
        #expect(first == second)
        // Real jitter: not every delay equals its ceiling.
        #expect(first.enumerated().contains { $0.element != policy.ceilingMs(forRetry: $0.offset + 1) })
    }

    @Test func noDelayOnceAttemptsAreSpent() {
        #expect(policy.delayMs(afterAttempts: 6) { 0.5 } == nil)
        #expect(policy.delayMs(afterAttempts: 60) { 0.5 } == nil)
        #expect(policy.delayMs(afterAttempts: 0) { 0.5 } == nil)
        let once = BackoffPolicy(initialIntervalMs: 10, maximumIntervalMs: 10, maximumAttempts: 1)
        #expect(once.delayMs(afterAttempts: 1) { 0.5 } == nil)
    }

    @Test func hugeRetryCountsDoNotOverflow() {
        let steep = BackoffPolicy(initialIntervalMs: 1, multiplier: 1_000, maximumIntervalMs: 5_000, maximumAttempts: Int.max)
        #expect(steep.ceilingMs(forRetry: 1_000) == 5_000)
        #expect(steep.delayMs(afterAttempts: 10_000) { 1 } == 5_000)
    }

    @Test func systemRandomDelaysAreBounded() {
        for _ in 0..<1_000 {
            let delay = policy.delayMs(afterAttempts: 3) ?? -1
            #expect(delay >= 0 && delay <= 400)
        }
    }
}
