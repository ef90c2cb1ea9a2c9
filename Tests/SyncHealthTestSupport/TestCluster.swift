import Foundation
import SyncHealthPostgres
public import SyncHealthProcess
public import Testing

/// The PostgreSQL cluster the tests run against: `tools/test` starts a
/// throwaway one (`tools/pg-cluster`) and exports its URL and directory.
/// Where PostgreSQL is required (tools/test, CI) a missing cluster fails
/// the tests; a plain `swift test` without one skips them.
public enum TestCluster {
    /// SYNCHEALTH_TEST_POSTGRES_URL: the cluster's admin URL.
    public static let url = ProcessInfo.processInfo.environment["SYNCHEALTH_TEST_POSTGRES_URL"]
    /// SYNCHEALTH_TEST_POSTGRES_DIR: its tools/pg-cluster directory (restart tests).
    public static let directory = ProcessInfo.processInfo.environment["SYNCHEALTH_TEST_POSTGRES_DIR"]
    /// SYNCHEALTH_REQUIRE_POSTGRES=1: a missing cluster is a failure.
    public static let required = ProcessInfo.processInfo.environment["SYNCHEALTH_REQUIRE_POSTGRES"] == "1"

    /// Whether the PostgreSQL tests run.
    public static var enabled: Bool { url != nil || required }

    /// The admin URL, or a recorded failure naming how to get one.
    public static func adminURL() throws -> String {
        guard let url else {
            throw ClusterMissing()
        }
        return url
    }

    public struct ClusterMissing: Error, CustomStringConvertible {
        public var description: String {
            "SYNCHEALTH_REQUIRE_POSTGRES=1 but SYNCHEALTH_TEST_POSTGRES_URL is not set: run tools/test, or start one with tools/pg-cluster start DIR"
        }
    }

    /// The URL of database `name` on the cluster.
    public static func url(database name: String) throws -> String {
        let admin = try adminURL()
        guard let slash = admin.range(of: "/", options: .backwards), admin[..<slash.lowerBound].hasSuffix("//") == false else {
            return admin
        }
        return String(admin[..<slash.lowerBound]) + "/" + name
    }

    /// Runs `body` with the URL of a new, empty database, dropped afterwards.
    public static func withDatabase<T>(_ body: (String) throws -> T) throws -> T {
        let database = try TemporaryPostgresDatabase()
        return try withExtendedLifetime(database) { try body(database.url) }
    }

    /// Runs a tools/ script from the repository and waits for it.
    /// - Throws: `ToolFailed` with its output when it fails.
    public static func tool(_ arguments: [String]) async throws {
        _ = try await toolOutput(arguments)
    }

    /// `tool`, returning what it printed on stdout, trimmed.
    public static func toolOutput(_ arguments: [String]) async throws -> String {
        let path = BuildProducts.packageRoot + "/tools/" + arguments[0]
        let result = try await ChildProcess.run(path, Array(arguments.dropFirst()), timeout: .seconds(120))
        guard result.exit == .exited(0) else {
            throw ToolFailed(arguments: arguments, exit: result.exit, output: result.output)
        }
        return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    public struct ToolFailed: Error { public var arguments: [String]; public var exit: ChildProcess.Exit; public var output: String }
}

/// The engines a conformance test runs on: SQLite always, PostgreSQL where a
/// test cluster is configured (always in CI, where it is required).
public enum TestEngine: String, Sendable, CaseIterable, CustomTestStringConvertible {
    case sqlite
    case postgresql

    /// The engines to run on here.
    public static var all: [TestEngine] { TestCluster.enabled ? [.sqlite, .postgresql] : [.sqlite] }

    public var testDescription: String { rawValue }
}

/// A new, empty namespace on the test cluster: a schema of its own in the
/// one test database this process shares (`synchealth_tests`), reached
/// through a URL whose `search_path` names it, and dropped with everything
/// in it when the object goes away. A schema, not a database per test: a
/// `CREATE DATABASE` copies the template through the WAL (megabytes, then
/// an fsync), and a few dozen of them at once left a loaded CI machine
/// unable to accept connections within libpq's timeout. The engine keeps
/// every object in the first schema of its search path, so a schema
/// isolates a test as fully as a database did.
public final class TemporaryPostgresDatabase: Sendable {
    /// Its URL.
    public let url: String
    private let name: String

    public init() throws {
        name = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
        let shared = try SharedTestDatabase.url.get()
        let admin = try PostgresConnection(url: shared)
        try admin.execute("CREATE SCHEMA \(name)")
        url = shared + "?options=-csearch_path%3D" + name
    }

    deinit {
        guard let shared = try? SharedTestDatabase.url.get(), let admin = try? PostgresConnection(url: shared) else { return }
        try? admin.execute("SET lock_timeout = '10s'")
        try? admin.execute("DROP SCHEMA IF EXISTS \(name) CASCADE")
    }
}

/// The database the tests of this process make their schemas in, created
/// once (or found, made by an earlier test process on the same cluster).
private enum SharedTestDatabase {
    static let name = "synchealth_tests"

    /// Its URL, or why it could not be had. A `static let`: Swift runs the
    /// initialiser once, whichever test asks first.
    static let url: Result<String, any Error> = Result {
        let admin = try PostgresConnection(url: try TestCluster.adminURL())
        do {
            try admin.execute("CREATE DATABASE \(name)")
        } catch let error as PostgresError where error.sqlState == "42P04" {
            // duplicate_database: there already, from an earlier run.
        }
        return try TestCluster.url(database: name)
    }
}
