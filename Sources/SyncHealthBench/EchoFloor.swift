import Foundation
import SyncHealthProcess

/// The network floor: `tools/bench/echo.c`, a C client and server on one
/// loopback connection, one message in flight, with the same request and
/// response sizes as the RPC being compared.
public enum EchoFloor {
    /// Runs the echo binary; nil when it is missing or prints nothing usable.
    public static func measure(binary: String, requestBytes: Int, responseBytes: Int, roundTrips: Int) async throws -> LatencySummary? {
        guard FileManager.default.isExecutableFile(atPath: binary) else { return nil }
        let result = try await ChildProcess.run(binary, [String(requestBytes), String(responseBytes), String(roundTrips)])
        guard result.exit == .exited(0) else { return nil }
        var values: [String: UInt64] = [:]
        for pair in result.stdout.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            let parts = pair.split(separator: "=")
            if parts.count == 2, let value = UInt64(parts[1]) { values[String(parts[0])] = value }
        }
        guard let count = values["count"], let p50 = values["p50_ns"], let p99 = values["p99_ns"],
              let p999 = values["p999_ns"], let max = values["max_ns"] else { return nil }
        return LatencySummary(count: Int(count), p50: p50, p99: p99, p999: p999, max: max)
    }
}
