import SyncHealthRetry
import Testing
import SyncHealthTestSupport
import SyncHealthTestTraits

@Suite(.offThePool) struct TokenBucketTests {
    @Test func burstThenRate() {
        var bucket = TokenBucket(ratePerSecond: 10, burst: 3, nowMs: 0)
        #expect(bucket.take(nowMs: 0) == 0)
        #expect(bucket.take(nowMs: 0) == 0)
        #expect(bucket.take(nowMs: 0) == 0)
        // Empty: one token takes 100 ms at 10/s.
        #expect(bucket.take(nowMs: 0) == 100)
        #expect(bucket.take(nowMs: 50) == 50)
        #expect(bucket.take(nowMs: 100) == 0)
        #expect(bucket.take(nowMs: 100) == 100)
    }

    @Test func neverHoldsMoreThanTheBurst() {
        var bucket = TokenBucket(ratePerSecond: 1_000, burst: 2, nowMs: 0)
        _ = bucket.take(nowMs: 0)
        _ = bucket.take(nowMs: 0)
        // A long pause refills to the burst only.
        #expect(bucket.take(nowMs: 1_000_000) == 0)
        #expect(bucket.take(nowMs: 1_000_000) == 0)
        #expect(bucket.take(nowMs: 1_000_000) > 0)
    }

    @Test func grantsOverTimeMatchTheRate() {
        var bucket = TokenBucket(ratePerSecond: 50, burst: 1, nowMs: 0)
        var granted = 0
        for now in stride(from: Int64(0), to: 10_000, by: 1) where bucket.take(nowMs: now) == 0 {
            granted += 1
        }
        // One token every 20 ms: t = 0 (the initial one), 20, 40, ..., 9980.
        #expect(granted == 500)
    }

    @Test func clockGoingBackwardsGrantsNothingExtra() {
        var bucket = TokenBucket(ratePerSecond: 1, burst: 1, nowMs: 5_000)
        #expect(bucket.take(nowMs: 5_000) == 0)
        #expect(bucket.take(nowMs: 1_000) > 0)
    }
}
