import Glibc
import Dispatch
import SyncHealthConcurrency
import Foundation
@testable import SyncHealthPostgres
import SyncHealthStorage
import SyncHealthWire
import Testing
import SyncHealthTestTraits
import SyncHealthTestSupport

/// The libpq wrapper, the pool and the migrator against a live PostgreSQL.
/// Serialized: the leak checks read process-wide counters, and the restart
/// test stops the one cluster every test here shares.
@Suite(.serialized, .enabled(if: TestCluster.enabled, "no PostgreSQL: set SYNCHEALTH_TEST_POSTGRES_URL (tools/test does)"), .offThePool)
struct PostgresEngineTests {
    // MARK: Values and parameters

    @Test func everyValueKindRoundTripsThroughBoundParameters() throws {
        let connection = try PostgresConnection(url: try TestCluster.adminURL())
        let allBytes = (0...255).map { UInt8($0) }
        let hostile = "'; DROP TABLE pg_class; -- \u{00E9}e\u{0301} 🙂 $1 \\x00"
        let row = try connection.first(
            "SELECT $1::bigint, $2::bigint, $3::text, $4::bytea, $5::text IS NULL, $6::boolean, $7::bytea",
            [.integer(.min), .integer(.max), .text(hostile), .bytes(allBytes), .null, .bool(true), .bytes([])]
        ) { row in
            (row.int64(0), row.int64(1), row.text(2), row.bytes(3), row.bool(4), row.bool(5), row.bytes(6), row.isNull(6))
        }
        #expect(row?.0 == .min)
        #expect(row?.1 == .max)
        #expect(row?.2 == hostile)
        #expect(row?.3 == allBytes)
        #expect(row?.4 == true)
        #expect(row?.5 == true)
        #expect(row?.6 == [])
        #expect(row?.7 == false)
    }

