// protobuf-c codecs for proto/synchealth/v1/sync.proto: retry scopes (with
// the `scope` oneof), retry counts and retry jobs.
import CSyncHealthProto

extension SyncRetryScope: WireMessage, ProtobufCBacked {
    /// Decodes with protobuf-c; throws `WireError` on bytes that are not a valid encoding.
    public init(serializedBytes bytes: [UInt8]) throws { try self.init(protobufCBytes: bytes) }
    /// Encodes with protobuf-c.
    public func serializedBytes() -> [UInt8] { protobufCBytes() }

    static var protoName: String { "synchealth.v1.SyncRetryScope" }
    static func cInit(_ message: UnsafeMutablePointer<Synchealth__V1__SyncRetryScope>) {
        synchealth__v1__sync_retry_scope__init(message)
    }
    static var cFunctions: CFunctions<Synchealth__V1__SyncRetryScope> {
        CFunctions(
            packedSize: synchealth__v1__sync_retry_scope__get_packed_size,
            pack: synchealth__v1__sync_retry_scope__pack,
            unpack: synchealth__v1__sync_retry_scope__unpack,
            freeUnpacked: synchealth__v1__sync_retry_scope__free_unpacked)
    }

    init(cMessage c: UnsafePointer<Synchealth__V1__SyncRetryScope>) throws(WireError) {
        self.init(
            syncId: try CString.read(c.pointee.sync_id, field: "sync_id"),
            itemIds: try CString.read(count: c.pointee.n_item_ids, c.pointee.item_ids, field: "item_ids"),
            dataTypes: try CString.read(count: c.pointee.n_data_types, c.pointee.data_types, field: "data_types"))
    }

    func fill(_ c: inout Synchealth__V1__SyncRetryScope, arena: CArena) {
        c.sync_id = arena.string(syncId)
        (c.n_item_ids, c.item_ids) = arena.strings(itemIds)
        (c.n_data_types, c.data_types) = arena.strings(dataTypes)
    }
}

extension FilterRetryScope: WireMessage, ProtobufCBacked {
    /// Decodes with protobuf-c; throws `WireError` on bytes that are not a valid encoding.
    public init(serializedBytes bytes: [UInt8]) throws { try self.init(protobufCBytes: bytes) }
    /// Encodes with protobuf-c.
    public func serializedBytes() -> [UInt8] { protobufCBytes() }

    static var protoName: String { "synchealth.v1.FilterRetryScope" }
    static func cInit(_ message: UnsafeMutablePointer<Synchealth__V1__FilterRetryScope>) {
        synchealth__v1__filter_retry_scope__init(message)
    }
    static var cFunctions: CFunctions<Synchealth__V1__FilterRetryScope> {
        CFunctions(
            packedSize: synchealth__v1__filter_retry_scope__get_packed_size,
            pack: synchealth__v1__filter_retry_scope__pack,
            unpack: synchealth__v1__filter_retry_scope__unpack,
            freeUnpacked: synchealth__v1__filter_retry_scope__free_unpacked)
    }

    init(cMessage c: UnsafePointer<Synchealth__V1__FilterRetryScope>) throws(WireError) {
        self.init(
            statusCodes: CField.enums(count: c.pointee.n_status_codes, c.pointee.status_codes),
            targetPlatform: try CString.read(c.pointee.target_platform, field: "target_platform"),
            companyId: try CString.read(c.pointee.company_id, field: "company_id"),
            startedFromMs: c.pointee.started_from_ms,
            startedToMs: c.pointee.started_to_ms,
            dataTypes: try CString.read(count: c.pointee.n_data_types, c.pointee.data_types, field: "data_types"),
            sourcePlatform: try CString.read(c.pointee.source_platform, field: "source_platform"),
            product: Product(cValue: c.pointee.product))
    }

    func fill(_ c: inout Synchealth__V1__FilterRetryScope, arena: CArena) {
        (c.n_status_codes, c.status_codes) = arena.enums(statusCodes)
        c.target_platform = arena.string(targetPlatform)
        c.company_id = arena.string(companyId)
        c.started_from_ms = startedFromMs
        c.started_to_ms = startedToMs
        (c.n_data_types, c.data_types) = arena.strings(dataTypes)
        c.source_platform = arena.string(sourcePlatform)
        c.product = product.cValue()
    }
}

extension RetryScope: WireMessage, ProtobufCBacked {
    /// Decodes with protobuf-c; throws `WireError` on bytes that are not a valid encoding.
    public init(serializedBytes bytes: [UInt8]) throws { try self.init(protobufCBytes: bytes) }
    /// Encodes with protobuf-c.
    public func serializedBytes() -> [UInt8] { protobufCBytes() }

    static var protoName: String { "synchealth.v1.RetryScope" }
    static func cInit(_ message: UnsafeMutablePointer<Synchealth__V1__RetryScope>) {
        synchealth__v1__retry_scope__init(message)
    }
    static var cFunctions: CFunctions<Synchealth__V1__RetryScope> {
        CFunctions(
            packedSize: synchealth__v1__retry_scope__get_packed_size,
            pack: synchealth__v1__retry_scope__pack,
            unpack: synchealth__v1__retry_scope__unpack,
            freeUnpacked: synchealth__v1__retry_scope__free_unpacked)
    }

