import Foundation
import SyncHealthJSON
@testable import SyncHealthStorage
@testable import SyncHealthRelational
import SyncHealthTestSupport
import SyncHealthWire
import Testing
import SyncHealthTestTraits

/// Alert rules and the outbox against a real store, on both engines: each
/// rule kind fires one delivery per event, in the event's transaction, and
/// never a second one for the same event.
@Suite(.offThePool) struct AlertOutboxTests {
    static let hook = "https://hooks.example.com/synchealth"

    func rule(_ name: String, _ kind: AlertKind, configure: (inout AlertRule) -> Void = { _ in }) -> AlertRule {
        var rule = AlertRule(name: name, kind: kind, webhookUrl: Self.hook)
        configure(&rule)
        return rule
    }

    func deliveries(_ db: TestStore, rule: String = "") throws -> [AlertDelivery] {
        try db.store.listAlertDeliveries(ListAlertDeliveriesRequest(ruleId: rule, pageSize: 500)).deliveries
    }

    @Test(arguments: TestEngine.all) func rulesAreCreatedListedAndDeleted(engine: TestEngine) throws {
        let db = try TestStore(engine: engine)
        let created = try db.store.createAlertRule(
            rule("acme", .syncFailed) { $0.companyId = "acme"; $0.statusCodes = [.dataPushError, .configurationError, .dataPushError] },
            createdBy: "ana", now: t0)
        let stored = try #require(created.rule)
        #expect(stored.ruleId.hasPrefix("ar_") && stored.createdBy == "ana" && stored.createdAtMs == t0)
        #expect(stored.statusCodes == [.configurationError, .dataPushError])
        #expect(created.signingSecret.count == 64 && created.signingSecret.allSatisfy(\.isHexDigit))
        _ = try db.store.createAlertRule(rule("all jobs", .retryJobPartiallyFailed), createdBy: "ana", now: t0)
        #expect(try db.store.listAlertRules().map(\.name) == ["acme", "all jobs"])
        #expect(try db.store.listAlertRules().first == stored)

        expectError(.alreadyExists) { _ = try db.store.createAlertRule(rule("acme", .errorGroupNew), createdBy: "bo", now: t0) }
        #expect(try db.store.deleteAlertRule(ruleId: stored.ruleId) == 0)
        expectError(.notFound) { _ = try db.store.deleteAlertRule(ruleId: stored.ruleId) }
        #expect(try db.store.listAlertRules().map(\.name) == ["all jobs"])
    }

    @Test func badRulesAreRefusedWithTheField() {
        func refused(_ rule: AlertRule, _ words: String, sourceLocation: SourceLocation = #_sourceLocation) {
            do {
                _ = try AlertRuleValidation.validated(rule)
                Issue.record("accepted \(rule)", sourceLocation: sourceLocation)
            } catch {
                #expect(error.code == .invalidArgument && error.message.contains(words), "\(error)", sourceLocation: sourceLocation)
            }
        }
        refused(rule("", .syncFailed), "rule.name")
        refused(rule("x", .unspecified), "rule.kind")
        refused(rule("x", .unrecognized(99)), "rule.kind")
        refused(AlertRule(name: "x", kind: .syncFailed), "rule.webhook_url must not be empty")
        refused(AlertRule(name: "x", kind: .syncFailed, webhookUrl: "http://hooks.example.com/a"), "https://")
        refused(AlertRule(name: "x", kind: .syncFailed, webhookUrl: "ftp://127.0.0.1/a"), "https://")
        refused(AlertRule(name: "x", kind: .syncFailed, webhookUrl: "https://user:pw@hooks.example.com/"), "no user or password")
        refused(AlertRule(name: "x", kind: .syncFailed, webhookUrl: "https:///path"), "host")
        refused(AlertRule(name: "x", kind: .syncFailed, webhookUrl: "https://hooks.example.com/a b"), "spaces")
        refused(rule("x", .syncFailed) { $0.statusCodes = [.successDataPushed] }, "failed status codes")
        refused(rule("x", .syncFailed) { $0.threshold = 3 }, "rule.threshold does not apply to sync_failed")
        refused(rule("x", .errorGroupNew) { $0.companyId = "acme" }, "rule.company_id does not apply")
        refused(rule("x", .errorGroupThreshold) { $0.windowMs = 3_600_000 }, "rule.threshold must be at least 1")
        refused(rule("x", .errorGroupThreshold) { $0.threshold = 3; $0.windowMs = 1_000 }, "rule.window_ms")
        refused(rule("x", .platformFailureRate) { $0.failureRatePercent = 50; $0.windowMs = 3_600_000; $0.minimumSyncs = 1 }, "rule.target_platform")
        refused(rule("x", .platformFailureRate) { $0.targetPlatform = "xero"; $0.failureRatePercent = 101; $0.windowMs = 3_600_000; $0.minimumSyncs = 1 }, "failure_rate_percent")
        refused(rule("x", .platformFailureRate) { $0.targetPlatform = "xero"; $0.failureRatePercent = 50; $0.windowMs = 3_600_000 }, "minimum_syncs")
        refused(rule("x", .retryJobPartiallyFailed) { $0.windowMs = 3_600_000 }, "rule.window_ms does not apply")
        // Accepted: loopback over http, IPv6 loopback, ports and paths.
        for url in ["http://127.0.0.1:8080/hook", "http://localhost/hook", "http://[::1]:9/x", "https://hooks.example.com:8443/a?b=c"] {
            #expect(throws: Never.self) { _ = try AlertRuleValidation.validated(AlertRule(name: "x", kind: .errorGroupNew, webhookUrl: url)) }
        }
    }

