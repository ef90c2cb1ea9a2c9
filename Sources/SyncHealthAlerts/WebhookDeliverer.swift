import AsyncHTTPClient
import Foundation
public import Logging
import SyncHealthConcurrency
public import SyncHealthStorage
import SyncHealthWire

/// Delivers the alert outbox: leases due deliveries from an `AlertStore`,
/// POSTs each to its rule's webhook with an HMAC signature, and records the
/// outcome (delivered, or tried again later with backoff, or failed after
/// the last try). Every replica runs one; leases keep them from taking the
/// same try.
///
/// At least once, never under two ids: a delivery's id is fixed when the
/// event's transaction writes it, and every try sends it as
/// `X-SyncHealth-Delivery`. A deliverer that dies between the receiver's
/// answer and recording it leaves the lease to expire; the delivery is sent
/// again with the same id, for the receiver to drop as a duplicate.
public final class WebhookDeliverer: Sendable {
    private let store: any AlertStore
    private let configuration: WebhookDelivererConfiguration
    private let client: HTTPClient
    private let logger: Logger
    /// Names this process's leases: the configured owner and the pid.
    private let owner: String
    private let state = Locked(State())

    private struct State {
        var loop: Task<Void, Never>?
        var sleeper: Task<Void, Never>?
        var stopping = false
    }

    /// Creates a deliverer; nothing runs until `start()`.
    public init(store: any AlertStore, configuration: WebhookDelivererConfiguration = .init(), logger: Logger = Logger(label: "synchealth.alerts")) {
        precondition(configuration.leaseDurationMs > configuration.requestTimeoutMs, "leaseDurationMs must exceed requestTimeoutMs")
        precondition(configuration.concurrency >= 1, "concurrency must be at least 1")
        self.store = store
        self.configuration = configuration
        self.logger = logger
        owner = "\(configuration.owner)-\(ProcessInfo.processInfo.processIdentifier)"
        var http = HTTPClient.Configuration()
        http.redirectConfiguration = .disallow
        http.timeout = .init(connect: .milliseconds(min(configuration.requestTimeoutMs, 5_000)))
        client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: http)
    }

    /// Starts delivering in the background.
    public func start() {
        state.withLock { state in
            guard state.loop == nil, !state.stopping else { return }
            state.loop = Task { await self.run() }
        }
    }

    /// Stops leasing, lets the tries in flight finish and record, and
    /// closes the HTTP client.
    public func stop() async {
        let loop = state.withLock { state -> Task<Void, Never>? in
            state.stopping = true
            state.sleeper?.cancel()
            return state.loop
        }
        await loop?.value
        try? await client.shutdown()
    }

    /// Delivers until nothing pending is due now (tries waiting for a later
    /// backoff stay pending). For tests and tools; not with `start()`.
    public func deliverDue() async {
        while await deliverBatch() > 0 {}
    }

    private func run() async {
        while !state.withLock({ $0.stopping }) {
            let delivered = await deliverBatch()
            if delivered >= configuration.concurrency { continue }
            await sleepUntilNextDue()
        }
    }

    /// One lease-POST-record round; returns how many deliveries it tried.
    private func deliverBatch() async -> Int {
        let now = configuration.clock()
        let leases: [AlertDeliveryLease]
        do {
            leases = try await BlockingWork.run("synchealth.alerts.lease") { [store, configuration, owner] () throws(RPCError) in
                try store.leaseAlertDeliveries(
                    owner: owner, now: now, leaseDurationMs: configuration.leaseDurationMs, limit: configuration.concurrency)
            }
        } catch {
            logger.warning("alert outbox unavailable", metadata: ["error": "\(error)"])
            return 0
        }
        await withTaskGroup(of: Void.self) { group in
            for lease in leases {
                group.addTask { await self.deliver(lease) }
            }
        }
        return leases.count
    }

    private func deliver(_ lease: AlertDeliveryLease) async {
        let timestamp = String(configuration.clock() / 1000)
        var request = HTTPClientRequest(url: lease.webhookURL)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "User-Agent", value: "SyncHealth-Webhook/1")
        request.headers.add(name: "X-SyncHealth-Delivery", value: lease.deliveryId)
        request.headers.add(name: "X-SyncHealth-Timestamp", value: timestamp)
        request.headers.add(
            name: "X-SyncHealth-Signature",
            value: WebhookSignature.header(secret: lease.signingSecret, timestamp: timestamp, body: lease.payload))
        request.body = .bytes(Array(lease.payload.utf8))
        var status: Int32 = 0
        var problem = ""
        let started = ContinuousClock.now
        do {
            let response = try await client.execute(request, timeout: .milliseconds(configuration.requestTimeoutMs))
            _ = try? await response.body.collect(upTo: 64 * 1024)
            status = Int32(response.status.code)
            if !(200..<300).contains(status) { problem = "HTTP \(status)" }
        } catch {
            problem = Self.describe(error)
        }
        let now = configuration.clock()
        let delivered = problem.isEmpty
        let retryAt = delivered ? nil : configuration.backoff.delayMs(
            afterAttempts: Int(lease.attemptsMade) + 1, random: configuration.random).map { now + $0 }
        let result = AlertDeliveryResult(
            deliveryId: lease.deliveryId, leaseOwner: lease.leaseOwner, delivered: delivered, httpStatus: status,
            error: problem, retryAtMs: retryAt)
        configuration.metrics?.tried(
            outcome: delivered ? "delivered" : (retryAt == nil ? "failed" : "retrying"), took: ContinuousClock.now - started)
        var metadata: Logger.Metadata = [
            "delivery": "\(lease.deliveryId)", "rule": "\(lease.ruleId)", "attempt": "\(lease.attemptsMade + 1)",
        ]
        if !delivered { metadata["error"] = "\(problem)" }
        if delivered {
            logger.info("alert delivered", metadata: metadata)
        } else if retryAt == nil {
            logger.error("alert delivery failed; no tries left", metadata: metadata)
        } else {
            logger.warning("alert delivery failed; will try again", metadata: metadata)
        }
        do {
            try await BlockingWork.run("synchealth.alerts.record") { [store] () throws(RPCError) in
                _ = try store.completeAlertDelivery(result, now: now)
            }
        } catch {
            configuration.metrics?.recordingFailed()
            logger.warning("alert delivery not recorded; it will be sent again under the same id", metadata: metadata.merging(["record_error": "\(error)"]) { $1 })
        }
    }

    /// Sleeps until the poll interval passes, the next delivery is due, or
    /// `stop()`.
    private func sleepUntilNextDue() async {
        var pauseMs = configuration.pollIntervalMs
        let next = try? await BlockingWork.run("synchealth.alerts.due") { [store] () throws(RPCError) in
            try store.nextAlertDeliveryDue()
        }
        if let due = next ?? nil {
            pauseMs = min(pauseMs, max(1, due - configuration.clock()))
        }
        let pause = Duration.milliseconds(pauseMs)
        let sleeper: Task<Void, Never>? = state.withLock { state in
            guard !state.stopping else { return nil }
            let task = Task { _ = try? await Task.sleep(for: pause) }
            state.sleeper = task
            return task
        }
        await sleeper?.value
        state.withLock { $0.sleeper = nil }
    }

    /// A short reason for operators: the error's kind, never the URL's
    /// query or a response body.
    static func describe(_ error: any Error) -> String {
        if let error = error as? HTTPClientError {
            switch error {
            case .deadlineExceeded, .readTimeout, .connectTimeout: return "timed out"
            default: return "HTTP client: \(error)"
            }
        }
        return "\(type(of: error)): \(error)".prefix(300).description
    }
}
