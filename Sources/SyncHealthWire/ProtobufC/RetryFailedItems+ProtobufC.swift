// protobuf-c codecs for proto/synchealth/v1/retry.proto: RetryFailedItems
// messages and the preview they return.
import CSyncHealthProto

extension RetryFailedItemsRequest: WireMessage, ProtobufCBacked {
    /// Decodes with protobuf-c; throws `WireError` on bytes that are not a valid encoding.
    public init(serializedBytes bytes: [UInt8]) throws { try self.init(protobufCBytes: bytes) }
    /// Encodes with protobuf-c.
    public func serializedBytes() -> [UInt8] { protobufCBytes() }

    static var protoName: String { "synchealth.v1.RetryFailedItemsRequest" }
    static func cInit(_ message: UnsafeMutablePointer<Synchealth__V1__RetryFailedItemsRequest>) {
        synchealth__v1__retry_failed_items_request__init(message)
    }
    static var cFunctions: CFunctions<Synchealth__V1__RetryFailedItemsRequest> {
        CFunctions(
            packedSize: synchealth__v1__retry_failed_items_request__get_packed_size,
            pack: synchealth__v1__retry_failed_items_request__pack,
            unpack: synchealth__v1__retry_failed_items_request__unpack,
            freeUnpacked: synchealth__v1__retry_failed_items_request__free_unpacked)
    }

    init(cMessage c: UnsafePointer<Synchealth__V1__RetryFailedItemsRequest>) throws(WireError) {
        self.init(
            scope: try CField.message(c.pointee.scope, field: "scope"),
            reason: try CString.read(c.pointee.reason, field: "reason"),
            idempotencyKey: try CString.read(c.pointee.idempotency_key, field: "idempotency_key"),
            dryRun: CField.bool(c.pointee.dry_run),
            force: CField.bool(c.pointee.force))
    }

    func fill(_ c: inout Synchealth__V1__RetryFailedItemsRequest, arena: CArena) {
        c.scope = arena.optionalMessage(scope)
        c.reason = arena.string(reason)
        c.idempotency_key = arena.string(idempotencyKey)
        c.dry_run = dryRun.cBoolean
        c.force = force.cBoolean
    }
}

extension SkipCount: WireMessage, ProtobufCBacked {
    /// Decodes with protobuf-c; throws `WireError` on bytes that are not a valid encoding.
    public init(serializedBytes bytes: [UInt8]) throws { try self.init(protobufCBytes: bytes) }
    /// Encodes with protobuf-c.
    public func serializedBytes() -> [UInt8] { protobufCBytes() }

    static var protoName: String { "synchealth.v1.SkipCount" }
    static func cInit(_ message: UnsafeMutablePointer<Synchealth__V1__SkipCount>) {
        synchealth__v1__skip_count__init(message)
    }
    static var cFunctions: CFunctions<Synchealth__V1__SkipCount> {
        CFunctions(
            packedSize: synchealth__v1__skip_count__get_packed_size,
            pack: synchealth__v1__skip_count__pack,
            unpack: synchealth__v1__skip_count__unpack,
            freeUnpacked: synchealth__v1__skip_count__free_unpacked)
    }

    init(cMessage c: UnsafePointer<Synchealth__V1__SkipCount>) throws(WireError) {
        self.init(reason: SkipReason(cValue: c.pointee.reason), count: c.pointee.count)
    }

    func fill(_ c: inout Synchealth__V1__SkipCount, arena: CArena) {
        c.reason = reason.cValue()
        c.count = count
    }
}

extension PreviewItem: WireMessage, ProtobufCBacked {
    /// Decodes with protobuf-c; throws `WireError` on bytes that are not a valid encoding.
    public init(serializedBytes bytes: [UInt8]) throws { try self.init(protobufCBytes: bytes) }
    /// Encodes with protobuf-c.
    public func serializedBytes() -> [UInt8] { protobufCBytes() }

    static var protoName: String { "synchealth.v1.PreviewItem" }
    static func cInit(_ message: UnsafeMutablePointer<Synchealth__V1__PreviewItem>) {
        synchealth__v1__preview_item__init(message)
    }
    static var cFunctions: CFunctions<Synchealth__V1__PreviewItem> {
        CFunctions(
            packedSize: synchealth__v1__preview_item__get_packed_size,
            pack: synchealth__v1__preview_item__pack,
            unpack: synchealth__v1__preview_item__unpack,
            freeUnpacked: synchealth__v1__preview_item__free_unpacked)
    }

