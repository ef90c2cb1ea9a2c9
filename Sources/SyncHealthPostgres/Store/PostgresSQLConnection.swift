import SyncHealthRelational

/// A `PostgresConnection` as the relational store's `SQLConnection`: the
/// store's `?` placeholders become `$1, $2, ...`, its values become bound
/// parameters, and rows are read through `PostgresRow`. Lives only for the
/// transaction it was made for; nothing of it leaves this module.
final class PostgresSQLConnection: SQLConnection {
    let connection: PostgresConnection

    init(_ connection: PostgresConnection) {
        self.connection = connection
    }

    var dialect: SQLDialect { .postgresql }

    @discardableResult
    func run(_ sql: String, _ arguments: [SQLValue]) throws -> Int {
        try connection.run(PlaceholderNumbering.numbered(sql), arguments.map(Self.value))
    }

    func all<T>(_ sql: String, _ arguments: [SQLValue], _ map: (any SQLRow) throws -> T) throws -> [T] {
        try connection.all(PlaceholderNumbering.numbered(sql), arguments.map(Self.value)) { try map(PostgresSQLRow(row: $0)) }
    }

    func first<T>(_ sql: String, _ arguments: [SQLValue], _ map: (any SQLRow) throws -> T) throws -> T? {
        try connection.first(PlaceholderNumbering.numbered(sql), arguments.map(Self.value)) { try map(PostgresSQLRow(row: $0)) }
    }

    func execute(_ sql: String) throws {
        try connection.execute(sql)
    }

    /// The bound form of a store value. Text columns are `COLLATE "C"`, so
    /// comparisons are by UTF-8 bytes as in SQLite. A prefix range's upper
    /// bound (SQLite's `prefix + 0xFF`, not valid UTF-8, which PostgreSQL
    /// text cannot hold) becomes the smallest valid string above every
    /// string with that prefix (`PrefixRange.textUpperBound`).
    static func value(_ value: SQLValue) -> PostgresValue {
        switch value {
        case .null: .null
        case let .integer(v): .integer(v)
        case let .real(v): .text(String(v))
        case let .text(v): .text(v)
        case let .blob(v): .bytes(v)
        case let .textBytes(bytes):
            if bytes.last == 0xFF, let prefix = String(validating: bytes.dropLast(), as: UTF8.self) {
                .text(PrefixRange.textUpperBound(prefix))
            } else {
                .text(String(decoding: bytes, as: UTF8.self))
            }
        }
    }
}

/// A `PostgresRow` read by `Int32` column index. A boolean (`EXISTS`, a
/// comparison) reads as 1 or 0, as SQLite gives it.
struct PostgresSQLRow: SQLRow {
    let row: PostgresRow

    func isNull(_ index: Int32) -> Bool { row.isNull(Int(index)) }
    func int64(_ index: Int32) -> Int64 {
        switch row.text(Int(index)) {
        case "t": 1
        case "f": 0
        default: row.int64(Int(index))
        }
    }
    func text(_ index: Int32) -> String { row.text(Int(index)) }
    func optionalText(_ index: Int32) -> String? { row.isNull(Int(index)) ? nil : row.text(Int(index)) }
    func blob(_ index: Int32) -> [UInt8] { row.bytes(Int(index)) }
}

/// `?` placeholders to PostgreSQL's `$n`, in order, skipping quoted text
/// (`'...'`, `"..."`) and comments so a literal `?` is left alone. Pure.
enum PlaceholderNumbering {
    static func numbered(_ sql: String) -> String {
        var output = ""
        output.reserveCapacity(sql.utf8.count + 16)
        var number = 0
        var quote: Character?
        var previous: Character?
        var inLineComment = false
        for character in sql {
            if inLineComment {
                if character == "\n" { inLineComment = false }
                output.append(character)
            } else if let open = quote {
                if character == open { quote = nil }
                output.append(character)
            } else if character == "'" || character == "\"" {
                quote = character
                output.append(character)
            } else if character == "-" && previous == "-" {
                inLineComment = true
                output.append(character)
            } else if character == "?" {
                number += 1
                output += "$\(number)"
            } else {
                output.append(character)
            }
            previous = character
        }
        return output
    }
}