    @Test func textWithANulByteIsRefusedBeforeItIsSent() throws {
        let connection = try PostgresConnection(url: try TestCluster.adminURL())
        let error = #expect(throws: PostgresError.self) {
            try connection.run("SELECT $1::text", [.text("a\u{0}b")])
        }
        #expect(error?.sqlState == PostgresError.nulInText)
        #expect(error?.message.contains("a\u{0}b") == false)
        // The connection is unharmed.
        #expect(try connection.first("SELECT 41 + 1") { $0.int64(0) } == 42)
    }

    @Test func preparedStatementsAreReusedAndTheCacheIsBounded() throws {
        let connection = try PostgresConnection(url: try TestCluster.adminURL())
        for value in 0..<3 {
            #expect(try connection.first("SELECT $1::bigint * 2", [.integer(Int64(value))]) { $0.int64(0) } == Int64(value) * 2)
        }
        let prepared = try connection.first("SELECT count(*) FROM pg_prepared_statements") { $0.int64(0) }
        #expect(prepared == 2)  // "SELECT $1 * 2" once, and this count itself
        // More shapes than the cache holds: the cache empties and keeps working.
        for shape in 0..<(PostgresConnection.statementCacheCapacity + 10) {
            #expect(try connection.first("SELECT \(shape)::bigint + $1::bigint", [.integer(1)]) { $0.int64(0) } == Int64(shape) + 1)
        }
        let afterFlood = try connection.first("SELECT count(*) FROM pg_prepared_statements") { $0.int64(0) } ?? 0
        #expect(afterFlood <= Int64(PostgresConnection.statementCacheCapacity) + 1)
    }

    // MARK: Typed errors

    @Test func errorsCarryTheirSQLStateAndMapToStatuses() throws {
        try TestCluster.withDatabase { url in
            let connection = try PostgresConnection(url: url)
            try connection.execute("CREATE TABLE t (id bigint PRIMARY KEY, name text NOT NULL)")
            try connection.run("INSERT INTO t VALUES ($1, $2)", [.integer(1), .text("one")])

            let duplicate = #expect(throws: PostgresError.self) {
                try connection.run("INSERT INTO t VALUES ($1, $2)", [.integer(1), .text("again")])
            }
            #expect(duplicate?.sqlState == "23505")
            #expect(duplicate?.storageFailure.kind == .constraint)
            #expect(duplicate?.description.contains("again") == false)  // bound values never appear

            let syntax = #expect(throws: PostgresError.self) { try connection.execute("SELEC 1") }
            #expect(syntax?.sqlState == "42601")
            #expect(syntax?.storageFailure.kind == .other)

            let divide = #expect(throws: PostgresError.self) { try connection.run("SELECT 1 / $1::int", [.integer(0)]) }
            #expect(divide?.sqlState == "22012")

            // A lock held elsewhere, past lock_timeout: UNAVAILABLE (try again).
            let holder = try PostgresConnection(url: url)
            try holder.execute("BEGIN; LOCK TABLE t IN ACCESS EXCLUSIVE MODE")
            try connection.execute("SET lock_timeout = '20ms'")
            let locked = #expect(throws: PostgresError.self) { try connection.run("SELECT count(*) FROM t") }
            #expect(locked?.sqlState == "55P03")
            #expect(locked?.storageFailure.rpcError.code == .unavailable)
            try holder.execute("ROLLBACK")
            #expect(try connection.first("SELECT count(*) FROM t") { $0.int64(0) } == 1)
        }
    }

    @Test func aServerThatIsNotThereIsUnavailable() throws {
        let error = #expect(throws: PostgresError.self) {
            _ = try PostgresConnection(url: "postgresql://postgres@127.0.0.1:1/postgres", connectTimeoutSeconds: 2)
        }
        #expect(error?.sqlState == PostgresError.unableToConnect)
        let status = error?.storageFailure.rpcError
        #expect(status?.code == .unavailable)
        #expect(status?.message.localizedCaseInsensitiveContains("postgres") == false)
    }

    // MARK: Transactions and pipelines

    @Test func aTransactionThatThrowsLeavesNothing() throws {
        try TestCluster.withDatabase { url in
            let connection = try PostgresConnection(url: url)
            try connection.execute("CREATE TABLE t (id bigint PRIMARY KEY)")
            struct Abort: Error {}
            #expect(throws: Abort.self) {
                try connection.transaction {
                    try connection.run("INSERT INTO t VALUES ($1)", [.integer(1)])
                    throw Abort()
                }
            }
            #expect(try connection.first("SELECT count(*) FROM t") { $0.int64(0) } == 0)
            _ = try connection.transaction { try connection.run("INSERT INTO t VALUES ($1)", [.integer(2)]) }
            #expect(try connection.first("SELECT count(*) FROM t") { $0.int64(0) } == 1)
        }
    }

    @Test func aPipelineRunsManyStatementsInOrder() throws {
        try TestCluster.withDatabase { url in
            let connection = try PostgresConnection(url: url)
            try connection.execute("CREATE TABLE t (id bigint PRIMARY KEY, n bigint NOT NULL)")
            // More than one chunk, inserts then updates of the same rows.
            let count = PostgresConnection.maxPipelineDepth * 2 + 17
            var statements: [(sql: String, arguments: [PostgresValue])] = (0..<count).map {
                ("INSERT INTO t (id, n) VALUES ($1, $2)", [.integer(Int64($0)), .integer(1)])
            }
            statements.append(("UPDATE t SET n = n + 1 WHERE id < $1", [.integer(10)]))
            let changed = try connection.transaction { try connection.pipeline(statements) }
            #expect(changed.count == count + 1)
            #expect(changed.dropLast().allSatisfy { $0 == 1 })
            #expect(changed.last == 10)
            #expect(try connection.first("SELECT count(*), sum(n) FROM t") { [$0.int64(0), $0.int64(1)] } == [Int64(count), Int64(count + 10)])
        }
    }

    @Test func aFailingStatementFailsThePipelineAndItsTransaction() throws {
        try TestCluster.withDatabase { url in
            let connection = try PostgresConnection(url: url)
            try connection.execute("CREATE TABLE t (id bigint PRIMARY KEY)")
            let statements: [(sql: String, arguments: [PostgresValue])] = [
                ("INSERT INTO t VALUES ($1)", [.integer(1)]),
                ("INSERT INTO t VALUES ($1)", [.integer(1)]),  // duplicate
                ("INSERT INTO t VALUES ($1)", [.integer(3)]),
            ]
            let error = #expect(throws: PostgresError.self) {
                try connection.transaction { try connection.pipeline(statements) }
            }
            #expect(error?.sqlState == "23505")
            #expect(try connection.first("SELECT count(*) FROM t") { $0.int64(0) } == 0)
            // Out of pipeline mode and usable.
            try connection.run("INSERT INTO t VALUES ($1)", [.integer(9)])
            #expect(try connection.first("SELECT count(*) FROM t") { $0.int64(0) } == 1)
        }
    }

    @Test func resultsAndConnectionsAreFreedOnEveryPath() throws {
        // Counted per connection and by a weak reference: other suites use
        // PostgreSQL in parallel, so process-wide counters move meanwhile.
        weak var released: PostgresConnection?
        do {
            let connection = try PostgresConnection(url: try TestCluster.adminURL())
            released = connection
            for index in 0..<50 {
                _ = try connection.all("SELECT generate_series(1, $1::int)", [.integer(Int64(index))]) { $0.int64(0) }
                _ = try? connection.run("SELECT 1 / $1::int", [.integer(0)])
                _ = try? connection.pipeline([("SELECT 1 / $1::int", [.integer(0)]), ("SELECT 1", [])])
                #expect(connection.liveResults.value == 0)
            }
            _ = try? PostgresConnection(url: "postgresql://postgres@127.0.0.1:1/postgres", connectTimeoutSeconds: 1)
        }
        #expect(released == nil)  // deinit ran: PQfinish
    }

    // MARK: Pool

    @Test func anExhaustedPoolAnswersUnavailableInsteadOfHanging() throws {
        let pool = PostgresPool(configuration: .init(url: try TestCluster.adminURL(), size: 1, waitTimeout: .milliseconds(100)))
        let holding = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let done = DispatchSemaphore(value: 0)
        DispatchQueue(label: "test.pool-holder").async {
            _ = try? pool.withConnection { connection in
                holding.signal()
                release.wait()
                return try connection.first("SELECT 1") { $0.int64(0) }
            }
            done.signal()
        }
        holding.wait()
        let started = ContinuousClock.now
        let error = #expect(throws: PostgresPoolError.self) {
            try pool.withConnection { try $0.first("SELECT 1") { $0.int64(0) } }
        }
        let waited = ContinuousClock.now - started
        #expect(waited >= .milliseconds(100))
        #expect(waited < .seconds(30))  // it did not hang
        let status = error?.storageFailure.rpcError
        #expect(status == RPCError(.unavailable, "no database connection became free in time; try again"))
        #expect(pool.currentCounters.waitTimeouts == 1)
        release.signal()
        done.wait()
        #expect(try pool.withConnection { try $0.first("SELECT 7") { $0.int64(0) } } == 7)
    }

    @Test func aTerminatedConnectionIsReplacedAndReadsRetryOnce() throws {
        let url = try TestCluster.adminURL()
        let pool = PostgresPool(configuration: .init(url: url, size: 1))
        let admin = try PostgresConnection(url: url)
        let first = try pool.withConnection { $0.serverProcessID }
        try admin.run("SELECT pg_terminate_backend($1::int)", [.integer(Int64(first))])
        // A write-style call on the broken connection fails UNAVAILABLE...
        let broken = #expect(throws: PostgresError.self) {
            try pool.withConnection { try $0.run("SELECT 1") }
        }
        #expect(broken?.storageFailure.rpcError.code == .unavailable)
        #expect(broken?.brokeConnection == true)
        // ...and the next call gets a new connection.
        let second = try pool.withConnection { $0.serverProcessID }
        #expect(second != first)
        // A read sees the break, retries once on a fresh connection, succeeds.
        try admin.run("SELECT pg_terminate_backend($1::int)", [.integer(Int64(second))])
        #expect(try pool.read { try $0.first("SELECT 5") { $0.int64(0) } } == 5)
        let counters = pool.currentCounters
        #expect(counters.readRetries == 1)
        #expect(counters.dropped == 2)
        #expect(counters.opened == 3)
    }

    /// On a cluster of its own (tools/pg-cluster in a temporary directory):
    /// the shared one serves the conformance suites running meanwhile.
    @Test func aRestartedServerIsUnavailableThenThePoolRecovers() async throws {
        let directory = TemporaryDirectory(prefix: "synchealth-pg-restart")
        chmod(directory.path, 0o755)  // the server runs as the postgres user when we are root
        let cluster = directory.file("cluster")
        let url = try await TestCluster.toolOutput(["pg-cluster", "start", cluster])
        do {
            let pool = PostgresPool(configuration: .init(url: url, size: 2, connectTimeoutSeconds: 2))
            #expect(try pool.read { try $0.first("SELECT 1") { $0.int64(0) } } == 1)
            try await TestCluster.tool(["pg-cluster", "restart", cluster])
            // The idle connection broke with the restart: a write fails UNAVAILABLE once...
            let error = #expect(throws: PostgresError.self) { try pool.withConnection { try $0.run("SELECT 1") } }
            #expect(error?.storageFailure.rpcError.code == .unavailable)
            // ...and then everything works again without a new pool.
            #expect(try pool.withConnection { try $0.first("SELECT 2") { $0.int64(0) } } == 2)
            #expect(try pool.read { try $0.first("SELECT 3") { $0.int64(0) } } == 3)
        } catch {
            try? await TestCluster.tool(["pg-cluster", "stop", cluster])
            throw error
        }
        try await TestCluster.tool(["pg-cluster", "stop", cluster])
    }

    // MARK: Migrations

    static let migrations = [
        PostgresMigration(identifier: "0001_a", sql: "CREATE TABLE a (id bigint PRIMARY KEY)"),
        PostgresMigration(identifier: "0002_b", sql: "CREATE TABLE b (id bigint PRIMARY KEY); INSERT INTO a VALUES (1)"),
    ]

    @Test func replicasStartingTogetherMigrateOnce() throws {
        try TestCluster.withDatabase { url in
            let migrator = PostgresMigrator(migrations: Self.migrations)
            let replicas = 4
            let applied = Locked<[[String]]>([])
            let failures = Locked<[String]>([])
            let start = DispatchSemaphore(value: 0)
            let group = DispatchGroup()
            for _ in 0..<replicas {
                DispatchQueue(label: "test.replica").async(group: group) {
                    start.wait()
                    do {
                        let connection = try PostgresConnection(url: url)
                        let done = try migrator.migrate(connection)
                        applied.withLock { $0.append(done) }
                    } catch {
                        failures.withLock { $0.append("\(error)") }
                    }
                }
            }
            for _ in 0..<replicas { start.signal() }
            group.wait()
            #expect(failures.withLock { $0 } == [])
            let runs = applied.withLock { $0 }
            #expect(runs.count == replicas)
            #expect(runs.filter { !$0.isEmpty } == [["0001_a", "0002_b"]])
            let connection = try PostgresConnection(url: url)
            #expect(try connection.all("SELECT identifier FROM schema_migrations ORDER BY identifier") { $0.text(0) } == ["0001_a", "0002_b"])
            #expect(try connection.first("SELECT count(*) FROM a") { $0.int64(0) } == 1)
        }
    }

    /// The migration lock is the schema's: while a migrator of one schema
    /// holds it, a service in another schema of the same database migrates,
    /// and a second migrator of the held schema waits (here: times out).
    @Test func theMigrationLockBelongsToTheSchema() throws {
        try TestCluster.withDatabase { held in
            // A second service in another schema of the same database.
            try PostgresConnection(url: held).execute("CREATE SCHEMA other")
            let other = held + "?options=-csearch_path%3Dother"
            do {
                let migrator = PostgresMigrator(migrations: Self.migrations)
                let holder = try PostgresConnection(url: held)
                try holder.transaction {
                    _ = try holder.all(
                        "SELECT pg_advisory_xact_lock(hashtextextended(current_schema(), $1::bigint))",
                        [.integer(PostgresMigrator.lockKey)]) { _ in () }
                    let elsewhere = try PostgresConnection(url: other)
                    try elsewhere.execute("SET lock_timeout = '5s'")
                    #expect(try migrator.migrate(elsewhere) == ["0001_a", "0002_b"])
                    let waiting = try PostgresConnection(url: held)
                    try waiting.execute("SET lock_timeout = '200ms'")
                    let error = #expect(throws: PostgresError.self) { try migrator.migrate(waiting) }
                    #expect(error?.sqlState == "55P03")  // lock_not_available
                }
                #expect(try migrator.migrate(try PostgresConnection(url: held)) == ["0001_a", "0002_b"])
                #expect(try PostgresConnection(url: other).first("SELECT current_schema()") { $0.text(0) } == "other")
            }
        }
    }

    @Test func aFailedMigrationKeepsNothingAndANewerDatabaseIsRefused() throws {
        try TestCluster.withDatabase { url in
            let connection = try PostgresConnection(url: url)
            let broken = PostgresMigrator(migrations: Self.migrations + [
                PostgresMigration(identifier: "0003_broken", sql: "CREATE TABLE c (id bigint); SELEC 1"),
            ])
            #expect(throws: PostgresError.self) { _ = try broken.migrate(connection) }
            #expect(try connection.first("SELECT to_regclass('a') IS NULL") { $0.bool(0) } == true)

            #expect(try PostgresMigrator(migrations: Self.migrations).migrate(connection) == ["0001_a", "0002_b"])
            try connection.run("INSERT INTO schema_migrations (identifier) VALUES ($1)", [.text("0099_future")])
            let newer = #expect(throws: UnknownMigrationError.self) {
                _ = try PostgresMigrator(migrations: Self.migrations).migrate(connection)
            }
            #expect(newer?.identifiers == ["0099_future"])
        }
    }
}
