// protobuf-c codecs for proto/synchealth/v1/sync.proto: syncs, their
// configuration and push items. Retry jobs are in SyncRetryJob+ProtobufC.swift.
import CSyncHealthProto

extension ItemCounts: WireMessage, ProtobufCBacked {
    /// Decodes with protobuf-c; throws `WireError` on bytes that are not a valid encoding.
    public init(serializedBytes bytes: [UInt8]) throws { try self.init(protobufCBytes: bytes) }
    /// Encodes with protobuf-c.
    public func serializedBytes() -> [UInt8] { protobufCBytes() }

    static var protoName: String { "synchealth.v1.ItemCounts" }
    static func cInit(_ message: UnsafeMutablePointer<Synchealth__V1__ItemCounts>) {
        synchealth__v1__item_counts__init(message)
    }
    static var cFunctions: CFunctions<Synchealth__V1__ItemCounts> {
        CFunctions(
            packedSize: synchealth__v1__item_counts__get_packed_size,
            pack: synchealth__v1__item_counts__pack,
            unpack: synchealth__v1__item_counts__unpack,
            freeUnpacked: synchealth__v1__item_counts__free_unpacked)
    }

    init(cMessage c: UnsafePointer<Synchealth__V1__ItemCounts>) throws(WireError) {
        self.init(
            total: c.pointee.total,
            pending: c.pointee.pending,
            succeeded: c.pointee.succeeded,
            failed: c.pointee.failed,
            timedOut: c.pointee.timed_out)
    }

    func fill(_ c: inout Synchealth__V1__ItemCounts, arena: CArena) {
        c.total = total
        c.pending = pending
        c.succeeded = succeeded
        c.failed = failed
        c.timed_out = timedOut
    }
}

extension Sync: WireMessage, ProtobufCBacked {
    /// Decodes with protobuf-c; throws `WireError` on bytes that are not a valid encoding.
    public init(serializedBytes bytes: [UInt8]) throws { try self.init(protobufCBytes: bytes) }
    /// Encodes with protobuf-c.
    public func serializedBytes() -> [UInt8] { protobufCBytes() }

    static var protoName: String { "synchealth.v1.Sync" }
    static func cInit(_ message: UnsafeMutablePointer<Synchealth__V1__Sync>) {
        synchealth__v1__sync__init(message)
    }
    static var cFunctions: CFunctions<Synchealth__V1__Sync> {
        CFunctions(
            packedSize: synchealth__v1__sync__get_packed_size,
            pack: synchealth__v1__sync__pack,
            unpack: synchealth__v1__sync__unpack,
            freeUnpacked: synchealth__v1__sync__free_unpacked)
    }

    init(cMessage c: UnsafePointer<Synchealth__V1__Sync>) throws(WireError) {
        self.init(
            syncId: try CString.read(c.pointee.sync_id, field: "sync_id"),
            companyId: try CString.read(c.pointee.company_id, field: "company_id"),
            product: Product(cValue: c.pointee.product),
            sourcePlatform: try CString.read(c.pointee.source_platform, field: "source_platform"),
            targetPlatform: try CString.read(c.pointee.target_platform, field: "target_platform"),
            statusCode: SyncStatusCode(cValue: c.pointee.status_code),
            statusText: try CString.read(c.pointee.status_text, field: "status_text"),
            startedAtMs: c.pointee.started_at_ms,
            finishedAtMs: c.pointee.finished_at_ms,
            dataFromMs: c.pointee.data_from_ms,
            dataToMs: c.pointee.data_to_ms,
            notes: try CString.read(count: c.pointee.n_notes, c.pointee.notes, field: "notes"),
            errorMessages: try CString.read(
                count: c.pointee.n_error_messages, c.pointee.error_messages, field: "error_messages"),
            itemCounts: try CField.message(c.pointee.item_counts, field: "item_counts"),
            dataPushed: CField.bool(c.pointee.data_pushed),
            configHash: try CString.read(c.pointee.config_hash, field: "config_hash"),
            updatedAtMs: c.pointee.updated_at_ms)
    }

