import Dispatch
import Foundation
import Logging
import SyncHealthAlerts
import SyncHealthDemo
import SyncHealthRetry
import SyncHealthDaemon
import SyncHealthOps
import SyncHealthServer
import SyncHealthStorage
import SyncHealthSQLite
import SyncHealthStores
import SyncHealthWire
import SyncHealthConcurrency

/// Runs the server until SIGTERM or SIGINT, then drains gracefully; SIGHUP
/// reloads the tokens (TokenReload).
struct Daemon {
    let settings: DaemonSettings
    let logger: Logger
    /// Reads the settings again (the config file as it is now), for a token
    /// reload on SIGHUP; nil when there is no config file to read.
    let rereadSettings: (@Sendable () throws -> DaemonSettings)?

    func run() async throws {
        // Before anything records: swift-metrics binds its backend once.
        if !settings.metricsListen.isEmpty { _ = OpsMetrics.bootstrap() }
        let store = try openStore()
        var demoTokens: DemoTokens?
        if settings.demo {
            let companies = try loadDemoIfEmpty(store)
            if settings.authEnabled, let company = companies.first {
                demoTokens = try DemoTokens(customerCompanyId: company.companyId)
            }
        }
        let authorizer = try settings.makeAuthorizer(extraTokens: demoTokens?.entries ?? [])
        logAuthentication(demoTokens: demoTokens)

        let metricsOn = !settings.metricsListen.isEmpty
        let executor = try RetryWiring.makeExecutor(
            settings: settings, store: store, logger: logger, metrics: metricsOn ? OpsWiring.retryMetrics(settings) : nil)
        let deliverer = AlertWiring.makeDeliverer(
            settings: settings, store: store, logger: logger, metrics: metricsOn ? AlertMetrics() : nil)
        let router = Router(interceptor: authorizer.interceptor)
        let serverMetrics = metricsOn ? ServerMetrics() : nil
        SyncHealthHandlers.register(on: router, store: store, metrics: serverMetrics)
        RetryHandlers.register(on: router, store: store, jobCreated: { executor.wake() })
        AlertHandlers.register(on: router, store: store)
        var configuration = ServerConfiguration()
        configuration.maxConnections = settings.maxConnections
        configuration.maxPendingHandshakes = settings.effectiveMaxPendingHandshakes
        configuration.maxConcurrentStreams = settings.maxConcurrentStreams
        configuration.maxFrameSize = UInt32(settings.maxFrameSize)
        configuration.handshakeTimeout = .milliseconds(settings.handshakeTimeoutMs)
        configuration.idleTimeout = .milliseconds(settings.idleTimeoutMs)
        configuration.metrics = serverMetrics
        let server = RPCServer(
            address: try BindTarget(listenAddress: settings.listen),
            configuration: configuration,
            router: router,
            logger: Logger(label: "synchealth.rpc")
        )
        // Watch for signals before announcing the address, so a SIGTERM sent
        // as soon as the address is printed is never lost.
        let drainStarted = Locked<ContinuousClock.Instant?>(nil)
        let grace = Duration.milliseconds(settings.gracePeriodMs)
        let demoEntries = demoTokens?.entries ?? []
        let signals = SignalWatcher(signals: [SIGTERM, SIGINT, SIGHUP]) { [settings, logger, rereadSettings] signal in
            if signal == SIGHUP {
                TokenReload.run(
                    authorizer: authorizer, reread: rereadSettings, demoEntries: demoEntries,
                    authEnabled: settings.authEnabled, logger: logger)
                return
            }
            let first = drainStarted.withLock { started in
                defer { if started == nil { started = .now } }
                return started == nil
            }
            guard first else { return }
            logger.notice("shutting down", metadata: ["signal": "\(signal)", "grace_ms": "\(settings.gracePeriodMs)"])
            // The drain starts at once and everywhere: the executor leases
            // nothing more, Health turns NOT_SERVING, the listener closes and
            // every connection gets GOAWAY. Calls and pushes in flight have
            // the same grace period to finish.
            executor.beginStopping()
            Task { await server.shutdown(gracePeriod: grace) }
        }
        var ops: OpsServer?
        var opsAddress: String?
        if metricsOn {
            let started = try await OpsWiring.start(
                settings: settings, store: store, draining: { drainStarted.withLock { $0 != nil } }, logger: logger)
            ops = started.server
            let opsHost = settings.metricsListen.split(separator: ":").dropLast().joined(separator: ":")
            opsAddress = "\(opsHost):\(started.port)"
            logger.notice("metrics", metadata: ["address": "\(opsHost):\(started.port)", "paths": "/metrics /healthz /readyz"])
        }
        let port = try server.start()
        let host = settings.listen.split(separator: ":").dropLast().joined(separator: ":")
        logger.notice("serving", metadata: ["address": "\(host):\(port)", "database": "\((try? DatabaseLocation(parsing: settings.database))?.description ?? "-")", "methods": "\(router.methods.count)"])
        // Tokens first: once the line below appears, they are printed.
        for line in demoTokens?.printedLines ?? [] {
            FileHandle.standardOutput.write(Data((line + "\n").utf8))
        }
        // Lines on stdout that scripts and tests wait for (metrics first).
        if let opsAddress { FileHandle.standardOutput.write(Data("synchealthd metrics on \(opsAddress)\n".utf8)) }
        FileHandle.standardOutput.write(Data("synchealthd listening on \(host):\(port)\n".utf8))
        // Jobs left by an earlier run resume here; their expired leases are
        // taken again with the same keys.
        executor.start()
        deliverer?.start()

        await server.waitUntilStopped()
        // Pushes in flight get what is left of the grace period to finish and
        // be recorded; any still running stay leased, and are delivered again
        // with the same idempotency keys once their leases expire.
        let elapsed = drainStarted.withLock { $0 }.map { ContinuousClock.now - $0 } ?? .zero
        let remaining = max(.zero, grace - elapsed)
        if !(await executor.shutdown(gracePeriod: remaining)) {
            logger.warning("retry pushes still in flight at the end of the grace period; they stay leased and are delivered again with the same idempotency keys", metadata: [
                "pushes": "\(executor.pushesInFlight)",
            ])
        }
        // A POST in flight finishes and is recorded; the outbox keeps the rest.
        await deliverer?.stop()
        signals.cancel()
        await ops?.stop()
        logger.notice("stopped")
    }

