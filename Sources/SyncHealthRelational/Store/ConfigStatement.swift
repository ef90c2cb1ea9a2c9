import SyncHealthStorage
/// Statements on `configs` and `sync_configs`.
enum ConfigStatement {
    /// Makes `config` the sync's configuration. The document is stored once
    /// per hash; the previous document is dropped when no sync uses it any
    /// more. Re-recording the same config and metadata writes nothing.
    static func attach(_ connection: any SQLConnection, config: ConfigRecord, syncRowID: Int64, now: Int64) throws {
        let current = try connection.first("""
            SELECT s.config_hash, c.content_type, c.version, c.file_name
            FROM syncs s LEFT JOIN sync_configs c ON c.sync_ref = s.id
            WHERE s.id = ?
            """, [.integer(syncRowID)]) { row in
            (hash: row.optionalText(0), contentType: row.text(1), version: row.text(2), fileName: row.text(3))
        }
        if let current, current.hash == config.hash, current.contentType == config.contentType,
           current.version == config.version, current.fileName == config.fileName {
            return
        }
        try connection.run("""
            INSERT INTO configs (hash, document, size_bytes, created_at) VALUES (?, ?, ?, ?)
            ON CONFLICT (hash) DO NOTHING
            """, [.text(config.hash), .blob(config.document), .integer(Int64(config.document.count)), .integer(now)])
        try connection.run(
            "UPDATE syncs SET config_hash = ?, updated_at = ? WHERE id = ?",
            [.text(config.hash), .integer(now), .integer(syncRowID)])
        try connection.run("""
            INSERT INTO sync_configs (sync_ref, content_type, version, file_name, recorded_at)
            VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (sync_ref) DO UPDATE SET
                content_type = excluded.content_type, version = excluded.version,
                file_name = excluded.file_name, recorded_at = excluded.recorded_at
            """, [
                .integer(syncRowID), .text(config.contentType), .text(config.version),
                .text(config.fileName), .integer(now),
            ])
        if let old = current?.hash, old != config.hash {
            try connection.run("""
                DELETE FROM configs WHERE hash = ?
                AND NOT EXISTS (SELECT 1 FROM syncs WHERE config_hash = ?)
                """, [.text(old), .text(old)])
        }
    }
}
