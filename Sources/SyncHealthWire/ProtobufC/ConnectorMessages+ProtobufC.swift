// protobuf-c codecs for proto/synchealth/v1/connector.proto.
import CSyncHealthProto

extension PushRequest: WireMessage, ProtobufCBacked {
    /// Decodes with protobuf-c; throws `WireError` on bytes that are not a valid encoding.
    public init(serializedBytes bytes: [UInt8]) throws { try self.init(protobufCBytes: bytes) }
    /// Encodes with protobuf-c.
    public func serializedBytes() -> [UInt8] { protobufCBytes() }

    static var protoName: String { "synchealth.v1.PushRequest" }
    static func cInit(_ message: UnsafeMutablePointer<Synchealth__V1__PushRequest>) {
        synchealth__v1__push_request__init(message)
    }
    static var cFunctions: CFunctions<Synchealth__V1__PushRequest> {
        CFunctions(
            packedSize: synchealth__v1__push_request__get_packed_size,
            pack: synchealth__v1__push_request__pack,
            unpack: synchealth__v1__push_request__unpack,
            freeUnpacked: synchealth__v1__push_request__free_unpacked)
    }

    init(cMessage c: UnsafePointer<Synchealth__V1__PushRequest>) throws(WireError) {
        self.init(
            idempotencyKey: try CString.read(c.pointee.idempotency_key, field: "idempotency_key"),
            syncId: try CString.read(c.pointee.sync_id, field: "sync_id"),
            itemId: try CString.read(c.pointee.item_id, field: "item_id"),
            coreId: try CString.read(c.pointee.core_id, field: "core_id"),
            dataType: try CString.read(c.pointee.data_type, field: "data_type"),
            companyId: try CString.read(c.pointee.company_id, field: "company_id"),
            targetPlatform: try CString.read(c.pointee.target_platform, field: "target_platform"),
            attemptNumber: c.pointee.attempt_number)
    }

    func fill(_ c: inout Synchealth__V1__PushRequest, arena: CArena) {
        c.idempotency_key = arena.string(idempotencyKey)
        c.sync_id = arena.string(syncId)
        c.item_id = arena.string(itemId)
        c.core_id = arena.string(coreId)
        c.data_type = arena.string(dataType)
        c.company_id = arena.string(companyId)
        c.target_platform = arena.string(targetPlatform)
        c.attempt_number = attemptNumber
    }
}

extension PushResponse: WireMessage, ProtobufCBacked {
    /// Decodes with protobuf-c; throws `WireError` on bytes that are not a valid encoding.
    public init(serializedBytes bytes: [UInt8]) throws { try self.init(protobufCBytes: bytes) }
    /// Encodes with protobuf-c.
    public func serializedBytes() -> [UInt8] { protobufCBytes() }

    static var protoName: String { "synchealth.v1.PushResponse" }
    static func cInit(_ message: UnsafeMutablePointer<Synchealth__V1__PushResponse>) {
        synchealth__v1__push_response__init(message)
    }
    static var cFunctions: CFunctions<Synchealth__V1__PushResponse> {
        CFunctions(
            packedSize: synchealth__v1__push_response__get_packed_size,
            pack: synchealth__v1__push_response__pack,
            unpack: synchealth__v1__push_response__unpack,
            freeUnpacked: synchealth__v1__push_response__free_unpacked)
    }

    init(cMessage c: UnsafePointer<Synchealth__V1__PushResponse>) throws(WireError) {
        self.init(
            outcome: PushOutcome(cValue: c.pointee.outcome),
            targetRecordId: try CString.read(c.pointee.target_record_id, field: "target_record_id"),
            errorMessage: try CString.read(c.pointee.error_message, field: "error_message"),
            retryable: CField.bool(c.pointee.retryable),
            duplicate: CField.bool(c.pointee.duplicate))
    }

    func fill(_ c: inout Synchealth__V1__PushResponse, arena: CArena) {
        c.outcome = outcome.cValue()
        c.target_record_id = arena.string(targetRecordId)
        c.error_message = arena.string(errorMessage)
        c.retryable = retryable.cBoolean
        c.duplicate = duplicate.cBoolean
    }
}
