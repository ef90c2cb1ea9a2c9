// Swift value types for proto/synchealth/v1/ingest.proto.
// Conversion to and from protobuf-c lives in ../ProtobufC/.

/// Creates or updates a sync, idempotent by sync_id.
public struct RecordSyncRequest: Sendable, Hashable {
    /// item_counts, config_hash and updated_at_ms are derived and ignored.
    public var sync: Sync?
    /// The configuration in force for this sync; absent leaves any recorded
    /// configuration in place.
    public var config: SyncConfig?

    /// Creates the message; every field defaults to its proto3 zero value.
    public init(
        sync: Sync? = nil,
        config: SyncConfig? = nil
    ) {
        self.sync = sync
        self.config = config
    }
}

/// `synchealth.v1.RecordSyncResponse`.
public struct RecordSyncResponse: Sendable, Hashable {
    /// The sync as stored.
    public var sync: Sync?
    /// True when this call created the sync.
    public var created: Bool

    /// Creates the message; every field defaults to its proto3 zero value.
    public init(
        sync: Sync? = nil,
        created: Bool = false
    ) {
        self.sync = sync
        self.created = created
    }
}

/// The result of one push of one item.
public struct PushItemReport: Sendable, Hashable {
    public var itemId: String
    public var coreId: String
    public var dataType: String
    public var status: PushItemStatus
    public var errorMessage: String
    public var attemptedAtMs: Int64
    public var targetRecordId: String
    public var retryable: Bool
    public var idempotencyKey: String

    /// Creates the message; every field defaults to its proto3 zero value.
    public init(
        itemId: String = "",
        coreId: String = "",
        dataType: String = "",
        status: PushItemStatus = .unspecified,
        errorMessage: String = "",
        attemptedAtMs: Int64 = 0,
        targetRecordId: String = "",
        retryable: Bool = false,
        idempotencyKey: String = ""
    ) {
        self.itemId = itemId
        self.coreId = coreId
        self.dataType = dataType
        self.status = status
        self.errorMessage = errorMessage
        self.attemptedAtMs = attemptedAtMs
        self.targetRecordId = targetRecordId
        self.retryable = retryable
        self.idempotencyKey = idempotencyKey
    }
}

/// Up to 10,000 item results, stored in one transaction, idempotent by
/// (sync_id, item_id, idempotency key or attempt time).
public struct RecordPushItemsRequest: Sendable, Hashable {
    public var syncId: String
    public var items: [PushItemReport]

    /// Creates the message; every field defaults to its proto3 zero value.
    public init(
        syncId: String = "",
        items: [PushItemReport] = []
    ) {
        self.syncId = syncId
        self.items = items
    }
}

/// `synchealth.v1.RecordPushItemsResponse`.
public struct RecordPushItemsResponse: Sendable, Hashable {
    /// Reports stored.
    public var accepted: Int32
    /// Items seen for the first time.
    public var created: Int32
    /// The sync after the batch, with its counts and derived status.
    public var sync: Sync?

    /// Creates the message; every field defaults to its proto3 zero value.
    public init(
        accepted: Int32 = 0,
        created: Int32 = 0,
        sync: Sync? = nil
    ) {
        self.accepted = accepted
        self.created = created
        self.sync = sync
    }
}