    func fill(_ c: inout Synchealth__V1__Sync, arena: CArena) {
        c.sync_id = arena.string(syncId)
        c.company_id = arena.string(companyId)
        c.product = product.cValue()
        c.source_platform = arena.string(sourcePlatform)
        c.target_platform = arena.string(targetPlatform)
        c.status_code = statusCode.cValue()
        c.status_text = arena.string(statusText)
        c.started_at_ms = startedAtMs
        c.finished_at_ms = finishedAtMs
        c.data_from_ms = dataFromMs
        c.data_to_ms = dataToMs
        (c.n_notes, c.notes) = arena.strings(notes)
        (c.n_error_messages, c.error_messages) = arena.strings(errorMessages)
        c.item_counts = arena.optionalMessage(itemCounts)
        c.data_pushed = dataPushed.cBoolean
        c.config_hash = arena.string(configHash)
        c.updated_at_ms = updatedAtMs
    }
}

extension SyncConfig: WireMessage, ProtobufCBacked {
    /// Decodes with protobuf-c; throws `WireError` on bytes that are not a valid encoding.
    public init(serializedBytes bytes: [UInt8]) throws { try self.init(protobufCBytes: bytes) }
    /// Encodes with protobuf-c.
    public func serializedBytes() -> [UInt8] { protobufCBytes() }

    static var protoName: String { "synchealth.v1.SyncConfig" }
    static func cInit(_ message: UnsafeMutablePointer<Synchealth__V1__SyncConfig>) {
        synchealth__v1__sync_config__init(message)
    }
    static var cFunctions: CFunctions<Synchealth__V1__SyncConfig> {
        CFunctions(
            packedSize: synchealth__v1__sync_config__get_packed_size,
            pack: synchealth__v1__sync_config__pack,
            unpack: synchealth__v1__sync_config__unpack,
            freeUnpacked: synchealth__v1__sync_config__free_unpacked)
    }

    init(cMessage c: UnsafePointer<Synchealth__V1__SyncConfig>) throws(WireError) {
        self.init(
            syncId: try CString.read(c.pointee.sync_id, field: "sync_id"),
            document: CField.bytes(c.pointee.document),
            contentType: try CString.read(c.pointee.content_type, field: "content_type"),
            hash: try CString.read(c.pointee.hash, field: "hash"),
            version: try CString.read(c.pointee.version, field: "version"),
            fileName: try CString.read(c.pointee.file_name, field: "file_name"))
    }

    func fill(_ c: inout Synchealth__V1__SyncConfig, arena: CArena) {
        c.sync_id = arena.string(syncId)
        c.document = arena.bytes(document)
        c.content_type = arena.string(contentType)
        c.hash = arena.string(hash)
        c.version = arena.string(version)
        c.file_name = arena.string(fileName)
    }
}

extension PushAttempt: WireMessage, ProtobufCBacked {
    /// Decodes with protobuf-c; throws `WireError` on bytes that are not a valid encoding.
    public init(serializedBytes bytes: [UInt8]) throws { try self.init(protobufCBytes: bytes) }
    /// Encodes with protobuf-c.
    public func serializedBytes() -> [UInt8] { protobufCBytes() }

    static var protoName: String { "synchealth.v1.PushAttempt" }
    static func cInit(_ message: UnsafeMutablePointer<Synchealth__V1__PushAttempt>) {
        synchealth__v1__push_attempt__init(message)
    }
    static var cFunctions: CFunctions<Synchealth__V1__PushAttempt> {
        CFunctions(
            packedSize: synchealth__v1__push_attempt__get_packed_size,
            pack: synchealth__v1__push_attempt__pack,
            unpack: synchealth__v1__push_attempt__unpack,
            freeUnpacked: synchealth__v1__push_attempt__free_unpacked)
    }

