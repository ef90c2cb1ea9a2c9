import Foundation
@testable import SyncHealthStorage
@testable import SyncHealthSQLite
@testable import SyncHealthRelational
import SyncHealthStores
import SyncHealthWire
import Testing
import SyncHealthTestSupport
import SyncHealthTestTraits

/// `--database` values: a path is a SQLite file, a postgresql:// URL a
/// PostgreSQL database; any other URL is refused with a message saying why,
/// before anything is created.
@Suite(.offThePool) struct DatabaseLocationTests {
    @Test(arguments: ["synchealth.sqlite", "data/x.sqlite", "/tmp/a b.sqlite", "./rel.db", "file-with:colon.db"])
    func pathsAreSQLiteFiles(text: String) throws {
        #expect(try DatabaseLocation(parsing: text) == .sqliteFile(path: text))
    }

    @Test(arguments: ["postgresql://host/db", "postgres://u:p@h:5432/db", "POSTGRESQL://HOST/DB", "postgresql:///db?host=/run"])
    func postgresURLsArePostgreSQLDatabases(text: String) throws {
        #expect(try DatabaseLocation(parsing: text) == .postgresql(url: text))
    }

    @Test func aPasswordNeverReachesTheDescription() throws {
        #expect(try DatabaseLocation(parsing: "postgres://u:p@h:5432/db").description == "postgres://u:***@h:5432/db")
        #expect(try DatabaseLocation(parsing: "postgresql://svc:s3cr%40t@db.internal/sh?sslmode=require").description
            == "postgresql://svc:***@db.internal/sh?sslmode=require")
        #expect(try DatabaseLocation(parsing: "postgresql://svc@db/sh").description == "postgresql://svc@db/sh")
        #expect(try DatabaseLocation(parsing: "postgresql://db/sh?user=a@b").description == "postgresql://db/sh?user=a@b")
    }

    @Test(arguments: [
        ("postgresql:host/db", "postgresql://"), ("postgres:db", "postgresql://"),
        ("mysql://h/db", "'mysql://'"), ("file://x.db", "'file://'"), ("", "must not be empty"),
    ])
    func otherURLsAreRefused(text: String, words: String) {
        #expect {
            try DatabaseLocation(parsing: text)
        } throws: { error in
            guard let error = error as? DatabaseLocationError else { return false }
            return error.message.contains(words)
        }
    }

    @Test func openingCreatesTheDirectoryOnlyWhenAskedTo() throws {
        let database = try TemporaryDatabase()
        let nested = database.directory.appendingPathComponent("a/b/c.sqlite").path
        #expect(throws: DatabaseLocationError.self) {
            try DatabaseLocation(parsing: nested).openStore(create: false)
        }
        #expect(!FileManager.default.fileExists(atPath: nested))
        _ = try DatabaseLocation(parsing: nested).openStore(create: true)
        #expect(FileManager.default.fileExists(atPath: nested))
    }
}
