// protobuf-c codecs for proto/synchealth/v1/history.proto: GetSyncConfig
// and ListPushItems messages.
import CSyncHealthProto

extension GetSyncConfigRequest: WireMessage, ProtobufCBacked {
    /// Decodes with protobuf-c; throws `WireError` on bytes that are not a valid encoding.
    public init(serializedBytes bytes: [UInt8]) throws { try self.init(protobufCBytes: bytes) }
    /// Encodes with protobuf-c.
    public func serializedBytes() -> [UInt8] { protobufCBytes() }

    static var protoName: String { "synchealth.v1.GetSyncConfigRequest" }
    static func cInit(_ message: UnsafeMutablePointer<Synchealth__V1__GetSyncConfigRequest>) {
        synchealth__v1__get_sync_config_request__init(message)
    }
    static var cFunctions: CFunctions<Synchealth__V1__GetSyncConfigRequest> {
        CFunctions(
            packedSize: synchealth__v1__get_sync_config_request__get_packed_size,
            pack: synchealth__v1__get_sync_config_request__pack,
            unpack: synchealth__v1__get_sync_config_request__unpack,
            freeUnpacked: synchealth__v1__get_sync_config_request__free_unpacked)
    }

    init(cMessage c: UnsafePointer<Synchealth__V1__GetSyncConfigRequest>) throws(WireError) {
        self.init(
            syncId: try CString.read(c.pointee.sync_id, field: "sync_id"),
            includeDiff: CField.bool(c.pointee.include_diff))
    }

    func fill(_ c: inout Synchealth__V1__GetSyncConfigRequest, arena: CArena) {
        c.sync_id = arena.string(syncId)
        c.include_diff = includeDiff.cBoolean
    }
}

extension GetSyncConfigResponse: WireMessage, ProtobufCBacked {
    /// Decodes with protobuf-c; throws `WireError` on bytes that are not a valid encoding.
    public init(serializedBytes bytes: [UInt8]) throws { try self.init(protobufCBytes: bytes) }
    /// Encodes with protobuf-c.
    public func serializedBytes() -> [UInt8] { protobufCBytes() }

    static var protoName: String { "synchealth.v1.GetSyncConfigResponse" }
    static func cInit(_ message: UnsafeMutablePointer<Synchealth__V1__GetSyncConfigResponse>) {
        synchealth__v1__get_sync_config_response__init(message)
    }
    static var cFunctions: CFunctions<Synchealth__V1__GetSyncConfigResponse> {
        CFunctions(
            packedSize: synchealth__v1__get_sync_config_response__get_packed_size,
            pack: synchealth__v1__get_sync_config_response__pack,
            unpack: synchealth__v1__get_sync_config_response__unpack,
            freeUnpacked: synchealth__v1__get_sync_config_response__free_unpacked)
    }

    init(cMessage c: UnsafePointer<Synchealth__V1__GetSyncConfigResponse>) throws(WireError) {
        self.init(
            config: try CField.message(c.pointee.config, field: "config"),
            diff: try CField.message(c.pointee.diff, field: "diff"))
    }

    func fill(_ c: inout Synchealth__V1__GetSyncConfigResponse, arena: CArena) {
        c.config = arena.optionalMessage(config)
        c.diff = arena.optionalMessage(diff)
    }
}

extension ListPushItemsRequest: WireMessage, ProtobufCBacked {
    /// Decodes with protobuf-c; throws `WireError` on bytes that are not a valid encoding.
    public init(serializedBytes bytes: [UInt8]) throws { try self.init(protobufCBytes: bytes) }
    /// Encodes with protobuf-c.
    public func serializedBytes() -> [UInt8] { protobufCBytes() }

    static var protoName: String { "synchealth.v1.ListPushItemsRequest" }
    static func cInit(_ message: UnsafeMutablePointer<Synchealth__V1__ListPushItemsRequest>) {
        synchealth__v1__list_push_items_request__init(message)
    }
    static var cFunctions: CFunctions<Synchealth__V1__ListPushItemsRequest> {
        CFunctions(
            packedSize: synchealth__v1__list_push_items_request__get_packed_size,
            pack: synchealth__v1__list_push_items_request__pack,
            unpack: synchealth__v1__list_push_items_request__unpack,
            freeUnpacked: synchealth__v1__list_push_items_request__free_unpacked)
    }

    init(cMessage c: UnsafePointer<Synchealth__V1__ListPushItemsRequest>) throws(WireError) {
        self.init(
            syncId: try CString.read(c.pointee.sync_id, field: "sync_id"),
            search: try CString.read(c.pointee.search, field: "search"),
            dataTypes: try CString.read(count: c.pointee.n_data_types, c.pointee.data_types, field: "data_types"),
            statuses: CField.enums(count: c.pointee.n_statuses, c.pointee.statuses),
            pageSize: c.pointee.page_size,
            pageToken: try CString.read(c.pointee.page_token, field: "page_token"),
            includeAttempts: CField.bool(c.pointee.include_attempts),
            includeTotal: CField.bool(c.pointee.include_total))
    }

    func fill(_ c: inout Synchealth__V1__ListPushItemsRequest, arena: CArena) {
        c.sync_id = arena.string(syncId)
        c.search = arena.string(search)
        (c.n_data_types, c.data_types) = arena.strings(dataTypes)
        (c.n_statuses, c.statuses) = arena.enums(statuses)
        c.page_size = pageSize
        c.page_token = arena.string(pageToken)
        c.include_attempts = includeAttempts.cBoolean
        c.include_total = includeTotal.cBoolean
    }
}

extension ListPushItemsResponse: WireMessage, ProtobufCBacked {
    /// Decodes with protobuf-c; throws `WireError` on bytes that are not a valid encoding.
    public init(serializedBytes bytes: [UInt8]) throws { try self.init(protobufCBytes: bytes) }
    /// Encodes with protobuf-c.
    public func serializedBytes() -> [UInt8] { protobufCBytes() }

    static var protoName: String { "synchealth.v1.ListPushItemsResponse" }
    static func cInit(_ message: UnsafeMutablePointer<Synchealth__V1__ListPushItemsResponse>) {
        synchealth__v1__list_push_items_response__init(message)
    }
    static var cFunctions: CFunctions<Synchealth__V1__ListPushItemsResponse> {
        CFunctions(
            packedSize: synchealth__v1__list_push_items_response__get_packed_size,
            pack: synchealth__v1__list_push_items_response__pack,
            unpack: synchealth__v1__list_push_items_response__unpack,
            freeUnpacked: synchealth__v1__list_push_items_response__free_unpacked)
    }

    init(cMessage c: UnsafePointer<Synchealth__V1__ListPushItemsResponse>) throws(WireError) {
        self.init(
            items: try CField.messages(count: c.pointee.n_items, c.pointee.items, field: "items"),
            nextPageToken: try CString.read(c.pointee.next_page_token, field: "next_page_token"),
            total: try CField.message(c.pointee.total, field: "total"))
    }

    func fill(_ c: inout Synchealth__V1__ListPushItemsResponse, arena: CArena) {
        (c.n_items, c.items) = arena.messages(items)
        c.next_page_token = arena.string(nextPageToken)
        c.total = arena.optionalMessage(total)
    }
}