    /// `scope_case` says which union member protobuf-c set; a set case with an
    /// empty sub-message on the wire is still that case.
    init(cMessage c: UnsafePointer<Synchealth__V1__RetryScope>) throws(WireError) {
        switch c.pointee.scope_case {
        case SYNCHEALTH__V1__RETRY_SCOPE__SCOPE_SYNC:
            let scope: SyncRetryScope? = try CField.message(c.pointee.sync, field: "sync")
            self.init(scope: .sync(scope ?? SyncRetryScope()))
        case SYNCHEALTH__V1__RETRY_SCOPE__SCOPE_FILTER:
            let scope: FilterRetryScope? = try CField.message(c.pointee.filter, field: "filter")
            self.init(scope: .filter(scope ?? FilterRetryScope()))
        default:
            self.init(scope: nil)
        }
    }

    func fill(_ c: inout Synchealth__V1__RetryScope, arena: CArena) {
        switch scope {
        case .sync(let sync):
            c.scope_case = SYNCHEALTH__V1__RETRY_SCOPE__SCOPE_SYNC
            c.sync = arena.message(sync)
        case .filter(let filter):
            c.scope_case = SYNCHEALTH__V1__RETRY_SCOPE__SCOPE_FILTER
            c.filter = arena.message(filter)
        case nil:
            c.scope_case = SYNCHEALTH__V1__RETRY_SCOPE__SCOPE__NOT_SET
        }
    }
}

extension RetryCounts: WireMessage, ProtobufCBacked {
    /// Decodes with protobuf-c; throws `WireError` on bytes that are not a valid encoding.
    public init(serializedBytes bytes: [UInt8]) throws { try self.init(protobufCBytes: bytes) }
    /// Encodes with protobuf-c.
    public func serializedBytes() -> [UInt8] { protobufCBytes() }

    static var protoName: String { "synchealth.v1.RetryCounts" }
    static func cInit(_ message: UnsafeMutablePointer<Synchealth__V1__RetryCounts>) {
        synchealth__v1__retry_counts__init(message)
    }
    static var cFunctions: CFunctions<Synchealth__V1__RetryCounts> {
        CFunctions(
            packedSize: synchealth__v1__retry_counts__get_packed_size,
            pack: synchealth__v1__retry_counts__pack,
            unpack: synchealth__v1__retry_counts__unpack,
            freeUnpacked: synchealth__v1__retry_counts__free_unpacked)
    }

    init(cMessage c: UnsafePointer<Synchealth__V1__RetryCounts>) throws(WireError) {
        self.init(
            total: c.pointee.total,
            succeeded: c.pointee.succeeded,
            failed: c.pointee.failed,
            pending: c.pointee.pending,
            skipped: c.pointee.skipped)
    }

    func fill(_ c: inout Synchealth__V1__RetryCounts, arena: CArena) {
        c.total = total
        c.succeeded = succeeded
        c.failed = failed
        c.pending = pending
        c.skipped = skipped
    }
}

extension RetryJob: WireMessage, ProtobufCBacked {
    /// Decodes with protobuf-c; throws `WireError` on bytes that are not a valid encoding.
    public init(serializedBytes bytes: [UInt8]) throws { try self.init(protobufCBytes: bytes) }
    /// Encodes with protobuf-c.
    public func serializedBytes() -> [UInt8] { protobufCBytes() }

    static var protoName: String { "synchealth.v1.RetryJob" }
    static func cInit(_ message: UnsafeMutablePointer<Synchealth__V1__RetryJob>) {
        synchealth__v1__retry_job__init(message)
    }
    static var cFunctions: CFunctions<Synchealth__V1__RetryJob> {
        CFunctions(
            packedSize: synchealth__v1__retry_job__get_packed_size,
            pack: synchealth__v1__retry_job__pack,
            unpack: synchealth__v1__retry_job__unpack,
            freeUnpacked: synchealth__v1__retry_job__free_unpacked)
    }

    init(cMessage c: UnsafePointer<Synchealth__V1__RetryJob>) throws(WireError) {
        self.init(
            jobId: try CString.read(c.pointee.job_id, field: "job_id"),
            state: RetryJobState(cValue: c.pointee.state),
            scope: try CField.message(c.pointee.scope, field: "scope"),
            counts: try CField.message(c.pointee.counts, field: "counts"),
            requestedBy: try CString.read(c.pointee.requested_by, field: "requested_by"),
            reason: try CString.read(c.pointee.reason, field: "reason"),
            createdAtMs: c.pointee.created_at_ms,
            startedAtMs: c.pointee.started_at_ms,
            finishedAtMs: c.pointee.finished_at_ms,
            idempotencyKey: try CString.read(c.pointee.idempotency_key, field: "idempotency_key"),
            force: CField.bool(c.pointee.force),
            cancelledBy: try CString.read(c.pointee.cancelled_by, field: "cancelled_by"))
    }

    func fill(_ c: inout Synchealth__V1__RetryJob, arena: CArena) {
        c.job_id = arena.string(jobId)
        c.state = state.cValue()
        c.scope = arena.optionalMessage(scope)
        c.counts = arena.optionalMessage(counts)
        c.requested_by = arena.string(requestedBy)
        c.reason = arena.string(reason)
        c.created_at_ms = createdAtMs
        c.started_at_ms = startedAtMs
        c.finished_at_ms = finishedAtMs
        c.idempotency_key = arena.string(idempotencyKey)
        c.force = force.cBoolean
        c.cancelled_by = arena.string(cancelledBy)
    }
}
