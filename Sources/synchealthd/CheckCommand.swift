import ArgumentParser
import Foundation
import SyncHealthDaemon
import SyncHealthStorage
import SyncHealthSQLite
import SyncHealthStores

/// `synchealthd check --database PATH`: checks a database before it is
/// trusted, and exits non-zero with a readable report when it is damaged.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a SyncHealth database: integrity, foreign keys, schema, and SyncHealth's own invariants.",
        discussion: """
        Runs SQLite's full integrity check and foreign-key check, then checks \
        that every sync's item counts equal its items and that the dashboard \
        rollups equal a rebuild from the rows. Never changes the file. \
        Exit status: 0 healthy, 1 damaged (the report says where), 66 no such \
        database, 64 usage. It holds the write lock while it rebuilds the \
        rollups (about a minute per million syncs): on a large live database, \
        check a copy made with sqlite3's .backup.
        """
    )

    /// `--database PATH`, read through the settings table like the daemon's.
    @Argument(parsing: .allUnrecognized, help: ArgumentHelp("--database PATH", valueName: "settings"))
    var settingArguments: [String] = []

    func run() throws {
        let flags: [String: String]
        do {
            flags = try DaemonSettingsTable.flags(from: settingArguments)
        } catch {
            throw commandFailure("synchealthd check", "\(error)", exit: 64)
        }
        if let other = flags.keys.sorted().first(where: { $0 != "database" }) {
            throw commandFailure("synchealthd check", "check takes only --database, not --\(other)", exit: 64)
        }
        guard let database = flags["database"] else {
            throw commandFailure("synchealthd check", "give the database to check with --database PATH", exit: 64)
        }
        let report: DatabaseCheckReport
        var shown = database
        do {
            let location = try DatabaseLocation(parsing: database)
            shown = location.description  // a PostgreSQL URL without its password
            report = try location.check()
        } catch let error as DatabaseLocationError {
            throw commandFailure("synchealthd check", error.message, exit: 66)
        } catch {
            throw commandFailure("synchealthd check", "\(shown) cannot be opened as a database: \(error)", exit: 1)
        }
        print(report.text)
        if !report.isHealthy { throw ExitCode(1) }
    }
}
