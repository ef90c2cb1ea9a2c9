public import SyncHealthClient
import Synchronization

/// What one load run does and for how long.
public struct LoadOptions: Sendable {
    /// Connections (one `SyncHealthClient` each).
    public var connections: Int
    /// Calls in flight on each connection.
    public var inFlight: Int
    /// Stop after this long...
    public var duration: Duration
    /// ...or after this many calls, whichever comes first.
    public var maxCalls: Int
    /// Calls made and discarded before measuring (dial, caches, JIT-less warm-up).
    public var warmupCalls: Int

    /// Creates options; both bounds always apply, so a run always stops.
    public init(connections: Int = 1, inFlight: Int = 1, duration: Duration = .seconds(5), maxCalls: Int = 1_000_000, warmupCalls: Int = 100) {
        precondition(connections > 0 && inFlight > 0 && maxCalls > 0, "load options must be positive")
        self.connections = connections
        self.inFlight = inFlight
        self.duration = duration
        self.maxCalls = maxCalls
        self.warmupCalls = warmupCalls
    }
}

/// The outcome of one load run.
public struct LoadResult: Sendable, Hashable, Codable {
    /// Calls that succeeded.
    public var calls: Int
    /// Calls that failed.
    public var errors: Int
    /// Units of work the calls did (items for RecordPushItems, else calls).
    public var units: Int
    /// Wall time of the measured part.
    public var seconds: Double
    /// Latency of the successful calls.
    public var latency: LatencySummary
    /// The first error's text, if any call failed.
    public var firstError: String?

    /// Successful calls per second.
    public var callsPerSecond: Double { seconds > 0 ? Double(calls) / seconds : 0 }
    /// Units per second.
    public var unitsPerSecond: Double { seconds > 0 ? Double(units) / seconds : 0 }
}

/// One call of a workload: `sequence` numbers the calls of a run (0, 1, ...).
/// Returns the units of work done (e.g. items stored), 1 for a plain call.
public typealias WorkloadCall = @Sendable (_ client: SyncHealthClient, _ sequence: Int) async throws -> Int

/// A closed-loop load generator: `connections` x `inFlight` workers, each
/// issuing its next call as soon as the previous one answers.
public enum LoadGenerator {
    /// Runs `call` under `options` against the server at `target` ("host:port").
    public static func run(target: String, token: String? = nil, options: LoadOptions, call: @escaping WorkloadCall) async throws -> LoadResult {
        var clients: [SyncHealthClient] = []
        for _ in 0..<options.connections {
            clients.append(try SyncHealthClient(target: target, token: token, timeout: .seconds(60)))
        }
        defer { for client in clients { client.close() } }
        if options.warmupCalls > 0 {
            _ = try await measure(clients: clients, options: options, bound: options.warmupCalls, duration: .seconds(30), call: call)
        }
        return try await measure(clients: clients, options: options, bound: options.maxCalls, duration: options.duration, call: call)
    }

    private struct WorkerResult: Sendable {
        var latency = LatencyRecorder()
        var calls = 0
        var errors = 0
        var units = 0
        var firstError: String?
    }

    private static func measure(
        clients: [SyncHealthClient], options: LoadOptions, bound: Int, duration: Duration, call: @escaping WorkloadCall
    ) async throws -> LoadResult {
        let counter = SequenceCounter()
        let clock = ContinuousClock()
        let started = clock.now
        let deadline = started + duration
        let total = await withTaskGroup(of: WorkerResult.self) { group in
            for client in clients {
                for _ in 0..<options.inFlight {
                    group.addTask {
                        var result = WorkerResult()
                        while clock.now < deadline {
                            let sequence = counter.next()
                            if sequence >= bound { break }
                            let callStarted = clock.now
                            do {
                                result.units += try await call(client, sequence)
                                result.latency.record(clock.now - callStarted)
                                result.calls += 1
                            } catch {
                                result.errors += 1
                                if result.firstError == nil { result.firstError = "\(error)" }
                            }
                        }
                        return result
                    }
                }
            }
            var total = WorkerResult()
            for await part in group {
                total.latency.add(part.latency)
                total.calls += part.calls
                total.errors += part.errors
                total.units += part.units
                if total.firstError == nil { total.firstError = part.firstError }
            }
            return total
        }
        return LoadResult(
            calls: total.calls, errors: total.errors, units: total.units,
            seconds: (clock.now - started).seconds, latency: total.latency.summary, firstError: total.firstError)
    }
}

/// Hands out call sequence numbers 0, 1, 2, ... to concurrent workers.
final class SequenceCounter: Sendable {
    private let value = Atomic<Int>(0)

    func next() -> Int { value.add(1, ordering: .relaxed).oldValue }
}
