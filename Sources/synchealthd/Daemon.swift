import Dispatch
import Foundation
import Logging
import SyncHealthDemo
import SyncHealthRetry
import SyncHealthServer
import SyncHealthStorage
import SyncHealthWire

/// Runs the server until SIGTERM or SIGINT, then drains gracefully.
struct Daemon {
    let settings: DaemonSettings
    let logger: Logger

    func run() async throws {
        let store = try openStore()
        if settings.demo { try loadDemoIfEmpty(store) }

        let executor = try RetryWiring.makeExecutor(settings: settings, store: store, logger: logger)
        let router = Router()
        SyncHealthHandlers.register(on: router, store: store)
        RetryHandlers.register(on: router, store: store, jobCreated: { executor.wake() })
        var configuration = ServerConfiguration()
        configuration.maxConnections = settings.maxConnections
        configuration.maxConcurrentStreams = settings.maxConcurrentStreams
        configuration.maxFrameSize = UInt32(settings.maxFrameSize)
        configuration.handshakeTimeout = .milliseconds(settings.handshakeTimeoutMs)
        configuration.idleTimeout = .milliseconds(settings.idleTimeoutMs)
        let server = RPCServer(
            address: try BindTarget(parsing: settings.listen),
            configuration: configuration,
            router: router,
            logger: Logger(label: "synchealth.rpc")
        )
        let port = try server.start()
        let host = settings.listen.split(separator: ":").dropLast().joined(separator: ":")
        logger.notice("serving", metadata: ["address": "\(host):\(port)", "database": "\(settings.database)", "methods": "\(router.methods.count)"])
        // A line on stdout that scripts and tests wait for.
        FileHandle.standardOutput.write(Data("synchealthd listening on \(host):\(port)\n".utf8))
        // Jobs left by an earlier run resume here; their expired leases are
        // taken again with the same keys.
        executor.start()

        let signals = SignalWatcher(signals: [SIGTERM, SIGINT]) { signal in
            logger.notice("shutting down", metadata: ["signal": "\(signal)", "grace_ms": "\(settings.gracePeriodMs)"])
            Task {
                // Pushes in flight finish and are recorded before the server drains.
                await executor.shutdown()
                await server.shutdown(gracePeriod: .milliseconds(settings.gracePeriodMs))
            }
        }
        await server.waitUntilStopped()
        await executor.shutdown()
        signals.cancel()
        logger.notice("stopped")
    }

    private func openStore() throws -> SQLiteSyncStore {
        let directory = (settings.database as NSString).deletingLastPathComponent
        if !directory.isEmpty {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
        return try SQLiteSyncStore(path: settings.database)
    }

    private func loadDemoIfEmpty(_ store: SQLiteSyncStore) throws {
        let existing = try store.listSyncs(ListSyncsRequest(pageSize: 1, includeTotal: true))
        if let total = existing.total?.value, total > 0 {
            logger.notice("demo: database already has data, not loading", metadata: ["syncs": "\(total)"])
            return
        }
        let now = currentTimeMs()
        let dataSet = DemoDataGenerator.generate(seed: settings.demoSeed, now: now)
        let summary = try DemoLoader.load(dataSet, into: store, now: now)
        logger.notice("demo: loaded", metadata: [
            "companies": "\(dataSet.companies.count)", "syncs": "\(summary.syncs)", "item_reports": "\(summary.itemReports)",
            "seed": "\(settings.demoSeed)",
        ])
    }
}

/// Calls `handler` on SIGTERM/SIGINT, keeping its Dispatch sources on its own queue.
final class SignalWatcher: Sendable {
    private let queue = DispatchQueue(label: "synchealthd.signals")
    // DispatchSource is not Sendable on Linux; the sources are created here,
    // only touched on `queue` afterwards (cancel hops onto it), and never
    // escape this object.
    private nonisolated(unsafe) let sources: [any DispatchSourceSignal]

    init(signals: [Int32], handler: @escaping @Sendable (Int32) -> Void) {
        var sources: [any DispatchSourceSignal] = []
        for number in signals {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { handler(number) }
            source.resume()
            sources.append(source)
        }
        self.sources = sources
    }

    func cancel() {
        queue.sync { sources.forEach { $0.cancel() } }
    }
}
