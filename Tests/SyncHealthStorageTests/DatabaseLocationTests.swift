import Foundation
@testable import SyncHealthStorage
@testable import SyncHealthSQLite
@testable import SyncHealthRelational
import SyncHealthStores
import SyncHealthWire
import Testing
import SyncHealthTestSupport
import SyncHealthTestTraits

/// `--database` values: a path is a SQLite file; a URL is refused with a
/// message saying why, before anything is created.
@Suite(.offThePool) struct DatabaseLocationTests {
    @Test(arguments: ["synchealth.sqlite", "data/x.sqlite", "/tmp/a b.sqlite", "./rel.db", "file-with:colon.db"])
    func pathsAreSQLiteFiles(text: String) throws {
        #expect(try DatabaseLocation(parsing: text) == .sqliteFile(path: text))
    }

    @Test(arguments: [
        ("postgresql://host/db", "PostgreSQL"), ("postgres://u:p@h:5432/db", "PostgreSQL"),
        ("POSTGRESQL://HOST/DB", "PostgreSQL"), ("postgresql:///db?host=/run", "PostgreSQL"),
        ("mysql://h/db", "'mysql://'"), ("file://x.db", "'file://'"), ("", "must not be empty"),
    ])
    func urlsAreRefused(text: String, words: String) {
        #expect {
            try DatabaseLocation(parsing: text)
        } throws: { error in
            guard let error = error as? DatabaseLocationError else { return false }
            // Never echoes a URL back (it may hold a password).
            return error.message.contains(words) && !error.message.contains("u:p@")
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
