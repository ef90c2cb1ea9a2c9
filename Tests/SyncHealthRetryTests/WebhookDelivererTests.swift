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
