import SyncHealthStorage
import SyncHealthRelational

/// Running statements with arguments and reading their rows: the SQLite side
/// of `SQLConnection`, the seam the relational store's SQL runs through.
extension Connection: SQLConnection {
    /// SQLite's dialect.
    var dialect: SQLDialect { .sqlite }

    /// Runs a statement (INSERT, UPDATE, DELETE) and returns the rows it changed.
    @discardableResult
    func run(_ sql: String, _ arguments: [SQLValue]) throws(DatabaseError) -> Int {
        let statement = try prepared(sql, arguments)
        defer { release(statement) }
        while try statement.step() {}
        return changes
    }

    /// The cached statement for `sql` with `arguments` bound, marked in use
    /// (so a nested use of the same SQL gets a statement of its own) until
    /// `release`.
    private func prepared(_ sql: String, _ arguments: [SQLValue]) throws(DatabaseError) -> Statement {
        let statement = try self.statement(sql)
        statement.isInUse = true
        do {
            try statement.bind(arguments)
        } catch {
            release(statement)
            throw error
        }
        return statement
    }

    /// Resets a statement from `prepared` and gives it back to the cache.
    private func release(_ statement: Statement) {
        statement.reset()
        statement.isInUse = false
    }

    /// Runs `sql` and maps every row with `map`.
    func all<T>(_ sql: String, _ arguments: [SQLValue], _ map: (any SQLRow) throws -> T) throws -> [T] {
        let statement = try prepared(sql, arguments)
        defer { release(statement) }
        var rows: [T] = []
        while try statement.step() {
            rows.append(try map(statement))
        }
        return rows
    }

    /// Runs `sql` and maps its first row, or returns nil when there is none.
    func first<T>(_ sql: String, _ arguments: [SQLValue], _ map: (any SQLRow) throws -> T) throws -> T? {
        let statement = try prepared(sql, arguments)
        defer { release(statement) }
        guard try statement.step() else { return nil }
        return try map(statement)
    }

    /// Kinds of transaction.
    enum TransactionKind: String {
        /// Takes the write lock up front, so the transaction cannot fail
        /// half-way with SQLITE_BUSY on upgrade.
        case immediate = "BEGIN IMMEDIATE"
        /// A read snapshot taken at the first read.
        case deferred = "BEGIN DEFERRED"
    }

    /// Runs `body` in a transaction: committed when it returns, rolled back
    /// when it throws.
    func transaction<T>(_ kind: TransactionKind, _ body: () throws -> T) throws -> T {
        precondition(!isInTransaction, "nested transactions are not supported")
        try execute(kind.rawValue)
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            // The rollback error, if any, is less useful than the cause.
            try? execute("ROLLBACK")
            throw error
        }
    }
}
