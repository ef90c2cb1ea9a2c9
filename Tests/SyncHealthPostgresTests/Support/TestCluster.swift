import Foundation
import SyncHealthPostgres
import Testing

/// The PostgreSQL cluster the tests run against: `tools/test` starts a
/// throwaway one (`tools/pg-cluster`) and exports its URL and directory.
/// Where PostgreSQL is required (tools/test, CI) a missing cluster fails
/// the tests; a plain `swift test` without one skips them.
enum TestCluster {
    /// SYNCHEALTH_TEST_POSTGRES_URL: the cluster's admin URL.
    static let url = ProcessInfo.processInfo.environment["SYNCHEALTH_TEST_POSTGRES_URL"]
    /// SYNCHEALTH_TEST_POSTGRES_DIR: its tools/pg-cluster directory (restart tests).
    static let directory = ProcessInfo.processInfo.environment["SYNCHEALTH_TEST_POSTGRES_DIR"]
    /// SYNCHEALTH_REQUIRE_POSTGRES=1: a missing cluster is a failure.
    static let required = ProcessInfo.processInfo.environment["SYNCHEALTH_REQUIRE_POSTGRES"] == "1"

    /// Whether the PostgreSQL tests run.
    static var enabled: Bool { url != nil || required }

    /// The admin URL, or a recorded failure naming how to get one.
    static func adminURL() throws -> String {
        guard let url else {
            throw ClusterMissing()
        }
        return url
    }

    struct ClusterMissing: Error, CustomStringConvertible {
        var description: String {
            "SYNCHEALTH_REQUIRE_POSTGRES=1 but SYNCHEALTH_TEST_POSTGRES_URL is not set: run tools/test, or start one with tools/pg-cluster start DIR"
        }
    }

    /// The URL of database `name` on the cluster.
    static func url(database name: String) throws -> String {
        let admin = try adminURL()
        guard let slash = admin.range(of: "/", options: .backwards), admin[..<slash.lowerBound].hasSuffix("//") == false else {
            return admin
        }
        return String(admin[..<slash.lowerBound]) + "/" + name
    }

    /// Runs `body` with the URL of a new, empty database, dropped afterwards.
    static func withDatabase<T>(_ body: (String) throws -> T) throws -> T {
        let name = "synchealth_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
        let admin = try PostgresConnection(url: try adminURL())
        try admin.execute("CREATE DATABASE \(name)")
        defer {
            try? admin.execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
        }
        return try body(try url(database: name))
    }

    /// Runs a tools/ script from the repository and waits for it.
    ///
    /// posix_spawn and waitpid, not Foundation's Process: here Process lost
    /// the exit of a script whose child (pg_ctl's server) outlived it, and
    /// waitUntilExit never returned (the script was a zombie). To be folded
    /// into the one test process runner (issue 11).
    static func tool(_ arguments: [String]) throws {
        var root = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { root.deleteLastPathComponent() }
        let path = root.appendingPathComponent("tools/" + arguments[0]).path
        let argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments.dropFirst()).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, path, nil, nil, argv, environ)
        guard spawned == 0 else { throw ToolFailed(arguments: arguments, status: -spawned) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let exitCode = (status >> 8) & 0xFF
        guard status & 0x7F == 0, exitCode == 0 else {
            throw ToolFailed(arguments: arguments, status: status)
        }
    }

    struct ToolFailed: Error { var arguments: [String]; var status: Int32 }
}
