import Foundation
import SyncHealthAlerts
import SyncHealthJSON
@testable import SyncHealthStorage
import SyncHealthTestSupport
import SyncHealthWire
import Testing
import SyncHealthTestTraits

/// The webhook deliverer against a local receiver: signed POSTs with the
/// delivery's id, retried with backoff until the receiver accepts, failed
/// after the last try.
@Suite(.offThePool) struct WebhookDelivererTests {
    static func configuration(maxAttempts: Int = 5) -> WebhookDelivererConfiguration {
        var configuration = WebhookDelivererConfiguration()
        configuration.concurrency = 2
        configuration.pollIntervalMs = 20
        configuration.requestTimeoutMs = 5_000
        configuration.leaseDurationMs = 30_000
        configuration.backoff = BackoffPolicy(initialIntervalMs: 1, multiplier: 2, maximumIntervalMs: 5, maximumAttempts: maxAttempts)
        configuration.owner = "test-deliverer"
        return configuration
    }

    /// A store with one rule posting to `url` and one failed sync; returns the secret.
    func storeWithOneEvent(_ db: TestStore, url: String) throws -> String {
        let created = try db.store.createAlertRule(
            AlertRule(name: "any failure", kind: .syncFailed, webhookUrl: url), createdBy: "ana", now: t0)
        try db.seed("bad-1", code: .dataPushError, items: [])
        return created.signingSecret
    }

    func deliveries(_ db: TestStore) throws -> [AlertDelivery] {
        try db.store.listAlertDeliveries(ListAlertDeliveriesRequest()).deliveries
    }

    @Test(arguments: TestEngine.all) func aSignedDeliveryReachesTheReceiver(engine: TestEngine) async throws {
        let db = try TestStore(engine: engine)
        let receiver = WebhookReceiver()
        try await receiver.start()
        let secret = try storeWithOneEvent(db, url: receiver.url)
        let deliverer = WebhookDeliverer(store: db.store, configuration: Self.configuration())
        await deliverer.deliverDue()
        await deliverer.stop()
        await receiver.stop()

        let stored = try #require(try deliveries(db).only)
        #expect(stored.state == .delivered && stored.attempts == 1 && stored.lastHttpStatus == 204)
        let received = try #require(receiver.deliveries.only)
        #expect(received.headers["x-synchealth-delivery"] == stored.deliveryId)
        #expect(received.headers["content-type"] == "application/json")
        #expect(received.body == stored.payloadJson)
        let timestamp = try #require(received.headers["x-synchealth-timestamp"])
        let signature = try #require(received.headers["x-synchealth-signature"])
        #expect(WebhookSignature.verify(header: signature, secret: secret, timestamp: timestamp, body: received.body))
        // The signature covers the timestamp and every byte of the body.
        #expect(!WebhookSignature.verify(header: signature, secret: secret, timestamp: timestamp + "1", body: received.body))
        #expect(!WebhookSignature.verify(header: signature, secret: secret, timestamp: timestamp, body: received.body + " "))
        #expect(!WebhookSignature.verify(header: signature, secret: String(secret.reversed()), timestamp: timestamp, body: received.body))
        let age = abs(Int64(timestamp).map { $0 * 1000 - Int64(Date().timeIntervalSince1970 * 1000) } ?? .max)
        #expect(age < 120_000)
        let body = try #require(JSONParser.parse(Array(received.body.utf8))?.lastMembers)
        #expect(body["event"]?.lastMembers["sync_id"] == .string("bad-1"))
    }

    @Test func theSignatureIsHMACSHA256OfTimestampDotBody() {
        // The value computed independently with
        // `printf %s '1700000000.{}' | openssl dgst -sha256 -hmac key`.
        let header = WebhookSignature.header(secret: "key", timestamp: "1700000000", body: "{}")
        #expect(header == "v1=9d713ed406bb7076d4123f0dc2c39d2df5c654ed4b0cd56b52c8b4c940bd63ae")
        #expect(WebhookSignature.verify(header: header, secret: "key", timestamp: "1700000000", body: "{}"))
        #expect(!WebhookSignature.verify(header: "v1=zz", secret: "key", timestamp: "1700000000", body: "{}"))
        #expect(!WebhookSignature.verify(header: header.replacingOccurrences(of: "v1=", with: "v2="), secret: "key", timestamp: "1700000000", body: "{}"))
    }

    @Test(arguments: TestEngine.all) func aReceiverThatFailsThenRecoversGetsTheSameDelivery(engine: TestEngine) async throws {
        let db = try TestStore(engine: engine)
        let receiver = WebhookReceiver(failures: 2)
        try await receiver.start()
        _ = try storeWithOneEvent(db, url: receiver.url)
        let deliverer = WebhookDeliverer(store: db.store, configuration: Self.configuration())
        for _ in 0..<200 where try deliveries(db).only?.state == .pending {
            await deliverer.deliverDue()
            try await Task.sleep(for: .milliseconds(5))
        }
        await deliverer.stop()
        await receiver.stop()

        let stored = try #require(try deliveries(db).only)
        #expect(stored.state == .delivered && stored.attempts == 3)
        #expect(receiver.deliveries.map(\.answered) == [500, 500, 204])
        #expect(Set(receiver.deliveries.compactMap { $0.headers["x-synchealth-delivery"] }) == [stored.deliveryId])
        #expect(Set(receiver.deliveries.map(\.body)).count == 1)
    }

