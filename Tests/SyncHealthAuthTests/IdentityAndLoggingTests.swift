import Foundation
import SyncHealthClient
@testable import SyncHealthServer
import SyncHealthTestSupport
import SyncHealthWire
import Testing
import SyncHealthTestTraits

@Suite(.offThePool) struct IdentityAndLoggingTests {
    @Test func handlersSeeTheCaller() async throws {
        let live = try LiveAuth()
        defer { live.stop() }
        let method = Methods.Retry.retryFailedItems.fullName
        #expect(await live.call(method, as: .operator).code == .ok)
        let seen = try #require(live.seen[method])
        #expect(seen.principal == Principal(name: "test-operator", role: .operator))
        #expect(seen.identity == "test-operator")

        let listJobs = Methods.Retry.listRetryJobs.fullName
        #expect(await live.call(listJobs, as: .viewer).code == .ok)
        #expect(live.seen[listJobs]?.identity == "test-viewer")
    }

    @Test func noAuthAllowsEverythingAndSaysSo() async throws {
        let live = try LiveAuth(authorizer: .disabled)
        defer { live.stop() }
        for method in MethodCatalog.known {
            for authorization in [nil, "Bearer unknown", "garbage"] as [String?] {
                let (code, message) = await live.call(method, authorization: authorization)
                #expect(![.unauthenticated, .permissionDenied, .unimplemented].contains(code), "\(method): \(code.name) \(message)")
            }
        }
        let retry = live.seen[Methods.Retry.retryFailedItems.fullName]
        #expect(retry?.principal == .unauthenticatedDevelopment)
        #expect(retry?.identity == "no-auth")

        // Customers' isolation needs tokens: with auth off any company is listed.
        let other = ListCompanySyncsRequest(companyId: TestTokens.otherCompany).serializedBytes()
        #expect(await live.call(Methods.SyncHistory.listCompanySyncs.fullName, authorization: nil, request: other).code == .ok)
    }

    @Test func tokensNeverReachTheLogs() async throws {
        let logs = CapturedLogs()
        let live = try LiveAuth(logs: logs)
        defer { live.stop() }
        let unknown = "shd_unknown_secret_4242"
        var calls: [(String, String?)] = []
        for role in Role.allCases {
            calls.append((Methods.SyncHistory.listSyncs.fullName, "Bearer \(TestTokens.token(for: role))"))
            calls.append((Methods.Retry.retryFailedItems.fullName, "Bearer \(TestTokens.token(for: role))"))
        }
        calls += [
            (Methods.SyncHistory.listSyncs.fullName, "Bearer \(unknown)"),
            (Methods.SyncHistory.listSyncs.fullName, "Basic \(unknown)"),
            (Methods.SyncHistory.listSyncs.fullName, unknown),
            (Methods.SyncHistory.listSyncs.fullName, "Bearer \(unknown) \(unknown)"),
        ]
        for (method, authorization) in calls {
            _ = await live.call(method, authorization: authorization)
        }
        live.stop()
        let lines = logs.all
        #expect(lines.count >= calls.count)
        for secret in Role.allCases.map(TestTokens.token(for:)) + [unknown, "shd_"] {
            #expect(!lines.contains { $0.contains(secret) }, "a log line holds \(secret)")
        }
        for digest in Role.allCases.map({ TokenDigest.hex(of: TestTokens.token(for: $0)) }) {
            #expect(!lines.contains { $0.contains(digest) })
        }
        // The call log names who called, and who was refused.
        #expect(lines.contains { $0.contains("rpc.caller=test-viewer") && $0.contains("PERMISSION_DENIED") && $0.contains("RetryFailedItems") })
        #expect(lines.contains { $0.contains("rpc.caller=test-operator") && $0.contains("rpc.status=OK") && $0.contains("RetryFailedItems") })
        #expect(lines.contains { $0.contains("UNAUTHENTICATED") && !$0.contains("rpc.caller") })
    }

    /// `--log-format json`: every line one JSON object with the call's
    /// fields, and still no token or digest anywhere.
    @Test func jsonLinesCarryTheCallFieldsAndNoTokens() async throws {
        let logs = CapturedLogs(json: true)
        let live = try LiveAuth(logs: logs)
        defer { live.stop() }
        let unknown = "shd_unknown_secret_4242"
        _ = await live.call(Methods.SyncHistory.listSyncs.fullName, authorization: "Bearer \(TestTokens.token(for: .viewer))")
        _ = await live.call(Methods.Retry.retryFailedItems.fullName, authorization: "Bearer \(TestTokens.token(for: .viewer))")
        _ = await live.call(Methods.SyncHistory.listSyncs.fullName, authorization: "Bearer \(unknown)")
        // A call's line is written just after its answer is sent: wait for all three.
        let deadline = ContinuousClock.now + .seconds(10)
        while logs.all.filter({ $0.contains(#""message":"rpc""#) }).count < 3, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(5))
        }
        live.stop()
        let lines = logs.all
        var calls: [[String: String]] = []
        for line in lines {
            #expect(!line.contains("\n"), "one object per line")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String], "\(line)")
            #expect(object["timestamp"]?.hasSuffix("Z") == true && object["level"] != nil && object["message"] != nil)
            if object["message"] == "rpc" { calls.append(object) }
        }
        #expect(calls.count >= 3)
        for call in calls {
            for field in ["method", "status", "latency_ms", "peer", "stream_id", "request_id"] {
                #expect(call[field] != nil, "\(field) missing in \(call)")
            }
        }
        #expect(calls.contains { $0["caller"] == "test-viewer" && $0["status"] == "PERMISSION_DENIED" })
        #expect(calls.contains { $0["status"] == "UNAUTHENTICATED" && $0["caller"] == nil })
        let secrets = [TestTokens.token(for: .viewer), TokenDigest.hex(of: TestTokens.token(for: .viewer)), unknown]
        for secret in secrets {
            #expect(!lines.contains { $0.contains(secret) }, "a log line holds a secret")
        }
    }
}

/// The JSON line itself: hostile text stays inside its string, on one line.
@Suite(.offThePool) struct JSONLogLineTests {
    @Test func hostileValuesStayInsideTheirStrings() throws {
        let hostile = "line\nbreak \"quoted\" \\ back\u{202E}rtl \u{0007}bell"
        let line = JSONLogHandler.line(
            timestamp: Date(timeIntervalSince1970: 1_793_491_200.5), level: .warning, label: "synchealth.rpc",
            message: hostile, metadata: ["rpc.method": .string(hostile), "other": .string("x")])
        #expect(!line.contains("\n"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String])
        #expect(object == [
            "timestamp": "2026-11-01T00:00:00.500Z", "level": "warning", "label": "synchealth.rpc",
            "message": hostile, "method": hostile, "other": "x",
        ])
    }
}
