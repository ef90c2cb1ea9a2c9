import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import SyncHealthClient
import SyncHealthProcess
import SyncHealthTestSupport
import SyncHealthOps
import SyncHealthWire
import Testing
import SyncHealthTestTraits

/// `synchealthd --metrics-listen`: Prometheus metrics, liveness and
/// readiness over HTTP from a real daemon, after real calls.
@Suite(.offThePool) struct MetricsEndpointTests {
    /// GET `http://address/path`: status and body.
    func get(_ address: String, _ path: String) async throws -> (status: Int, body: String) {
        let url = try #require(URL(string: "http://\(address)\(path)"))
        let (data, response) = try await URLSession.shared.data(from: url)
        return ((response as? HTTPURLResponse)?.statusCode ?? -1, String(decoding: data, as: UTF8.self))
    }

    /// The value of the sample line `name{labels}` (exact text before the value).
    func sample(_ metrics: String, _ series: String) -> Double? {
        for line in metrics.split(separator: "\n") where line.hasPrefix(series + " ") {
            return Double(line.dropFirst(series.count + 1))
        }
        return nil
    }

    @Test func countsCallsConnectionsIngestStorageAndRetries() async throws {
        let directory = TemporaryDirectory()
        let daemon = try await ChildProcess.product("synchealthd", [
            "--listen", "127.0.0.1:0", "--metrics-listen", "127.0.0.1:0", "--database", directory.file("m.sqlite"),
            "--no-auth", "--default-connector", "sandbox", "--retry-poll-interval", "50",
        ], stderr: .file(directory.file("daemon.log")))
        let metricsLine = try await daemon.waitForLine(containing: "synchealthd metrics on ")
        let ops = String(metricsLine.dropFirst("synchealthd metrics on ".count)).trimmingCharacters(in: .whitespaces)
        let address = try await daemon.listeningAddress()

        #expect(try await get(ops, "/healthz") == (200, "ok\n"))
        #expect(try await get(ops, "/readyz") == (200, "ready\n"))
        #expect(try await get(ops, "/nope").status == 404)

        let client = try SyncHealthClient(target: address, timeout: .seconds(10))
        defer { client.close() }
        let receiver = WebhookReceiver()
        try await receiver.start()
        _ = try await client.createAlertRule(CreateAlertRuleRequest(rule: AlertRule(
            name: "metrics", kind: .syncFailed, webhookUrl: receiver.url)))
        _ = try await client.recordSync(RecordSyncRequest(sync: Fixtures.sync("s-metrics-1")))
        _ = try await client.recordPushItems(RecordPushItemsRequest(syncId: "s-metrics-1", items: [
            Fixtures.item("i-1", status: .failed), Fixtures.item("i-2"), Fixtures.item("i-3"),
        ]))
        await #expect(throws: RPCError.self) { _ = try await client.getSync(GetSyncRequest(syncId: "nope")) }
        await #expect(throws: RPCError.self) { _ = try await client.transport.callRaw("/attacker.Chosen/Name-\(UUID())", []) }
        let job = try #require(try await client.retryFailedItems(RetryFailedItemsRequest(
            scope: RetryScope(scope: .sync(SyncRetryScope(syncId: "s-metrics-1"))), reason: "metrics test",
            idempotencyKey: "metrics-1")).job)
        var state = job.state
        for _ in 0..<500 where state != .succeeded {
            try await Task.sleep(for: .milliseconds(20))
            state = try await client.getRetryJob(GetRetryJobRequest(jobId: job.jobId)).job?.state ?? state
        }
        #expect(state == .succeeded)

        // The failed item made the sync 5130: one alert, delivered.
        for _ in 0..<500 where receiver.deliveries.isEmpty { try await Task.sleep(for: .milliseconds(20)) }
        await receiver.stop()

        let (status, metrics) = try await get(ops, "/metrics")
        #expect(status == 200)
        let calls = "synchealth_rpc_calls_total"
        #expect(sample(metrics, #"\#(calls){method="/synchealth.v1.SyncIngest/RecordSync",code="OK"}"#) == 1)
        #expect(sample(metrics, #"\#(calls){method="/synchealth.v1.SyncHistory/GetSync",code="NOT_FOUND"}"#) == 1)
        // A method name the peer made up is not a label value.
        #expect(sample(metrics, #"\#(calls){method="other",code="UNIMPLEMENTED"}"#) == 1)
        #expect(!metrics.contains("attacker.Chosen"))
        // Latency histograms by method, with the bucket boundaries.
        #expect(sample(metrics, #"synchealth_rpc_duration_seconds_count{method="/synchealth.v1.SyncIngest/RecordPushItems"}"#) == 1)
        #expect(metrics.contains(#"synchealth_rpc_duration_seconds_bucket{method="/synchealth.v1.SyncIngest/RecordSync",le="0.0001"}"#))
        #expect(sample(metrics, "synchealth_rpc_calls_in_flight") == 0)
        #expect((sample(metrics, "synchealth_connections_open") ?? 0) >= 1)
        #expect((sample(metrics, "synchealth_frames_received_total") ?? 0) >= 6)
        #expect((sample(metrics, "synchealth_sent_bytes_total") ?? 0) > 0)
        // Ingest by status.
        #expect(sample(metrics, #"synchealth_ingest_items_total{status="failed"}"#) == 1)
        #expect(sample(metrics, #"synchealth_ingest_items_total{status="success"}"#) == 2)
        #expect(metrics.contains("synchealth_ingest_syncs_total{status_code="))
        // Storage: the reader pool and write latency.
        #expect(sample(metrics, "synchealth_storage_readers") == 4)
        #expect((sample(metrics, "synchealth_storage_write_seconds_count") ?? 0) >= 3)
        // Retries: the sandbox push, labelled "other" (no connector of its own).
        // The sandbox platform may fail or time out a push first (then the
        // item is retried), so the job ends with exactly one success, and
        // every push, whatever its outcome, has its latency recorded.
        #expect(sample(metrics, #"synchealth_retry_pushes_total{platform="other",outcome="success"}"#) == 1)
        let pushes = ["success", "failed", "timed_out", "unknown"].compactMap {
            sample(metrics, #"synchealth_retry_pushes_total{platform="other",outcome="\#($0)"}"#)
        }.reduce(0, +)
        #expect(pushes >= 1)
        #expect(sample(metrics, #"synchealth_retry_push_duration_seconds_count{platform="other"}"#) == pushes)
        #expect(sample(metrics, #"synchealth_retry_queue_depth{state="queued"}"#) == 0)
        #expect(sample(metrics, #"synchealth_build_info{version="1.0.0",engine="sqlite"}"#) == 1)
        // Alerts: the webhook try and its duration; no URL or id in a label.
        #expect(receiver.deliveries.count == 1)
        #expect(sample(metrics, #"synchealth_alert_deliveries_total{outcome="delivered"}"#) == 1)
        #expect(sample(metrics, "synchealth_alert_delivery_duration_seconds_count") == 1)
        let deliveryId = receiver.deliveries.first?.headers["x-synchealth-delivery"] ?? "-"
        #expect(!metrics.contains("127.0.0.1:\(receiver.port)") && !metrics.contains(deliveryId))
        // No ids or tokens in labels.
        #expect(!metrics.contains("s-metrics-1") && !metrics.contains("metrics-1\""))

        daemon.send(SIGTERM)
        #expect(await daemon.waitForExit() == .exited(0))
        // The metrics server stops gracefully with the daemon: nothing at error level.
        let log = String(decoding: FileManager.default.contents(atPath: directory.file("daemon.log")) ?? Data(), as: UTF8.self)
        #expect(log.contains("stopped"))
        #expect(!log.contains(" error "), "\(log.split(separator: "\n").filter { $0.contains(" error ") })")
    }

    @Test func readinessSaysWhyNot() {
        #expect(Readiness(migrated: true, storageProblem: nil, draining: false).isReady)
        let draining = Readiness(migrated: true, storageProblem: nil, draining: true)
        #expect(!draining.isReady && draining.text == "draining\n")
        let broken = Readiness(migrated: false, storageProblem: "UNAVAILABLE: database is busy", draining: true)
        #expect(broken.text == "not migrated\nstorage: UNAVAILABLE: database is busy\ndraining\n")
    }
}
