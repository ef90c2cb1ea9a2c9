import SyncHealthStorage
import SyncHealthRelational
internal import CSQLite

/// One prepared statement. It is finalized when the object goes away, so it
/// has exactly one owner that frees it, on every path.
///
/// Not thread-safe: it belongs to the connection that prepared it and is used
/// only where that connection is used.
final class Statement {
    private let handle: OpaquePointer
    /// The connection's handle, for error messages. Not retained: a statement
    /// outliving `sqlite3_close_v2` keeps the connection alive as a zombie
    /// until it is finalized, which is what SQLite documents.
    private let db: OpaquePointer
    /// Set while a caller iterates rows; the statement cache hands out a fresh
    /// statement instead of resetting one that is in use.
    var isInUse = false

    init(db: OpaquePointer, sql: String) throws(DatabaseError) {
        var statement: OpaquePointer?
        let code = sqlite3_prepare_v3(db, sql, -1, 0, &statement, nil)
        guard code == SQLITE_OK, let statement else {
            sqlite3_finalize(statement)
            throw DatabaseError(code: code, operation: "prepare", db: db)
        }
        self.db = db
        self.handle = statement
    }

    deinit {
        sqlite3_finalize(handle)
    }

    /// Resets the statement and clears its bindings, ready for reuse.
    func reset() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    /// Binds `arguments` to parameters 1...n.
    /// - Precondition: the count matches the statement's parameters (a
    ///   mismatch is a programming error in the SQL, not bad input).
    func bind(_ arguments: [SQLValue]) throws(DatabaseError) {
        precondition(
            Int(sqlite3_bind_parameter_count(handle)) == arguments.count,
            "argument count does not match the statement's parameters"
        )
        for (offset, value) in arguments.enumerated() {
            try bind(value, at: Int32(offset + 1))
        }
    }

    private func bind(_ value: SQLValue, at index: Int32) throws(DatabaseError) {
        let code: Int32
        switch value {
        case .null:
            code = sqlite3_bind_null(handle, index)
        case .integer(let number):
            code = sqlite3_bind_int64(handle, index, number)
        case .real(let number):
            code = sqlite3_bind_double(handle, index, number)
        case .text(let string):
            var string = string
            code = string.withUTF8 { bytes in
                Self.bindText(handle, index, bytes)
            }
        case .textBytes(let bytes):
            code = bytes.withUnsafeBufferPointer { buffer in
                Self.bindText(handle, index, buffer)
            }
        case .blob(let bytes):
            code = bytes.withUnsafeBytes { buffer in
                // A zero-length blob still needs a non-NULL pointer, or SQLite
                // stores NULL.
                let base = buffer.baseAddress ?? UnsafeRawPointer(bitPattern: 1)
                return csqlite_bind_blob_transient(handle, index, base, Int32(buffer.count))
            }
        }
        guard code == SQLITE_OK else {
            throw DatabaseError(code: code, operation: "bind", db: db)
        }
    }

    private static func bindText(
        _ handle: OpaquePointer, _ index: Int32, _ bytes: UnsafeBufferPointer<UInt8>
    ) -> Int32 {
        // An empty string must bind as '' (not NULL): pass a valid pointer.
        let empty: CChar = 0
        return withUnsafePointer(to: empty) { emptyPointer in
            let base = bytes.baseAddress.map { UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self) }
            return csqlite_bind_text_transient(handle, index, base ?? emptyPointer, Int32(bytes.count))
        }
    }

    /// Advances to the next row. Returns false when the statement is done.
    func step() throws(DatabaseError) -> Bool {
        let code = sqlite3_step(handle)
        switch code {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw DatabaseError(code: code, operation: "step", db: db)
        }
    }

    // MARK: Columns of the current row

    /// True when column `index` of the current row is NULL.
    func isNull(_ index: Int32) -> Bool {
        sqlite3_column_type(handle, index) == SQLITE_NULL
    }

    /// The column as an integer; NULL reads as 0.
    func int64(_ index: Int32) -> Int64 {
        sqlite3_column_int64(handle, index)
    }

    /// The column as a double; NULL reads as 0.
    func double(_ index: Int32) -> Double {
        sqlite3_column_double(handle, index)
    }

    /// The column as text, or nil when it is NULL. The NULL check comes first:
    /// `sqlite3_column_text` returns a NULL pointer for NULL columns.
    func optionalText(_ index: Int32) -> String? {
        guard !isNull(index), let pointer = sqlite3_column_text(handle, index) else {
            return nil
        }
        // Length-based, so text with embedded NUL bytes reads whole.
        let count = Int(sqlite3_column_bytes(handle, index))
        return String(decoding: UnsafeBufferPointer(start: pointer, count: count), as: UTF8.self)
    }

    /// The column as text; NULL reads as "".
    func text(_ index: Int32) -> String {
        optionalText(index) ?? ""
    }

    /// The column as bytes; NULL and empty blobs read as [].
    func blob(_ index: Int32) -> [UInt8] {
        guard !isNull(index), let pointer = sqlite3_column_blob(handle, index) else {
            return []
        }
        let count = Int(sqlite3_column_bytes(handle, index))
        return Array(UnsafeRawBufferPointer(start: pointer, count: count))
    }
}

extension Statement: SQLRow {}