    private func openStore() throws -> any ServiceStore {
        try DatabaseLocation(parsing: settings.database).openStore(create: true, poolSize: settings.databasePoolSize)
    }

    /// Says how calls are authorized; never logs a token or digest.
    private func logAuthentication(demoTokens: DemoTokens?) {
        if !settings.authEnabled {
            logger.warning("authentication is OFF (--no-auth / auth = off): anyone who can connect may call every method; for local development only", metadata: [
                "ignored_tokens": "\(settings.tokens.count)",
            ])
            return
        }
        logger.notice("authentication on", metadata: [
            "configured_tokens": "\(settings.tokens.count)", "demo_tokens": "\(demoTokens?.credentials.count ?? 0)",
        ])
    }

    /// Loads the demo data set unless the database has syncs.
    /// - Returns: the data set for `demoSeed` either way (deterministic), so
    ///   the demo customer token is bound to its first company.
    /// Returns the demo companies; only an empty database gets their syncs
    /// generated and loaded (a restart skips that work).
    private func loadDemoIfEmpty(_ store: any ServiceStore) throws -> [DemoCompany] {
        let existing = try store.listSyncs(ListSyncsRequest(pageSize: 1, includeTotal: true))
        if let total = existing.total?.value, total > 0 {
            logger.notice("demo: database already has data, not loading", metadata: ["syncs": "\(total)"])
            return DemoDataGenerator.companies(seed: settings.demoSeed)
        }
        let now = currentTimeMs()
        let dataSet = DemoDataGenerator.generate(seed: settings.demoSeed, now: now)
        let summary = try DemoLoader.load(dataSet, into: store, now: now)
        logger.notice("demo: loaded", metadata: [
            "companies": "\(dataSet.companies.count)", "syncs": "\(summary.syncs)", "item_reports": "\(summary.itemReports)",
            "seed": "\(settings.demoSeed)",
        ])
        return dataSet.companies
    }
}

/// The write end of the self-pipe the signal handler writes to. Set once,
/// before the handler is installed; read only by the handler.
nonisolated(unsafe) private var signalPipeWriteEnd: Int32 = -1

/// Calls `handler` on SIGTERM/SIGINT.
///
/// Uses the self-pipe trick rather than Dispatch signal sources: the C
/// handler is installed synchronously (so a signal that arrives right after
/// start-up is never lost, as it can be while a Dispatch source is still being
/// armed on another thread) and only does an async-signal-safe `write`; a
/// Dispatch read source on the pipe runs `handler` on a normal queue.
final class SignalWatcher: Sendable {
    private let queue = DispatchQueue(label: "synchealthd.signals")
    // DispatchSource is not Sendable on Linux; the source is created here,
    // only touched on `queue` afterwards (cancel hops onto it), and never
    // escapes this object.
    private nonisolated(unsafe) let source: any DispatchSourceRead

    init(signals: [Int32], handler: @escaping @Sendable (Int32) -> Void) {
        var fds: [Int32] = [-1, -1]
        precondition(pipe(&fds) == 0, "cannot create the signal pipe")
        for fd in fds { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) }
        signalPipeWriteEnd = fds[1]
        let readEnd = fds[0]
        source = DispatchSource.makeReadSource(fileDescriptor: readEnd, queue: queue)
        source.setEventHandler {
            var byte: UInt8 = 0
            while read(readEnd, &byte, 1) == 1 { handler(Int32(byte)) }
        }
        source.setCancelHandler { close(readEnd) }
        source.resume()
        for number in signals {
            signal(number) { received in
                var byte = UInt8(truncatingIfNeeded: received)
                _ = write(signalPipeWriteEnd, &byte, 1)
            }
        }
    }

    func cancel() {
        queue.sync { source.cancel() }
    }
}
