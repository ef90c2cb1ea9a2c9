import SyncHealthConcurrency
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

/// A new, empty database on the test cluster, for one test; given back
/// (emptied) when the object goes away.
///
/// Databases are pooled: one is created only when none is free, one at a
/// time, and a returned one is emptied (its other sessions ended, schema
/// every schema dropped and `public` made again) for the next test. Not a CREATE
/// DATABASE per test: each copies the template through the WAL (megabytes
/// and an fsync), and a few dozen at once left a loaded CI machine unable to
/// accept connections within libpq's timeout. Not a schema per test in one
/// shared database either: every DDL statement there sends catalog
/// invalidations to every session of that database, hundreds of them in a
/// parallel run, and the CPU they took starved the timing-sensitive tests.
public final class TemporaryPostgresDatabase: Sendable {
    /// Its URL.
    public let url: String
    private let name: String

    public init() throws {
        name = try TestDatabasePool.acquire()
        url = try TestCluster.url(database: name)
    }

    deinit {
        TestDatabasePool.release(name)
    }
}

/// The pool behind `TemporaryPostgresDatabase`.
private enum TestDatabasePool {
    private static let free = Locked<[String]>([])
    /// Held while a database is created: one CREATE DATABASE at a time.
    private static let creating = Locked<Int>(0)

    static func acquire() throws -> String {
        if let name = free.withLock({ $0.popLast() }) { return name }
        return try creating.withLock { count in
            count += 1
            let name = "synchealth_test_\(getpid())_\(count)"
            let admin = try PostgresConnection(url: try TestCluster.adminURL())
            try admin.execute("CREATE DATABASE \(name)")
            return name
        }
    }

    /// Empties `name` and puts it back; a database that cannot be emptied
    /// is left out of the pool (dropped if possible).
    static func release(_ name: String) {
        do {
            let admin = try PostgresConnection(url: try TestCluster.adminURL())
            try admin.run(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()",
                [.text(name)])
            let database = try PostgresConnection(url: try TestCluster.url(database: name))
            try database.execute("SET lock_timeout = '10s'")
            let schemas = try database.all(
                "SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema'") { $0.text(0) }
            for schema in schemas {
                try database.execute("DROP SCHEMA \"\(schema)\" CASCADE")
            }
            try database.execute("CREATE SCHEMA public")
            free.withLock { $0.append(name) }
        } catch {
            if let admin = try? PostgresConnection(url: (try? TestCluster.adminURL()) ?? "") {
                try? admin.execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
            }
        }
    }
}
