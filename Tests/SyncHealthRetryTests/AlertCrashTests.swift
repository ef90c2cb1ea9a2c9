import Foundation
import SyncHealthAlerts
import SyncHealthClient
import SyncHealthProcess
import SyncHealthSQLite
import SyncHealthTestSupport
import SyncHealthWire
import Testing
import SyncHealthTestTraits

/// synchealthd killed with SIGKILL after an event wrote its delivery but
/// before the receiver got it: after a restart on the same database the
/// receiver gets it exactly once, under the id the outbox gave it.
@Suite(.serialized, .offThePool) struct AlertCrashTests {
    @Test func aDeliveryPendingAtAKillIsDeliveredOnceAfterTheRestart() async throws {
        let daemon = try BuildProducts.require("synchealthd")
        let directory = TemporaryDirectory(prefix: "synchealth-alert-crash")
        let receiver = WebhookReceiver()
        let receiverPort = try await receiver.start()
        await receiver.stop()  // down until after the kill
        let database = directory.file("synchealth.sqlite")
        let config = directory.file("synchealthd.conf")
        try """
            listen = 127.0.0.1:0
            database = \(database)
            log-level = warning
            alert-poll-interval = 50
            alert-timeout = 2000
            alert-backoff-initial = 20
            alert-backoff-max = 100
            alert-max-attempts = 100
            """.write(toFile: config, atomically: true, encoding: .utf8)

        let first = try await ChildProcess.daemon(daemon, config: config, stderrPath: directory.file("first.err"))
        defer { first.send(SIGKILL) }
        var client = try SyncHealthClient(target: "127.0.0.1:\(try await first.listeningPort())", timeout: .seconds(10))
        let created = try await client.createAlertRule(CreateAlertRuleRequest(rule: AlertRule(
            name: "failures", kind: .syncFailed, webhookUrl: "http://127.0.0.1:\(receiverPort)/hook")))
        _ = try await client.recordSync(RecordSyncRequest(sync: Fixtures.sync("crash-1", code: .dataPushError)))
        // The delivery is in the outbox and its first tries failed (nothing listens).
        let tried = await waitUntil {
            (try? await client.listAlertDeliveries(ListAlertDeliveriesRequest()).deliveries.first?.attempts ?? 0) ?? 0 >= 1
        }
        #expect(tried)
        let pending = try #require(try await client.listAlertDeliveries(ListAlertDeliveriesRequest()).deliveries.only)
        #expect(pending.state == .pending && pending.lastHttpStatus == 0)
        client.close()
        await first.kill()
        // What the outbox holds at the kill: tries made so far (all refused).
        let atKill = try #require(try SQLiteSyncStore(path: database)
            .listAlertDeliveries(ListAlertDeliveriesRequest()).deliveries.only)
        #expect(atKill.deliveryId == pending.deliveryId && atKill.state == .pending)

        try await receiver.start(port: receiverPort)
        let second = try await ChildProcess.daemon(daemon, config: config, stderrPath: directory.file("second.err"))
        defer { second.send(SIGKILL) }
        client = try SyncHealthClient(target: "127.0.0.1:\(try await second.listeningPort())", timeout: .seconds(10))
        defer { client.close() }
        #expect(await waitUntil { receiver.deliveries.count >= 1 })
        // Several poll intervals later, still once.
        try await Task.sleep(for: .milliseconds(500))
        await receiver.stop()
        let stderr = (try? String(contentsOfFile: directory.file("second.err"), encoding: .utf8)) ?? ""
        // Once, as a receiver that drops repeats of an id sees it: every POST
        // carries the outbox's id. A POST more than one happens only when a
        // try timed out after the receiver took it (each is a recorded try).
        let done = try #require(try await client.listAlertDeliveries(ListAlertDeliveriesRequest()).deliveries.only)
        #expect(Set(receiver.deliveries.compactMap { $0.headers["x-synchealth-delivery"] }) == [pending.deliveryId],
                "synchealthd said: \(stderr.suffix(2_000))")
        #expect(receiver.deliveries.count == Int(done.attempts - atKill.attempts))
        let received = try #require(receiver.deliveries.last)
        #expect(received.answered == 204)
        #expect(received.body == pending.payloadJson)
        let timestamp = try #require(received.headers["x-synchealth-timestamp"])
        #expect(WebhookSignature.verify(
            header: received.headers["x-synchealth-signature"] ?? "", secret: created.signingSecret, timestamp: timestamp,
            body: received.body))
        #expect(done.deliveryId == pending.deliveryId && done.state == .delivered && done.attempts > atKill.attempts)
    }
}