    init(cMessage c: UnsafePointer<Synchealth__V1__PushAttempt>) throws(WireError) {
        self.init(
            number: c.pointee.number,
            attemptedAtMs: c.pointee.attempted_at_ms,
            outcome: PushItemStatus(cValue: c.pointee.outcome),
            errorMessage: try CString.read(c.pointee.error_message, field: "error_message"),
            trigger: AttemptTrigger(cValue: c.pointee.trigger),
            actor: try CString.read(c.pointee.actor, field: "actor"),
            idempotencyKey: try CString.read(c.pointee.idempotency_key, field: "idempotency_key"),
            retryJobId: try CString.read(c.pointee.retry_job_id, field: "retry_job_id"),
            reason: try CString.read(c.pointee.reason, field: "reason"))
    }

    func fill(_ c: inout Synchealth__V1__PushAttempt, arena: CArena) {
        c.number = number
        c.attempted_at_ms = attemptedAtMs
        c.outcome = outcome.cValue()
        c.error_message = arena.string(errorMessage)
        c.trigger = trigger.cValue()
        c.actor = arena.string(actor)
        c.idempotency_key = arena.string(idempotencyKey)
        c.retry_job_id = arena.string(retryJobId)
        c.reason = arena.string(reason)
    }
}

extension PushItem: WireMessage, ProtobufCBacked {
    /// Decodes with protobuf-c; throws `WireError` on bytes that are not a valid encoding.
    public init(serializedBytes bytes: [UInt8]) throws { try self.init(protobufCBytes: bytes) }
    /// Encodes with protobuf-c.
    public func serializedBytes() -> [UInt8] { protobufCBytes() }

    static var protoName: String { "synchealth.v1.PushItem" }
    static func cInit(_ message: UnsafeMutablePointer<Synchealth__V1__PushItem>) {
        synchealth__v1__push_item__init(message)
    }
    static var cFunctions: CFunctions<Synchealth__V1__PushItem> {
        CFunctions(
            packedSize: synchealth__v1__push_item__get_packed_size,
            pack: synchealth__v1__push_item__pack,
            unpack: synchealth__v1__push_item__unpack,
            freeUnpacked: synchealth__v1__push_item__free_unpacked)
    }

    init(cMessage c: UnsafePointer<Synchealth__V1__PushItem>) throws(WireError) {
        self.init(
            itemId: try CString.read(c.pointee.item_id, field: "item_id"),
            syncId: try CString.read(c.pointee.sync_id, field: "sync_id"),
            coreId: try CString.read(c.pointee.core_id, field: "core_id"),
            dataType: try CString.read(c.pointee.data_type, field: "data_type"),
            status: PushItemStatus(cValue: c.pointee.status),
            errorMessage: try CString.read(c.pointee.error_message, field: "error_message"),
            attemptCount: c.pointee.attempt_count,
            lastAttemptAtMs: c.pointee.last_attempt_at_ms,
            targetRecordId: try CString.read(c.pointee.target_record_id, field: "target_record_id"),
            retryable: CField.bool(c.pointee.retryable),
            attempts: try CField.messages(count: c.pointee.n_attempts, c.pointee.attempts, field: "attempts"))
    }

    func fill(_ c: inout Synchealth__V1__PushItem, arena: CArena) {
        c.item_id = arena.string(itemId)
        c.sync_id = arena.string(syncId)
        c.core_id = arena.string(coreId)
        c.data_type = arena.string(dataType)
        c.status = status.cValue()
        c.error_message = arena.string(errorMessage)
        c.attempt_count = attemptCount
        c.last_attempt_at_ms = lastAttemptAtMs
        c.target_record_id = arena.string(targetRecordId)
        c.retryable = retryable.cBoolean
        (c.n_attempts, c.attempts) = arena.messages(attempts)
    }
}
