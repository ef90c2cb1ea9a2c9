import SyncHealthRetry
import SyncHealthWire
import Testing
import SyncHealthTestSupport
import SyncHealthTestTraits

@Suite(.offThePool) struct SandboxConnectorTests {
    func request(_ key: String, core: String = "ord_1") -> PushRequest {
        PushRequest(idempotencyKey: key, syncId: "s", itemId: "i-\(key)", coreId: core, dataType: "invoices", targetPlatform: "xero", attemptNumber: 2)
    }

    @Test func outcomesDependOnSeedAndKeyNotOrder() {
        let behavior = SandboxBehavior(seed: 7, transientFailureRate: 0.3, timeoutRate: 0.1)
        let keys = (0..<300).map { "key-\($0)" }
        let forward = SandboxConnector(behavior: behavior)
        let backward = SandboxConnector(behavior: behavior)
        let a = keys.map { forward.push(request($0), timeoutMs: 1_000).outcome }
        let b = keys.reversed().map { backward.push(request($0), timeoutMs: 1_000).outcome }.reversed()
        #expect(a == Array(b))
        let failures = a.filter { $0 == .failed }.count
        let timeouts = a.filter { $0 == .timedOut }.count
        // Rates are honoured roughly (300 draws): 30% and 10%.
        #expect((50...130).contains(failures))
        #expect((10...55).contains(timeouts))
    }

    @Test func aRedeliveredKeyIsNotPushedTwice() {
        let sandbox = SandboxConnector(behavior: SandboxBehavior(seed: 1))
        let first = sandbox.push(request("k"), timeoutMs: 1_000)
        let again = sandbox.push(request("k"), timeoutMs: 1_000)
        #expect(first.outcome == .success && !first.duplicate)
        #expect(again.outcome == .success && again.duplicate)
        #expect(again.targetRecordId == first.targetRecordId)
        #expect(sandbox.createdRecords.count == 1)
        #expect(sandbox.deliveriesByKey["k"] == 2)
    }

    @Test func aTimedOutPushHasLandedAndItsRedeliveryIsADuplicateSuccess() {
        let sandbox = SandboxConnector(behavior: SandboxBehavior(seed: 3, timeoutRate: 1))
        let first = sandbox.push(request("t"), timeoutMs: 1_000)
        #expect(first.outcome == .timedOut)
        let again = sandbox.push(request("t"), timeoutMs: 1_000)
        #expect(again.outcome == .success && again.duplicate)
        #expect(again.targetRecordId == first.targetRecordId)
    }

    @Test func rulesAlwaysFailChosenItems() {
        let rule = SandboxBehavior.FailureRule(coreIdContains: "ord_9", message: "Account code '200' is not valid.", retryable: false)
        let sandbox = SandboxConnector(behavior: SandboxBehavior(seed: 1, failureRules: [rule]))
        for index in 0..<20 {
            let response = sandbox.push(request("r\(index)", core: "ord_9\(index)"), timeoutMs: 1_000)
            #expect(response.outcome == .failed)
            #expect(!response.retryable)
            #expect(response.errorMessage == rule.message)
        }
        #expect(sandbox.push(request("ok", core: "ord_1"), timeoutMs: 1_000).outcome == .success)
    }

    @Test func aDeadlineShorterThanTheLatencyTimesOut() {
        let sandbox = SandboxConnector(behavior: SandboxBehavior(seed: 1, latencyMs: 5))
        let response = sandbox.push(request("slow"), timeoutMs: 1)
        #expect(response.outcome == .timedOut)
        #expect(response.retryable)
    }
}
