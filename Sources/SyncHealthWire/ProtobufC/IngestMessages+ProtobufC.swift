// protobuf-c codecs for proto/synchealth/v1/ingest.proto.
import CSyncHealthProto

extension RecordSyncRequest: WireMessage, ProtobufCBacked {
    /// Decodes with protobuf-c; throws `WireError` on bytes that are not a valid encoding.
    public init(serializedBytes bytes: [UInt8]) throws { try self.init(protobufCBytes: bytes) }
    /// Encodes with protobuf-c.
    public func serializedBytes() -> [UInt8] { protobufCBytes() }

    static var protoName: String { "synchealth.v1.RecordSyncRequest" }
    static func cInit(_ message: UnsafeMutablePointer<Synchealth__V1__RecordSyncRequest>) {
        synchealth__v1__record_sync_request__init(message)
    }
    static var cFunctions: CFunctions<Synchealth__V1__RecordSyncRequest> {
        CFunctions(
            packedSize: synchealth__v1__record_sync_request__get_packed_size,
            pack: synchealth__v1__record_sync_request__pack,
            unpack: synchealth__v1__record_sync_request__unpack,
            freeUnpacked: synchealth__v1__record_sync_request__free_unpacked)
    }

    init(cMessage c: UnsafePointer<Synchealth__V1__RecordSyncRequest>) throws(WireError) {
        self.init(
            sync: try CField.message(c.pointee.sync, field: "sync"),
            config: try CField.message(c.pointee.config, field: "config"))
    }

    func fill(_ c: inout Synchealth__V1__RecordSyncRequest, arena: CArena) {
        c.sync = arena.optionalMessage(sync)
        c.config = arena.optionalMessage(config)
    }
}

extension RecordSyncResponse: WireMessage, ProtobufCBacked {
    /// Decodes with protobuf-c; throws `WireError` on bytes that are not a valid encoding.
    public init(serializedBytes bytes: [UInt8]) throws { try self.init(protobufCBytes: bytes) }
    /// Encodes with protobuf-c.
    public func serializedBytes() -> [UInt8] { protobufCBytes() }

    static var protoName: String { "synchealth.v1.RecordSyncResponse" }
    static func cInit(_ message: UnsafeMutablePointer<Synchealth__V1__RecordSyncResponse>) {
        synchealth__v1__record_sync_response__init(message)
    }
    static var cFunctions: CFunctions<Synchealth__V1__RecordSyncResponse> {
        CFunctions(
            packedSize: synchealth__v1__record_sync_response__get_packed_size,
            pack: synchealth__v1__record_sync_response__pack,
            unpack: synchealth__v1__record_sync_response__unpack,
            freeUnpacked: synchealth__v1__record_sync_response__free_unpacked)
    }

    init(cMessage c: UnsafePointer<Synchealth__V1__RecordSyncResponse>) throws(WireError) {
        self.init(
            sync: try CField.message(c.pointee.sync, field: "sync"),
            created: CField.bool(c.pointee.created))
    }

    func fill(_ c: inout Synchealth__V1__RecordSyncResponse, arena: CArena) {
        c.sync = arena.optionalMessage(sync)
        c.created = created.cBoolean
    }
}

extension PushItemReport: WireMessage, ProtobufCBacked {
    /// Decodes with protobuf-c; throws `WireError` on bytes that are not a valid encoding.
    public init(serializedBytes bytes: [UInt8]) throws { try self.init(protobufCBytes: bytes) }
    /// Encodes with protobuf-c.
    public func serializedBytes() -> [UInt8] { protobufCBytes() }

    static var protoName: String { "synchealth.v1.PushItemReport" }
    static func cInit(_ message: UnsafeMutablePointer<Synchealth__V1__PushItemReport>) {
        synchealth__v1__push_item_report__init(message)
    }
    static var cFunctions: CFunctions<Synchealth__V1__PushItemReport> {
        CFunctions(
            packedSize: synchealth__v1__push_item_report__get_packed_size,
            pack: synchealth__v1__push_item_report__pack,
            unpack: synchealth__v1__push_item_report__unpack,
            freeUnpacked: synchealth__v1__push_item_report__free_unpacked)
    }

