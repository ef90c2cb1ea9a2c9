import SyncHealthStorage
public import SyncHealthWire

extension RelationalStore {
    /// See `SyncStore.getSyncConfig`. NOT_FOUND when the sync or its
    /// configuration is missing.
    ///
    /// The baseline of a diff is the configuration of the same company's
    /// latest sync that is successful now (status 2xxx), is of the same
    /// product (commerce and expenses syncs have unrelated configurations),
    /// started before this one (ties by sync id) and has a configuration.
    public func getSyncConfig(_ request: GetSyncConfigRequest) throws(RPCError) -> GetSyncConfigResponse {
        try FieldRules.identifier(request.syncId, "sync_id")
        return try guarded {
            try read { connection in
                let row = try connection.first("""
                    SELECT s.config_hash, c.document, m.content_type, m.version, m.file_name,
                           s.company_id, s.product, s.started_at
                    FROM syncs s
                    LEFT JOIN configs c ON c.hash = s.config_hash
                    LEFT JOIN sync_configs m ON m.sync_ref = s.id
                    WHERE s.sync_id = ?
                    """, [.text(request.syncId)]) { row in
                    (hash: row.optionalText(0), document: row.blob(1), contentType: row.text(2),
                     version: row.text(3), fileName: row.text(4),
                     companyId: row.text(5), product: row.int64(6), startedAt: row.int64(7))
                }
                guard let row else {
                    throw RPCError.notFound("sync not found")
                }
                guard let hash = row.hash else {
                    throw RPCError.notFound("no configuration was recorded for this sync")
                }
                var response = GetSyncConfigResponse(config: SyncConfig(
                    syncId: request.syncId, document: row.document, contentType: row.contentType,
                    hash: hash, version: row.version, fileName: row.fileName))
                if request.includeDiff {
                    response.diff = try Self.configDiff(
                        document: row.document, hash: hash, syncId: request.syncId, companyId: row.companyId,
                        product: row.product, startedAt: row.startedAt, on: connection)
                }
                return response
            }
        }
    }

    /// The query for a sync's baseline; the status and config terms repeat
    /// the partial index `syncs_config_baselines` literally so it is used.
    static var baselineQuery: String { ConfigBaselineSQL.query }

    private static func configDiff(
        document: [UInt8], hash: String, syncId: String, companyId: String, product: Int64, startedAt: Int64,
        on connection: any SQLConnection
    ) throws -> ConfigDiff {
        let baseline = try connection.first(
            baselineQuery,
            [.text(companyId), .integer(product), .integer(startedAt), .text(syncId)]) { row in
            (syncId: row.text(0), startedAt: row.int64(1), hash: row.text(2), document: row.blob(3))
        }
        guard let baseline else {
            return ConfigDiff(state: .noBaseline)
        }
        var diff = ConfigDiff(
            state: .compared, baselineSyncId: baseline.syncId, baselineStartedAtMs: baseline.startedAt,
            baselineConfigHash: baseline.hash)
        // The same hash is the same document: nothing to parse.
        if baseline.hash != hash {
            let result = ConfigDiffer.diff(old: baseline.document, new: document)
            diff.changes = result.changes
            diff.comparedAsText = result.comparedAsText
            diff.truncated = result.truncated
        }
        return diff
    }
}

/// GetSyncConfig's baseline statement.
enum ConfigBaselineSQL {
    static let query = """
        SELECT s.sync_id, s.started_at, s.config_hash, c.document
        FROM syncs s JOIN configs c ON c.hash = s.config_hash
        WHERE s.company_id = ? AND s.product = ?
          AND s.status_code BETWEEN 2000 AND 2999 AND s.config_hash IS NOT NULL
          AND (s.started_at, s.sync_id) < (?, ?)
        ORDER BY s.started_at DESC, s.sync_id DESC LIMIT 1
        """
}