    init(cMessage c: UnsafePointer<Synchealth__V1__PreviewItem>) throws(WireError) {
        self.init(
            syncId: try CString.read(c.pointee.sync_id, field: "sync_id"),
            itemId: try CString.read(c.pointee.item_id, field: "item_id"),
            coreId: try CString.read(c.pointee.core_id, field: "core_id"),
            dataType: try CString.read(c.pointee.data_type, field: "data_type"),
            willRetry: CField.bool(c.pointee.will_retry),
            skipReason: SkipReason(cValue: c.pointee.skip_reason))
    }

    func fill(_ c: inout Synchealth__V1__PreviewItem, arena: CArena) {
        c.sync_id = arena.string(syncId)
        c.item_id = arena.string(itemId)
        c.core_id = arena.string(coreId)
        c.data_type = arena.string(dataType)
        c.will_retry = willRetry.cBoolean
        c.skip_reason = skipReason.cValue()
    }
}

extension RetryPreview: WireMessage, ProtobufCBacked {
    /// Decodes with protobuf-c; throws `WireError` on bytes that are not a valid encoding.
    public init(serializedBytes bytes: [UInt8]) throws { try self.init(protobufCBytes: bytes) }
    /// Encodes with protobuf-c.
    public func serializedBytes() -> [UInt8] { protobufCBytes() }

    static var protoName: String { "synchealth.v1.RetryPreview" }
    static func cInit(_ message: UnsafeMutablePointer<Synchealth__V1__RetryPreview>) {
        synchealth__v1__retry_preview__init(message)
    }
    static var cFunctions: CFunctions<Synchealth__V1__RetryPreview> {
        CFunctions(
            packedSize: synchealth__v1__retry_preview__get_packed_size,
            pack: synchealth__v1__retry_preview__pack,
            unpack: synchealth__v1__retry_preview__unpack,
            freeUnpacked: synchealth__v1__retry_preview__free_unpacked)
    }

    init(cMessage c: UnsafePointer<Synchealth__V1__RetryPreview>) throws(WireError) {
        self.init(
            wouldRetry: c.pointee.would_retry,
            wouldSkip: c.pointee.would_skip,
            byDataType: try CField.messages(count: c.pointee.n_by_data_type, c.pointee.by_data_type, field: "by_data_type"),
            skipped: try CField.messages(count: c.pointee.n_skipped, c.pointee.skipped, field: "skipped"),
            items: try CField.messages(count: c.pointee.n_items, c.pointee.items, field: "items"))
    }

    func fill(_ c: inout Synchealth__V1__RetryPreview, arena: CArena) {
        c.would_retry = wouldRetry
        c.would_skip = wouldSkip
        (c.n_by_data_type, c.by_data_type) = arena.messages(byDataType)
        (c.n_skipped, c.skipped) = arena.messages(skipped)
        (c.n_items, c.items) = arena.messages(items)
    }
}

extension RetryFailedItemsResponse: WireMessage, ProtobufCBacked {
    /// Decodes with protobuf-c; throws `WireError` on bytes that are not a valid encoding.
    public init(serializedBytes bytes: [UInt8]) throws { try self.init(protobufCBytes: bytes) }
    /// Encodes with protobuf-c.
    public func serializedBytes() -> [UInt8] { protobufCBytes() }

    static var protoName: String { "synchealth.v1.RetryFailedItemsResponse" }
    static func cInit(_ message: UnsafeMutablePointer<Synchealth__V1__RetryFailedItemsResponse>) {
        synchealth__v1__retry_failed_items_response__init(message)
    }
    static var cFunctions: CFunctions<Synchealth__V1__RetryFailedItemsResponse> {
        CFunctions(
            packedSize: synchealth__v1__retry_failed_items_response__get_packed_size,
            pack: synchealth__v1__retry_failed_items_response__pack,
            unpack: synchealth__v1__retry_failed_items_response__unpack,
            freeUnpacked: synchealth__v1__retry_failed_items_response__free_unpacked)
    }

    init(cMessage c: UnsafePointer<Synchealth__V1__RetryFailedItemsResponse>) throws(WireError) {
        self.init(
            job: try CField.message(c.pointee.job, field: "job"),
            preview: try CField.message(c.pointee.preview, field: "preview"),
            existing: CField.bool(c.pointee.existing))
    }

    func fill(_ c: inout Synchealth__V1__RetryFailedItemsResponse, arena: CArena) {
        c.job = arena.optionalMessage(job)
        c.preview = arena.optionalMessage(preview)
        c.existing = existing.cBoolean
    }
}