    @Test(arguments: TestEngine.all) func aDeliveryFailsAfterItsLastTry(engine: TestEngine) async throws {
        let db = try TestStore(engine: engine)
        let receiver = WebhookReceiver()
        let port = try await receiver.start()
        await receiver.stop()  // nothing listens there any more
        _ = try storeWithOneEvent(db, url: "http://127.0.0.1:\(port)/hook")
        // async-http-client retries a refused connection until the connect
        // timeout, so each try here lasts about that long.
        var configuration = Self.configuration(maxAttempts: 2)
        configuration.requestTimeoutMs = 500
        let deliverer = WebhookDeliverer(store: db.store, configuration: configuration)
        for _ in 0..<200 where try deliveries(db).only?.state == .pending {
            await deliverer.deliverDue()
            try await Task.sleep(for: .milliseconds(5))
        }
        await deliverer.stop()
        let stored = try #require(try deliveries(db).only)
        #expect(stored.state == .failed && stored.attempts == 2 && stored.lastHttpStatus == 0)
        #expect(!stored.lastError.isEmpty && !stored.lastError.contains(stored.payloadJson))
    }

    /// One rule of every kind, each event made true once: the receiver gets
    /// one signed POST per rule, with the rule's kind and the event's facts.
    @Test(arguments: TestEngine.all) func everyRuleKindIsDelivered(engine: TestEngine) async throws {
        let db = try TestStore(engine: engine)
        let receiver = WebhookReceiver()
        try await receiver.start()
        var secrets: [String: String] = [:]
        for (name, kind, configure) in [
            ("failed", AlertKind.syncFailed, { (_: inout AlertRule) in }),
            ("new group", .errorGroupNew, { _ in }),
            ("many", .errorGroupThreshold, { $0.threshold = 2; $0.windowMs = 3_600_000 }),
            ("rate", .platformFailureRate, { $0.targetPlatform = "xero"; $0.failureRatePercent = 50; $0.windowMs = 3_600_000; $0.minimumSyncs = 1 }),
            ("jobs", .retryJobPartiallyFailed, { _ in }),
        ] as [(String, AlertKind, (inout AlertRule) -> Void)] {
            var rule = AlertRule(name: name, kind: kind, webhookUrl: receiver.url)
            configure(&rule)
            let created = try db.store.createAlertRule(rule, createdBy: "ana", now: t0)
            secrets[try #require(created.rule?.ruleId)] = created.signingSecret
        }
        try db.seed("s-1", items: [item("a"), item("b"), item("c")])
        _ = try db.store.retryFailedItems(syncRetry("s-1", items: ["a", "b"]), requestedBy: "ana", now: t0)
        let leases = try db.lease(at: t0 + 1)
        try db.complete(try #require(leases.first { $0.request.itemId == "a" }), .success, at: t0 + 2)
        try db.complete(try #require(leases.first { $0.request.itemId == "b" }), .failed, retryable: false, at: t0 + 3)

        let deliverer = WebhookDeliverer(store: db.store, configuration: Self.configuration())
        await deliverer.deliverDue()
        await deliverer.stop()
        await receiver.stop()

        var kinds: [String: Int] = [:]
        for received in receiver.deliveries {
            let body = try #require(JSONParser.parse(Array(received.body.utf8))?.lastMembers)
            let rule = try #require(body["rule"]?.lastMembers)
            guard case .string(let ruleId)? = rule["rule_id"], case .string(let kind)? = rule["kind"] else {
                Issue.record("no rule in \(received.body)")
                continue
            }
            kinds[kind, default: 0] += 1
            #expect(WebhookSignature.verify(
                header: received.headers["x-synchealth-signature"] ?? "", secret: secrets[ruleId] ?? "",
                timestamp: received.headers["x-synchealth-timestamp"] ?? "", body: received.body))
        }
        // Three new groups: the sync's own error, the items' error, and the
        // error the failed retry recorded for item b.
        let groups = try deliveries(db).filter { $0.kind == .errorGroupNew }.map(\.payloadJson)
        #expect(kinds == [
            "sync_failed": 1, "error_group_new": 3, "error_group_threshold": 1, "platform_failure_rate": 1,
            "retry_job_partially_failed": 1,
        ])
        #expect(try deliveries(db).allSatisfy { $0.state == .delivered })
        #expect(groups.contains { $0.contains("example_message") && $0.contains("Account code") }, "\(groups)")
    }

    @Test(arguments: TestEngine.all) func aStartedDelivererSendsWhatEventsWriteLater(engine: TestEngine) async throws {
        let db = try TestStore(engine: engine)
        let receiver = WebhookReceiver()
        try await receiver.start()
        let deliverer = WebhookDeliverer(store: db.store, configuration: Self.configuration())
        deliverer.start()
        _ = try storeWithOneEvent(db, url: receiver.url)
        try db.seed("bad-2", code: .configurationError, items: [])
        for _ in 0..<500 where receiver.deliveries.count < 2 {
            try await Task.sleep(for: .milliseconds(10))
        }
        await deliverer.stop()
        await receiver.stop()
        #expect(receiver.deliveries.count == 2)
        #expect(try deliveries(db).map(\.state) == [.delivered, .delivered])
    }
}