    init(cMessage c: UnsafePointer<Synchealth__V1__PushItemReport>) throws(WireError) {
        self.init(
            itemId: try CString.read(c.pointee.item_id, field: "item_id"),
            coreId: try CString.read(c.pointee.core_id, field: "core_id"),
            dataType: try CString.read(c.pointee.data_type, field: "data_type"),
            status: PushItemStatus(cValue: c.pointee.status),
            errorMessage: try CString.read(c.pointee.error_message, field: "error_message"),
            attemptedAtMs: c.pointee.attempted_at_ms,
            targetRecordId: try CString.read(c.pointee.target_record_id, field: "target_record_id"),
            retryable: CField.bool(c.pointee.retryable),
            idempotencyKey: try CString.read(c.pointee.idempotency_key, field: "idempotency_key"))
    }

    func fill(_ c: inout Synchealth__V1__PushItemReport, arena: CArena) {
        c.item_id = arena.string(itemId)
        c.core_id = arena.string(coreId)
        c.data_type = arena.string(dataType)
        c.status = status.cValue()
        c.error_message = arena.string(errorMessage)
        c.attempted_at_ms = attemptedAtMs
        c.target_record_id = arena.string(targetRecordId)
        c.retryable = retryable.cBoolean
        c.idempotency_key = arena.string(idempotencyKey)
    }
}

extension RecordPushItemsRequest: WireMessage, ProtobufCBacked {
    /// Decodes with protobuf-c; throws `WireError` on bytes that are not a valid encoding.
    public init(serializedBytes bytes: [UInt8]) throws { try self.init(protobufCBytes: bytes) }
    /// Encodes with protobuf-c.
    public func serializedBytes() -> [UInt8] { protobufCBytes() }

    static var protoName: String { "synchealth.v1.RecordPushItemsRequest" }
    static func cInit(_ message: UnsafeMutablePointer<Synchealth__V1__RecordPushItemsRequest>) {
        synchealth__v1__record_push_items_request__init(message)
    }
    static var cFunctions: CFunctions<Synchealth__V1__RecordPushItemsRequest> {
        CFunctions(
            packedSize: synchealth__v1__record_push_items_request__get_packed_size,
            pack: synchealth__v1__record_push_items_request__pack,
            unpack: synchealth__v1__record_push_items_request__unpack,
            freeUnpacked: synchealth__v1__record_push_items_request__free_unpacked)
    }

    init(cMessage c: UnsafePointer<Synchealth__V1__RecordPushItemsRequest>) throws(WireError) {
        self.init(
            syncId: try CString.read(c.pointee.sync_id, field: "sync_id"),
            items: try CField.messages(count: c.pointee.n_items, c.pointee.items, field: "items"))
    }

    func fill(_ c: inout Synchealth__V1__RecordPushItemsRequest, arena: CArena) {
        c.sync_id = arena.string(syncId)
        (c.n_items, c.items) = arena.messages(items)
    }
}

extension RecordPushItemsResponse: WireMessage, ProtobufCBacked {
    /// Decodes with protobuf-c; throws `WireError` on bytes that are not a valid encoding.
    public init(serializedBytes bytes: [UInt8]) throws { try self.init(protobufCBytes: bytes) }
    /// Encodes with protobuf-c.
    public func serializedBytes() -> [UInt8] { protobufCBytes() }

    static var protoName: String { "synchealth.v1.RecordPushItemsResponse" }
    static func cInit(_ message: UnsafeMutablePointer<Synchealth__V1__RecordPushItemsResponse>) {
        synchealth__v1__record_push_items_response__init(message)
    }
    static var cFunctions: CFunctions<Synchealth__V1__RecordPushItemsResponse> {
        CFunctions(
            packedSize: synchealth__v1__record_push_items_response__get_packed_size,
            pack: synchealth__v1__record_push_items_response__pack,
            unpack: synchealth__v1__record_push_items_response__unpack,
            freeUnpacked: synchealth__v1__record_push_items_response__free_unpacked)
    }

    init(cMessage c: UnsafePointer<Synchealth__V1__RecordPushItemsResponse>) throws(WireError) {
        self.init(
            accepted: c.pointee.accepted,
            created: c.pointee.created,
            sync: try CField.message(c.pointee.sync, field: "sync"))
    }

    func fill(_ c: inout Synchealth__V1__RecordPushItemsResponse, arena: CArena) {
        c.accepted = accepted
        c.created = created
        c.sync = arena.optionalMessage(sync)
    }
}
