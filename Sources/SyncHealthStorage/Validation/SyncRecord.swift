import SyncHealthDigest
package import SyncHealthWire

/// The fields of a sync the sync engine reports, validated. Derived fields
/// (item counts, effective status, config hash, updated-at) are not here.
package struct SyncRecord: Equatable, Sendable {
    package var syncId: String
    package var companyId: String
    package var product: Product
    package var sourcePlatform: String
    package var targetPlatform: String
    package var reportedStatus: SyncStatusCode
    package var startedAt: Int64
    package var finishedAt: Int64
    package var dataFrom: Int64
    package var dataTo: Int64
    package var notes: [String]
    package var errorMessages: [String]
    package var reportedDataPushed: Bool

    /// Creates a value from its fields.
    package init(syncId: String, companyId: String, product: Product, sourcePlatform: String, targetPlatform: String, reportedStatus: SyncStatusCode, startedAt: Int64, finishedAt: Int64, dataFrom: Int64, dataTo: Int64, notes: [String], errorMessages: [String], reportedDataPushed: Bool) {
        self.syncId = syncId
        self.companyId = companyId
        self.product = product
        self.sourcePlatform = sourcePlatform
        self.targetPlatform = targetPlatform
        self.reportedStatus = reportedStatus
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.dataFrom = dataFrom
        self.dataTo = dataTo
        self.notes = notes
        self.errorMessages = errorMessages
        self.reportedDataPushed = reportedDataPushed
    }
}

/// A configuration document with its hash and metadata, validated.
package struct ConfigRecord: Equatable, Sendable {
    package var hash: String
    package var document: [UInt8]
    package var contentType: String
    package var version: String
    package var fileName: String
}

/// A validated RecordSync request.
package struct RecordSyncInput: Sendable {
    package var sync: SyncRecord
    package var config: ConfigRecord?
}

package enum RecordSyncValidation {
    /// Content type stored when the engine sends none.
    package static let defaultContentType = "application/octet-stream"

    /// Checks `request` and converts it; hashes the configuration document.
    package static func validate(_ request: RecordSyncRequest) throws(RPCError) -> RecordSyncInput {
        guard let sync = request.sync else {
            throw .invalidArgument("sync is required")
        }
        try FieldRules.identifier(sync.syncId, "sync.sync_id")
        try FieldRules.identifier(sync.companyId, "sync.company_id")
        guard sync.product.isKnownProduct else {
            throw .invalidArgument("sync.product must be a known product")
        }
        try FieldRules.key(sync.sourcePlatform, "sync.source_platform", maxBytes: Limits.maxPlatformKeyBytes)
        try FieldRules.key(sync.targetPlatform, "sync.target_platform", maxBytes: Limits.maxPlatformKeyBytes)
        let status = sync.statusCode
        guard status.isKnownStatus else {
            throw .invalidArgument("sync.status_code must be a known status code")
        }
        try times(sync, status: status)
        try FieldRules.textList(sync.notes, "sync.notes", maxCount: Limits.maxNotes, maxBytes: Limits.maxNoteBytes)
        try FieldRules.textList(
            sync.errorMessages, "sync.error_messages",
            maxCount: Limits.maxSyncErrorMessages, maxBytes: Limits.maxErrorMessageBytes)

        let record = SyncRecord(
            syncId: sync.syncId, companyId: sync.companyId, product: sync.product,
            sourcePlatform: sync.sourcePlatform, targetPlatform: sync.targetPlatform,
            reportedStatus: status, startedAt: sync.startedAtMs, finishedAt: sync.finishedAtMs,
            dataFrom: sync.dataFromMs, dataTo: sync.dataToMs,
            notes: sync.notes, errorMessages: sync.errorMessages,
            reportedDataPushed: sync.dataPushed)
        let config = try request.config.map { (config) throws(RPCError) in
            try validateConfig(config, syncId: sync.syncId)
        }
        return RecordSyncInput(sync: record, config: config)
    }

    private static func times(_ sync: Sync, status: SyncStatusCode) throws(RPCError) {
        if sync.startedAtMs <= 0 {
            throw .invalidArgument("sync.started_at_ms must be set (greater than 0)")
        }
        try FieldRules.timestamp(sync.finishedAtMs, "sync.finished_at_ms")
        if status.isFinished {
            if sync.finishedAtMs == 0 {
                throw .invalidArgument("a finished sync (status \(status.rawValue)) needs sync.finished_at_ms")
            }
            if sync.finishedAtMs < sync.startedAtMs {
                throw .invalidArgument("sync.finished_at_ms is before sync.started_at_ms")
            }
        } else if sync.finishedAtMs != 0 {
            throw .invalidArgument("an in-progress sync (status \(status.rawValue)) must have sync.finished_at_ms = 0")
        }
        try FieldRules.timestamp(sync.dataFromMs, "sync.data_from_ms")
        try FieldRules.timestamp(sync.dataToMs, "sync.data_to_ms")
        if sync.dataFromMs != 0 && sync.dataToMs != 0 && sync.dataToMs < sync.dataFromMs {
            throw .invalidArgument("sync.data_to_ms is before sync.data_from_ms")
        }
    }

    /// Document size is checked before hashing. Over 1 MiB is INVALID_ARGUMENT,
    /// not RESOURCE_EXHAUSTED: a retry can never succeed, and clients retry
    /// RESOURCE_EXHAUSTED.
    private static func validateConfig(_ config: SyncConfig, syncId: String) throws(RPCError) -> ConfigRecord {
        if !config.syncId.isEmpty && config.syncId != syncId {
            throw .invalidArgument("config.sync_id must be empty or equal to sync.sync_id")
        }
        if config.document.isEmpty {
            throw .invalidArgument("config.document must not be empty; omit config to keep the recorded one")
        }
        if config.document.count > Limits.maxConfigDocumentBytes {
            throw .invalidArgument("config.document is larger than \(Limits.maxConfigDocumentBytes) bytes")
        }
        try FieldRules.key(config.contentType, "config.content_type", maxBytes: Limits.maxContentTypeBytes)
        try FieldRules.key(config.version, "config.version", maxBytes: Limits.maxConfigVersionBytes)
        try FieldRules.length(config.fileName, "config.file_name", maxBytes: Limits.maxFileNameBytes)
        let contentType = config.contentType.isEmpty ? defaultContentType : config.contentType
        return ConfigRecord(
            hash: SHA256Digest.hexDigest(config.document),
            document: config.document,
            contentType: contentType,
            version: config.version,
            fileName: ConfigFileName.suggested(
                requested: config.fileName, syncId: syncId, contentType: contentType))
    }
}
