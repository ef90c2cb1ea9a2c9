import SyncHealthStorage
/// Running statements with arguments and reading their rows.
extension Connection {
    /// Runs a statement that returns no rows (INSERT, UPDATE, DELETE).
    func run(_ sql: String, _ arguments: [SQLValue] = []) throws(DatabaseError) {
        let statement = try self.statement(sql)
        statement.isInUse = true
        defer {
            statement.reset()
            statement.isInUse = false
        }
        try statement.bind(arguments)
        while try statement.step() {}
    }

    /// Runs `query` and maps every row with `map`.
    func all<T>(_ query: SQLQuery, _ map: (Statement) throws -> T) throws -> [T] {
        let statement = try self.statement(query.sql)
        statement.isInUse = true
        defer {
            statement.reset()
            statement.isInUse = false
        }
        try statement.bind(query.arguments)
        var rows: [T] = []
        while try statement.step() {
            rows.append(try map(statement))
        }
        return rows
    }

    /// Runs `sql` and maps every row with `map`.
    func all<T>(_ sql: String, _ arguments: [SQLValue] = [], _ map: (Statement) throws -> T) throws -> [T] {
        try all(SQLQuery(sql, arguments), map)
    }

    /// Runs `sql` and maps its first row, or returns nil when there is none.
    func first<T>(_ sql: String, _ arguments: [SQLValue] = [], _ map: (Statement) throws -> T) throws -> T? {
        let statement = try self.statement(sql)
        statement.isInUse = true
        defer {
            statement.reset()
            statement.isInUse = false
        }
        try statement.bind(arguments)
        guard try statement.step() else { return nil }
        return try map(statement)
    }

    /// The first column of the first row as an integer (0 when no row).
    func scalar(_ sql: String, _ arguments: [SQLValue] = []) throws -> Int64 {
        try first(sql, arguments) { $0.int64(0) } ?? 0
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
