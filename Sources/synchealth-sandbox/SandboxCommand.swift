import ArgumentParser
import Foundation
import Logging
import SyncHealthRetry
import SyncHealthServer
import SyncHealthWire

/// `synchealth-sandbox`: a simulated accounting platform serving
/// `Connector/Push` over protocol v1, so the retry executor's RPC path runs
/// end to end on one machine.
@main
struct SandboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "synchealth-sandbox",
        abstract: "A sandbox accounting platform serving Connector/Push for the retry executor.",
        discussion: """
        Outcomes are deterministic from --seed and each push's idempotency key; a key \
        seen before answers with the earlier result (a timed-out push counts as landed). \
        Prints "synchealth-sandbox listening on HOST:PORT" once it accepts connections.
        """
    )

    @Option(help: "Address to listen on, host:port (port 0 = any free port).") var listen = "127.0.0.1:7420"
    @Option(help: "Seed of every random outcome.") var seed: UInt64 = 1
    @Option(help: "Time each push takes, in ms.") var latencyMs: Int64 = 0
    @Option(help: "Share of pushes that fail with a transient error, 0...1.") var failureRate = 0.0
    @Option(help: "Share of pushes that time out (and still land), 0...1.") var timeoutRate = 0.0
    @Option(help: "Always fail items whose core id contains this text (repeatable).") var failCoreId: [String] = []
    @Option(help: "Append one line per delivery, 'item_id attempt_number idempotency_key outcome', synced to disk.") var deliveriesLog: String?

    func validate() throws {
        guard (0...1).contains(failureRate), (0...1).contains(timeoutRate), failureRate + timeoutRate <= 1 else {
            throw ValidationError("--failure-rate and --timeout-rate must be in 0...1 and add up to at most 1")
        }
        guard latencyMs >= 0 else { throw ValidationError("--latency-ms must not be negative") }
    }

    func run() async throws {
        signal(SIGPIPE, SIG_IGN)
        let rules = failCoreId.map {
            SandboxBehavior.FailureRule(coreIdContains: $0, message: "The sandbox platform rejects this record (rule '\($0)').")
        }
        let sandbox = SandboxConnector(behavior: SandboxBehavior(
            seed: seed, latencyMs: latencyMs, transientFailureRate: failureRate, timeoutRate: timeoutRate,
            failureRules: rules))
        let log = try deliveriesLog.map { try DeliveriesLog(path: $0) }

        let router = Router()
        router.register(Methods.Connector.push) { (request: PushRequest, context) in
            let timeoutMs = context.deadline.map { deadline -> Int64 in
                let remaining = ContinuousClock.now.duration(to: deadline)
                return max(0, remaining.components.seconds * 1000 + remaining.components.attoseconds / 1_000_000_000_000_000)
            } ?? 60_000
            let response = sandbox.push(request, timeoutMs: timeoutMs)
            log?.record(request, response)
            return response
        }
        var logger = Logger(label: "synchealth.sandbox")
        logger.logLevel = .warning
        let server = RPCServer(address: try BindTarget(listenAddress: listen), configuration: ServerConfiguration(), router: router, logger: logger)
        let port = try server.start()
        let host = listen.split(separator: ":").dropLast().joined(separator: ":")
        FileHandle.standardOutput.write(Data("synchealth-sandbox listening on \(host):\(port)\n".utf8))
        await server.waitUntilStopped()
    }
}
