internal import CLibPQ
import SyncHealthDigest

/// One `PGresult`, owned: cleared when the object goes away, on every path.
/// Rows are read through `PostgresRow`, which keeps the result alive; no
/// pointer into it leaves this file.
final class PostgresResult {
    private let handle: OpaquePointer
    private let owner: LiveCounter

    /// Takes ownership of `handle`, counted in `owner` (its connection's
    /// `liveResults`) and process-wide until cleared.
    init(taking handle: OpaquePointer, owner: LiveCounter) {
        self.handle = handle
        self.owner = owner
        PostgresResult.live.add(1)
        owner.add(1)
    }

    deinit {
        PQclear(handle)
        PostgresResult.live.add(-1)
        owner.add(-1)
    }

    /// Results not yet cleared, process-wide: the leak check of the tests.
    static let live = LiveCounter()

    /// The result's status.
    var status: ExecStatusType { PQresultStatus(handle) }

    /// The error this result reports, when it is one.
    func error(operation: String) -> PostgresError? {
        switch status {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_PIPELINE_SYNC, PGRES_EMPTY_QUERY: return nil
        default:
            let state = clibpq_sqlstate(handle).map { String(cString: $0) } ?? PostgresError.connectionFailure
            let message = clibpq_primary_message(handle).map { String(cString: $0) }
                ?? PQresultErrorMessage(handle).map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 }
                ?? String(cString: PQresStatus(status))
            return PostgresError(sqlState: state, operation: operation, message: message.trimmingTrailingNewlines)
        }
    }

    var rowCount: Int { Int(PQntuples(handle)) }
    var columnCount: Int { Int(PQnfields(handle)) }

    /// Rows an INSERT, UPDATE or DELETE changed (0 for other commands).
    var affectedRows: Int { Int(String(cString: PQcmdTuples(handle))) ?? 0 }

    func isNull(_ row: Int, _ column: Int) -> Bool {
        PQgetisnull(handle, Int32(row), Int32(column)) == 1
    }

    /// The value's text (results are always requested in text format).
    func text(_ row: Int, _ column: Int) -> String {
        guard let value = PQgetvalue(handle, Int32(row), Int32(column)) else { return "" }
        let length = Int(PQgetlength(handle, Int32(row), Int32(column)))
        return value.withMemoryRebound(to: UInt8.self, capacity: length) {
            String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self)
        }
    }
}

/// One row of a result, read by column index.
public struct PostgresRow {
    let result: PostgresResult
    let index: Int

    /// True when the column is NULL.
    public func isNull(_ column: Int) -> Bool { result.isNull(index, column) }

    /// A text column ("" for NULL).
    public func text(_ column: Int) -> String { result.text(index, column) }

    /// An integer column (0 for NULL or a value that is not an integer).
    public func int64(_ column: Int) -> Int64 { Int64(result.text(index, column)) ?? 0 }

    /// A boolean column (false for NULL).
    public func bool(_ column: Int) -> Bool { result.text(index, column) == "t" }

    /// A bytea column, decoded from PostgreSQL's hex output ("\x0a0b...");
    /// empty for NULL.
    public func bytes(_ column: Int) -> [UInt8] {
        ByteaText.decode(result.text(index, column)) ?? []
    }
}

/// PostgreSQL's text output of bytea (bytea_output = hex, set on connect):
/// `\x` followed by two hex digits per byte.
enum ByteaText {
    static func decode(_ text: String) -> [UInt8]? {
        if text.isEmpty { return [] }
        guard text.hasPrefix("\\x") else { return nil }
        return Hex.decode(text.dropFirst(2))
    }
}

extension String {
    var trimmingTrailingNewlines: String {
        var text = self
        while text.last == "\n" { text.removeLast() }
        return text
    }
}