    @Test(arguments: TestEngine.all) func aFailedSyncFiresItsRulesOnceAndOthersNot(engine: TestEngine) throws {
        let db = try TestStore(engine: engine)
        let any = try #require(try db.store.createAlertRule(rule("any failure", .syncFailed), createdBy: "ana", now: t0).rule)
        let acme = try #require(try db.store.createAlertRule(rule("acme 5130", .syncFailed) {
            $0.companyId = "acme"; $0.statusCodes = [.dataPushError]
        }, createdBy: "ana", now: t0).rule)
        _ = try db.store.createAlertRule(rule("acme config", .syncFailed) { $0.companyId = "acme"; $0.statusCodes = [.configurationError] }, createdBy: "ana", now: t0)

        try db.seed("ok-1", code: .successDataPushed, company: "acme", items: [])
        #expect(try deliveries(db).isEmpty)
        try db.seed("bad-1", code: .dataPushError, company: "acme", items: [])
        try db.seed("bad-2", code: .genericServerError, company: "globex", items: [])
        // The same report again (RecordSync is idempotent) fires nothing new.
        try db.seed("bad-1", code: .dataPushError, company: "acme", items: [])

        let all = try deliveries(db)
        #expect(Set(all.map(\.ruleId)) == [any.ruleId, acme.ruleId])
        #expect(try deliveries(db, rule: any.ruleId).map(\.event).sorted() == [
            "sync bad-1 of acme failed with 5130", "sync bad-2 of globex failed with 5000",
        ])
        let delivery = try #require(try deliveries(db, rule: acme.ruleId).only)
        #expect(delivery.state == .pending && delivery.attempts == 0 && delivery.kind == .syncFailed)
        #expect(delivery.deliveryId.hasPrefix("ad_") && delivery.createdAtMs == t0)
        let body = try #require(JSONParser.parse(Array(delivery.payloadJson.utf8))?.lastMembers)
        #expect(body["delivery_id"] == .string(delivery.deliveryId))
        #expect(body["rule"]?.lastMembers["name"] == .string("acme 5130"))
        let event = try #require(body["event"]?.lastMembers)
        #expect(event["sync_id"] == .string("bad-1") && event["status_code"] == .number("5130"))
        #expect(event["company_id"] == .string("acme") && event["target_platform"] == .string("xero"))
    }

    @Test(arguments: TestEngine.all) func aNewErrorGroupFiresOnceAndAThresholdOncePerWindow(engine: TestEngine) throws {
        let db = try TestStore(engine: engine)
        let new = try #require(try db.store.createAlertRule(rule("new groups", .errorGroupNew), createdBy: "ana", now: t0).rule)
        let many = try #require(try db.store.createAlertRule(rule("many", .errorGroupThreshold) {
            $0.threshold = 3; $0.windowMs = 3_600_000
        }, createdBy: "ana", now: t0).rule)
        // Two failed items with one message: one new group (the item error)
        // and one for the sync's own error message.
        try db.seed("s-1", items: [item("a"), item("b")])
        let groups = try deliveries(db, rule: new.ruleId)
        #expect(groups.count == 2)
        #expect(try deliveries(db, rule: many.ruleId).isEmpty)  // 2 item occurrences: not above 3
        // Two more of the same item error: 4 in the window, above 3.
        try db.seed("s-2", items: [item("c"), item("d")])
        #expect(try deliveries(db, rule: new.ruleId).count == 2)  // no new group
        let crossed = try deliveries(db, rule: many.ruleId)
        #expect(crossed.count == 1)
        #expect(crossed.first?.event.contains("seen 4 times") == true)
        try db.seed("s-3", items: [item("e")])
        #expect(try deliveries(db, rule: many.ruleId).count == 1)  // once per window
    }

    @Test(arguments: TestEngine.all) func aPlatformFailureRateFiresAboveItsPercentage(engine: TestEngine) throws {
        let db = try TestStore(engine: engine)
        let rate = try #require(try db.store.createAlertRule(rule("xero rate", .platformFailureRate) {
            $0.targetPlatform = "xero"; $0.failureRatePercent = 50; $0.windowMs = 3_600_000; $0.minimumSyncs = 4
        }, createdBy: "ana", now: t0).rule)
        try db.seed("x-1", code: .dataPushError, items: [])
        try db.seed("x-2", code: .dataPushError, items: [])
        try db.seed("x-3", code: .dataPushError, items: [])
        try db.seed("q-1", code: .dataPushError, target: "quickbooks-online", items: [])
        #expect(try deliveries(db, rule: rate.ruleId).isEmpty)  // 3 syncs: under minimum_syncs
        try db.seed("x-4", code: .successDataPushed, items: [])
        let fired = try deliveries(db, rule: rate.ruleId)
        #expect(fired.map(\.event) == ["3 of 4 syncs to xero failed"])
        try db.seed("x-5", code: .dataPushError, items: [])
        #expect(try deliveries(db, rule: rate.ruleId).count == 1)  // once per window
    }

    @Test(arguments: TestEngine.all) func aRetryJobEndingPartiallyFailedFires(engine: TestEngine) throws {
        let db = try TestStore(engine: engine)
        let jobs = try #require(try db.store.createAlertRule(rule("jobs", .retryJobPartiallyFailed), createdBy: "ana", now: t0).rule)
        try db.seed("s-1", items: [item("a"), item("b")])
        let job = try #require(try db.store.retryFailedItems(syncRetry("s-1"), requestedBy: "ana", now: t0).job)
        let leases = try db.lease(at: t0 + 1)
        #expect(leases.count == 2)
        try db.complete(try #require(leases.first { $0.request.itemId == "a" }), .success, at: t0 + 2)
        #expect(try deliveries(db, rule: jobs.ruleId).isEmpty)
        try db.complete(try #require(leases.first { $0.request.itemId == "b" }), .failed, retryable: false, error: "nope", at: t0 + 3)
        #expect(try db.store.getRetryJob(jobId: job.jobId).state == .partiallyFailed)
        let fired = try #require(try deliveries(db, rule: jobs.ruleId).only)
        let event = try #require(JSONParser.parse(Array(fired.payloadJson.utf8))?.lastMembers["event"]?.lastMembers)
        #expect(event["job_id"] == .string(job.jobId) && event["succeeded"] == .number("1") && event["failed"] == .number("1"))
    }

    @Test(arguments: TestEngine.all) func deliveriesAreLeasedOnceRetriedAndEnd(engine: TestEngine) throws {
        let db = try TestStore(engine: engine)
        let created = try db.store.createAlertRule(rule("any", .syncFailed), createdBy: "ana", now: t0)
        try db.seed("bad-1", items: [])
        let now = t0 + 10
        let leases = try db.store.leaseAlertDeliveries(owner: "d1", now: now, leaseDurationMs: 60_000, limit: 10)
        let lease = try #require(leases.only)
        #expect(lease.signingSecret == created.signingSecret && lease.webhookURL == Self.hook && lease.attemptsMade == 0)
        #expect(try db.store.leaseAlertDeliveries(owner: "d2", now: now, leaseDurationMs: 60_000, limit: 10).isEmpty)
        #expect(try db.store.nextAlertDeliveryDue() == now + 60_000)
        // Someone else's lease: nothing written.
        var result = AlertDeliveryResult(deliveryId: lease.deliveryId, leaseOwner: "d2", delivered: true, httpStatus: 204, error: "", retryAtMs: nil)
        #expect(try db.store.completeAlertDelivery(result, now: now) == false)
        // A failed try goes back to pending, due at its retry time.
        result = AlertDeliveryResult(deliveryId: lease.deliveryId, leaseOwner: "d1", delivered: false, httpStatus: 503, error: "HTTP 503", retryAtMs: now + 500)
        #expect(try db.store.completeAlertDelivery(result, now: now))
        var row = try #require(try deliveries(db).only)
        #expect(row.state == .pending && row.attempts == 1 && row.lastHttpStatus == 503 && row.nextAttemptAtMs == now + 500)
        #expect(try db.store.leaseAlertDeliveries(owner: "d1", now: now + 499, leaseDurationMs: 60_000, limit: 10).isEmpty)
        // An expired lease is taken again, under the same delivery id.
        let again = try #require(try db.store.leaseAlertDeliveries(owner: "d1", now: now + 500, leaseDurationMs: 100, limit: 10).only)
        let taken = try #require(try db.store.leaseAlertDeliveries(owner: "d2", now: now + 600, leaseDurationMs: 60_000, limit: 10).only)
        #expect(again.deliveryId == lease.deliveryId && taken.deliveryId == lease.deliveryId && taken.attemptsMade == 1)
        result = AlertDeliveryResult(deliveryId: lease.deliveryId, leaseOwner: "d2", delivered: true, httpStatus: 204, error: "", retryAtMs: nil)
        #expect(try db.store.completeAlertDelivery(result, now: now + 700))
        row = try #require(try deliveries(db).only)
        #expect(row.state == .delivered && row.attempts == 2 && row.deliveredAtMs == now + 700 && row.nextAttemptAtMs == 0)
        #expect(try db.store.nextAlertDeliveryDue() == nil)
        // A delivered one stays listed when its rule goes; a pending one is dropped.
        try db.seed("bad-2", items: [])
        #expect(try db.store.deleteAlertRule(ruleId: try #require(created.rule?.ruleId)) == 1)
        #expect(try deliveries(db).map(\.state) == [.delivered])
        let pages = try db.store.listAlertDeliveries(ListAlertDeliveriesRequest(states: [.pending]))
        #expect(pages.deliveries.isEmpty)
        expectError(.invalidArgument) { _ = try db.store.listAlertDeliveries(ListAlertDeliveriesRequest(states: [.unspecified])) }
        expectError(.invalidArgument) { _ = try db.store.listAlertDeliveries(ListAlertDeliveriesRequest(pageToken: "garbage")) }
    }

    @Test(arguments: TestEngine.all) func deliveriesPageNewestFirst(engine: TestEngine) throws {
        let db = try TestStore(engine: engine)
        _ = try db.store.createAlertRule(rule("any", .syncFailed), createdBy: "ana", now: t0)
        for index in 0..<5 {
            _ = try db.store.recordSync(RecordSyncRequest(sync: Fixtures.sync("bad-\(index)", code: .dataPushError)), now: t0 + Int64(index))
        }
        var seen: [String] = []
        var token = ""
        repeat {
            let page = try db.store.listAlertDeliveries(ListAlertDeliveriesRequest(pageSize: 2, pageToken: token))
            seen += page.deliveries.map(\.event)
            token = page.nextPageToken
        } while !token.isEmpty
        #expect(seen == (0..<5).reversed().map { "sync bad-\($0) of company-1 failed with 5130" })
    }
}

extension Array {
    /// The one element, or nil when there are none or several.
    var only: Element? { count == 1 ? first : nil }
}
