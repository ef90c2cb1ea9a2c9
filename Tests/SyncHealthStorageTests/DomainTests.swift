import SyncHealthWire
import Testing
import SyncHealthTestSupport
import SyncHealthTestTraits

@Suite(.offThePool) struct DomainTests {
    @Test func categories() {
        #expect(SyncStatusCode.inProgress.category == .inProgress)
        #expect(SyncStatusCode.inProgressLongRunning.category == .inProgress)
        #expect(SyncStatusCode.successNoDataPushed.category == .success)
        #expect(SyncStatusCode.billingExpired.category == .failed)
        #expect(SyncStatusCode.dataPushError.category == .failed)
        #expect(SyncStatusCode.unspecified.category == .unspecified)
        #expect(!SyncStatusCode.inProgress.isFinished)
        #expect(SyncStatusCode.successDataPushed.isFinished)
        #expect(SyncStatusCode.genericServerError.isFinished)
    }

    @Test func retryableStatuses() {
        let blocked: Set<Int32> = [4000, 4040, 4220, 4260]
        for code in SyncStatusCode.allKnown {
            #expect(code.isRetryableStatus == !blocked.contains(code.rawValue), "\(code.rawValue)")
        }
    }

    @Test func textsAreDistinctAndFriendly() {
        #expect(SyncStatusCode.successDataPushed.text == "Success (data pushed)")
        let texts = SyncStatusCode.allKnown.map(\.text)
        #expect(Set(texts).count == texts.count)
        for code in SyncStatusCode.allKnown {
            #expect(!code.clientDescription.isEmpty)
            #expect(!code.clientDescription.contains("\(code.rawValue)"))
        }
    }

    @Test func derivedStatus() {
        #expect(SyncStatusCode.derived(reported: .successDataPushed, failedOrTimedOutItems: 1) == .dataPushError)
        #expect(SyncStatusCode.derived(reported: .successNoDataPushed, failedOrTimedOutItems: 3) == .dataPushError)
        #expect(SyncStatusCode.derived(reported: .successDataPushed, failedOrTimedOutItems: 0) == .successDataPushed)
        #expect(SyncStatusCode.derived(reported: .inProgress, failedOrTimedOutItems: 5) == .inProgress)
        #expect(SyncStatusCode.derived(reported: .configurationError, failedOrTimedOutItems: 5) == .configurationError)
        // A data push error whose items have all been pushed since is a success.
        #expect(SyncStatusCode.derived(reported: .dataPushError, failedOrTimedOutItems: 0, succeededItems: 3) == .successDataPushed)
        #expect(SyncStatusCode.derived(reported: .dataPushError, failedOrTimedOutItems: 1, succeededItems: 3) == .dataPushError)
        // No item ever succeeded: nothing shows the push error was fixed.
        #expect(SyncStatusCode.derived(reported: .dataPushError, failedOrTimedOutItems: 0, succeededItems: 0) == .dataPushError)
        #expect(SyncStatusCode.derived(reported: .dataProcessingError, failedOrTimedOutItems: 0, succeededItems: 3) == .dataProcessingError)
    }

    @Test func limits() {
        #expect(Limits.defaultPageSize == 50)
        #expect(Limits.maxPageSize == 500)
        #expect(Limits.maxPushItemsPerBatch == 10_000)
        #expect(Limits.maxConfigDocumentBytes == 1_048_576)
    }
}
