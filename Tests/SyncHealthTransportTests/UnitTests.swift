@testable import SyncHealthClient
@testable import SyncHealthServer
import SyncHealthWire
import Testing
import SyncHealthTestSupport
import SyncHealthTestTraits

/// The pure pieces: parsing, the output buffer, state machines, backoff.
@Suite("Transport units", .offThePool)
struct UnitTests {
    @Test func bindTargetParsing() throws {
        #expect(try BindTarget(listenAddress: "127.0.0.1:0") == BindTarget(host: "127.0.0.1", port: 0))
        #expect(try BindTarget(listenAddress: "[::1]:8443") == BindTarget(host: "::1", port: 8443))
        #expect(try BindTarget(listenAddress: ":7000") == BindTarget(host: "", port: 7000))
        for bad in ["", "7000", "::1:80", "[::1]", "h:65536", "h:-1", "h:x"] {
            #expect(throws: RPCError.self, "\(bad)") { _ = try BindTarget(listenAddress: bad) }
        }
        #expect(BindTarget(host: "::1", port: 1).description == "[::1]:1")
    }

    @Test func serverListensOnIPv6Loopback() async throws {
        let server = RPCServer(address: try BindTarget(listenAddress: "[::1]:0"), router: Router())
        let port: UInt16
        do {
            port = try server.start()
        } catch {
            return  // no IPv6 on this machine
        }
        let client = try RPCClient(target: "[::1]:\(port)")
        let reply: HealthCheckResponse = try await client.call(HealthService.checkMethod, HealthCheckRequest())
        #expect(reply.status == .serving)
        client.close()
        await server.shutdown(gracePeriod: .seconds(5))
    }

    @Test func outputBufferKeepsOrderAcrossPartialWrites() {
        var buffer = OutputBuffer()
        let frames = (0..<50).map { i in [UInt8](repeating: UInt8(i), count: i * 997 % 20_000 + 1) }
        for frame in frames { buffer.append(frame) }
        #expect(buffer.count == frames.reduce(0) { $0 + $1.count })
        var written: [UInt8] = []
        var step = 1
        while let chunk = buffer.withFirstChunk({ Array($0.prefix(step)) }) {
            written += chunk
            buffer.consume(chunk.count)
            step = step * 3 % 7919 + 1
        }
        #expect(buffer.isEmpty)
        #expect(written == frames.flatMap { $0 })
    }

    @Test func connectionStateTransitions() {
        let all: [ConnectionState] = [.awaitingPreface, .open, .draining, .closing, .closed]
        let allowed: Set<String> = [
            "awaitingPreface>open", "awaitingPreface>closing", "awaitingPreface>closed",
            "open>draining", "open>closing", "open>closed",
            "draining>closing", "draining>closed", "closing>closed",
        ]
        for from in all {
            for to in all {
                #expect(from.canTransition(to: to) == allowed.contains("\(from)>\(to)"), "\(from) -> \(to)")
            }
        }
    }

    @Test func serverLifecycleTransitions() {
        #expect(ServerLifecycle.idle.canTransition(to: .running))
        #expect(ServerLifecycle.running.canTransition(to: .shuttingDown))
        #expect(ServerLifecycle.shuttingDown.canTransition(to: .stopped))
        #expect(!ServerLifecycle.stopped.canTransition(to: .running))
        #expect(!ServerLifecycle.running.canTransition(to: .idle))
    }

    @Test func backoffStaysWithinBounds() {
        // The client's delays: equal jitter, between half the ceiling and the ceiling.
        let policy = BackoffPolicy(initialIntervalMs: 50, maximumIntervalMs: 1_000, maximumAttempts: .max, jitter: .equal)
        for attempt in 1...40 {
            let base = min(Int64(50) << Int64(min(attempt - 1, 30)), 1_000)
            for unit in [0.0, 0.5, 0.999_999] {
                let delay = policy.delayMs(afterAttempts: attempt) { unit }
                #expect(delay.map { $0 >= base / 2 && $0 <= base } == true, "attempt \(attempt): \(String(describing: delay))")
            }
            #expect(policy.delayMs(afterAttempts: attempt) { 0 } == base / 2)
        }
    }

    @Test func timeoutMillisecondsRoundsUpAndSaturates() {
        #expect(Duration.microseconds(1).timeoutMilliseconds == 1)
        #expect(Duration.milliseconds(1).timeoutMilliseconds == 1)
        #expect(Duration.microseconds(1500).timeoutMilliseconds == 2)
        #expect(Duration.seconds(2).timeoutMilliseconds == 2000)
        #expect(Duration.seconds(Int64.max).timeoutMilliseconds == UInt32.max)
    }

    @Test func anErrorsCauseReachesTheLogNoteButNotTheClient() throws {
        struct EngineTrouble: Error, CustomStringConvertible {
            var description: String { "engine error 5 during step: database is locked" }
        }
        let thrown = RPCError(.unavailable, "database is busy or unreachable; try again").causedBy(EngineTrouble())
        let context = CallContext(method: "/t.S/M")
        let outcome = CallOutcome.run({ _, _ in throw thrown }, request: [], context: context)
        guard case let .failure(error, cause) = outcome else {
            Issue.record("expected a failure")
            return
        }
        #expect(error == RPCError(.unavailable, "database is busy or unreachable; try again"))
        #expect(cause == "engine error 5 during step: database is locked")
        // The cause is not part of the error's identity.
        #expect(thrown == RPCError(.unavailable, "database is busy or unreachable; try again"))
    }

    @Test func logTextIsSanitizedAndTruncated() {
        #expect(LogText.sanitized("/a\nfake line\u{1B}[31m") == "/a?fake line?[31m")
        #expect(LogText.sanitized(String(repeating: "x", count: 500)).count == 200)
        #expect("héllo".truncatedToUTF8(maxBytes: 2) == "h")
        #expect("héllo".truncatedToUTF8(maxBytes: 3) == "hé")
        // A grapheme is never split: e + combining acute is 3 bytes.
        #expect("e\u{301}x".truncatedToUTF8(maxBytes: 2) == "")
        #expect("e\u{301}x".truncatedToUTF8(maxBytes: 3) == "e\u{301}")
        #expect("short".truncatedToUTF8(maxBytes: 10) == "short")
    }

    @Test func callContextCancellationFirstReasonWins() throws {
        let context = CallContext(method: "/a.B/C")
        #expect(!context.isCancelled)
        try context.checkCancellation()
        #expect(context.cancel(.deadlineExceeded))
        #expect(!context.cancel(.cancelledByClient))
        #expect(context.cancellationReason == .deadlineExceeded)
        #expect(throws: RPCError(.deadlineExceeded, "deadline exceeded")) { try context.checkCancellation() }
    }
}
