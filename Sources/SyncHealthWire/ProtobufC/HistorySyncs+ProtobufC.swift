// protobuf-c codecs for proto/synchealth/v1/history.proto: ListSyncs and
// GetSync messages, with the Count and DataTypeCounts they share.
import CSyncHealthProto

extension Count: WireMessage, ProtobufCBacked {
    /// Decodes with protobuf-c; throws `WireError` on bytes that are not a valid encoding.
    public init(serializedBytes bytes: [UInt8]) throws { try self.init(protobufCBytes: bytes) }
    /// Encodes with protobuf-c.
    public func serializedBytes() -> [UInt8] { protobufCBytes() }

    static var protoName: String { "synchealth.v1.Count" }
    static func cInit(_ message: UnsafeMutablePointer<Synchealth__V1__Count>) {
        synchealth__v1__count__init(message)
    }
    static var cFunctions: CFunctions<Synchealth__V1__Count> {
        CFunctions(
            packedSize: synchealth__v1__count__get_packed_size,
            pack: synchealth__v1__count__pack,
            unpack: synchealth__v1__count__unpack,
            freeUnpacked: synchealth__v1__count__free_unpacked)
    }

    init(cMessage c: UnsafePointer<Synchealth__V1__Count>) throws(WireError) {
        self.init(value: c.pointee.value)
    }

    func fill(_ c: inout Synchealth__V1__Count, arena: CArena) {
        c.value = value
    }
}

extension ListSyncsRequest: WireMessage, ProtobufCBacked {
    /// Decodes with protobuf-c; throws `WireError` on bytes that are not a valid encoding.
    public init(serializedBytes bytes: [UInt8]) throws { try self.init(protobufCBytes: bytes) }
    /// Encodes with protobuf-c.
    public func serializedBytes() -> [UInt8] { protobufCBytes() }

    static var protoName: String { "synchealth.v1.ListSyncsRequest" }
    static func cInit(_ message: UnsafeMutablePointer<Synchealth__V1__ListSyncsRequest>) {
        synchealth__v1__list_syncs_request__init(message)
    }
    static var cFunctions: CFunctions<Synchealth__V1__ListSyncsRequest> {
        CFunctions(
            packedSize: synchealth__v1__list_syncs_request__get_packed_size,
            pack: synchealth__v1__list_syncs_request__pack,
            unpack: synchealth__v1__list_syncs_request__unpack,
            freeUnpacked: synchealth__v1__list_syncs_request__free_unpacked)
    }

    init(cMessage c: UnsafePointer<Synchealth__V1__ListSyncsRequest>) throws(WireError) {
        self.init(
            search: try CString.read(c.pointee.search, field: "search"),
            companyId: try CString.read(c.pointee.company_id, field: "company_id"),
            startedFromMs: c.pointee.started_from_ms,
            startedToMs: c.pointee.started_to_ms,
            statusCodes: CField.enums(count: c.pointee.n_status_codes, c.pointee.status_codes),
            categories: CField.enums(count: c.pointee.n_categories, c.pointee.categories),
            product: Product(cValue: c.pointee.product),
            sourcePlatform: try CString.read(c.pointee.source_platform, field: "source_platform"),
            targetPlatform: try CString.read(c.pointee.target_platform, field: "target_platform"),
            sortBy: SyncSortField(cValue: c.pointee.sort_by),
            order: SortOrder(cValue: c.pointee.order),
            pageSize: c.pointee.page_size,
            pageToken: try CString.read(c.pointee.page_token, field: "page_token"),
            includeTotal: CField.bool(c.pointee.include_total),
            errorGroupId: try CString.read(c.pointee.error_group_id, field: "error_group_id"))
    }

    func fill(_ c: inout Synchealth__V1__ListSyncsRequest, arena: CArena) {
        c.search = arena.string(search)
        c.company_id = arena.string(companyId)
        c.started_from_ms = startedFromMs
        c.started_to_ms = startedToMs
        (c.n_status_codes, c.status_codes) = arena.enums(statusCodes)
        (c.n_categories, c.categories) = arena.enums(categories)
        c.product = product.cValue()
        c.source_platform = arena.string(sourcePlatform)
        c.target_platform = arena.string(targetPlatform)
        c.sort_by = sortBy.cValue()
        c.order = order.cValue()
        c.page_size = pageSize
        c.page_token = arena.string(pageToken)
        c.include_total = includeTotal.cBoolean
        c.error_group_id = arena.string(errorGroupId)
    }
}

extension ListSyncsResponse: WireMessage, ProtobufCBacked {
    /// Decodes with protobuf-c; throws `WireError` on bytes that are not a valid encoding.
    public init(serializedBytes bytes: [UInt8]) throws { try self.init(protobufCBytes: bytes) }
    /// Encodes with protobuf-c.
    public func serializedBytes() -> [UInt8] { protobufCBytes() }

    static var protoName: String { "synchealth.v1.ListSyncsResponse" }
    static func cInit(_ message: UnsafeMutablePointer<Synchealth__V1__ListSyncsResponse>) {
        synchealth__v1__list_syncs_response__init(message)
    }
    static var cFunctions: CFunctions<Synchealth__V1__ListSyncsResponse> {
        CFunctions(
            packedSize: synchealth__v1__list_syncs_response__get_packed_size,
            pack: synchealth__v1__list_syncs_response__pack,
            unpack: synchealth__v1__list_syncs_response__unpack,
            freeUnpacked: synchealth__v1__list_syncs_response__free_unpacked)
    }

    init(cMessage c: UnsafePointer<Synchealth__V1__ListSyncsResponse>) throws(WireError) {
        self.init(
            syncs: try CField.messages(count: c.pointee.n_syncs, c.pointee.syncs, field: "syncs"),
            nextPageToken: try CString.read(c.pointee.next_page_token, field: "next_page_token"),
            total: try CField.message(c.pointee.total, field: "total"))
    }

    func fill(_ c: inout Synchealth__V1__ListSyncsResponse, arena: CArena) {
        (c.n_syncs, c.syncs) = arena.messages(syncs)
        c.next_page_token = arena.string(nextPageToken)
        c.total = arena.optionalMessage(total)
    }
}

extension GetSyncRequest: WireMessage, ProtobufCBacked {
    /// Decodes with protobuf-c; throws `WireError` on bytes that are not a valid encoding.
    public init(serializedBytes bytes: [UInt8]) throws { try self.init(protobufCBytes: bytes) }
    /// Encodes with protobuf-c.
    public func serializedBytes() -> [UInt8] { protobufCBytes() }

    static var protoName: String { "synchealth.v1.GetSyncRequest" }
    static func cInit(_ message: UnsafeMutablePointer<Synchealth__V1__GetSyncRequest>) {
        synchealth__v1__get_sync_request__init(message)
    }
    static var cFunctions: CFunctions<Synchealth__V1__GetSyncRequest> {
        CFunctions(
            packedSize: synchealth__v1__get_sync_request__get_packed_size,
            pack: synchealth__v1__get_sync_request__pack,
            unpack: synchealth__v1__get_sync_request__unpack,
            freeUnpacked: synchealth__v1__get_sync_request__free_unpacked)
    }

    init(cMessage c: UnsafePointer<Synchealth__V1__GetSyncRequest>) throws(WireError) {
        self.init(syncId: try CString.read(c.pointee.sync_id, field: "sync_id"))
    }

    func fill(_ c: inout Synchealth__V1__GetSyncRequest, arena: CArena) {
        c.sync_id = arena.string(syncId)
    }
}

extension DataTypeCounts: WireMessage, ProtobufCBacked {
    /// Decodes with protobuf-c; throws `WireError` on bytes that are not a valid encoding.
    public init(serializedBytes bytes: [UInt8]) throws { try self.init(protobufCBytes: bytes) }
    /// Encodes with protobuf-c.
    public func serializedBytes() -> [UInt8] { protobufCBytes() }

    static var protoName: String { "synchealth.v1.DataTypeCounts" }
    static func cInit(_ message: UnsafeMutablePointer<Synchealth__V1__DataTypeCounts>) {
        synchealth__v1__data_type_counts__init(message)
    }
    static var cFunctions: CFunctions<Synchealth__V1__DataTypeCounts> {
        CFunctions(
            packedSize: synchealth__v1__data_type_counts__get_packed_size,
            pack: synchealth__v1__data_type_counts__pack,
            unpack: synchealth__v1__data_type_counts__unpack,
            freeUnpacked: synchealth__v1__data_type_counts__free_unpacked)
    }

    init(cMessage c: UnsafePointer<Synchealth__V1__DataTypeCounts>) throws(WireError) {
        self.init(
            dataType: try CString.read(c.pointee.data_type, field: "data_type"),
            counts: try CField.message(c.pointee.counts, field: "counts"))
    }

    func fill(_ c: inout Synchealth__V1__DataTypeCounts, arena: CArena) {
        c.data_type = arena.string(dataType)
        c.counts = arena.optionalMessage(counts)
    }
}

extension RetrySummary: WireMessage, ProtobufCBacked {
    /// Decodes with protobuf-c; throws `WireError` on bytes that are not a valid encoding.
    public init(serializedBytes bytes: [UInt8]) throws { try self.init(protobufCBytes: bytes) }
    /// Encodes with protobuf-c.
    public func serializedBytes() -> [UInt8] { protobufCBytes() }

    static var protoName: String { "synchealth.v1.RetrySummary" }
    static func cInit(_ message: UnsafeMutablePointer<Synchealth__V1__RetrySummary>) {
        synchealth__v1__retry_summary__init(message)
    }
    static var cFunctions: CFunctions<Synchealth__V1__RetrySummary> {
        CFunctions(
            packedSize: synchealth__v1__retry_summary__get_packed_size,
            pack: synchealth__v1__retry_summary__pack,
            unpack: synchealth__v1__retry_summary__unpack,
            freeUnpacked: synchealth__v1__retry_summary__free_unpacked)
    }

    init(cMessage c: UnsafePointer<Synchealth__V1__RetrySummary>) throws(WireError) {
        self.init(
            jobs: c.pointee.jobs,
            retriedAttempts: c.pointee.retried_attempts,
            recoveredItems: c.pointee.recovered_items,
            lastRetryAtMs: c.pointee.last_retry_at_ms,
            lastJobId: try CString.read(c.pointee.last_job_id, field: "last_job_id"))
    }

    func fill(_ c: inout Synchealth__V1__RetrySummary, arena: CArena) {
        c.jobs = jobs
        c.retried_attempts = retriedAttempts
        c.recovered_items = recoveredItems
        c.last_retry_at_ms = lastRetryAtMs
        c.last_job_id = arena.string(lastJobId)
    }
}

extension GetSyncResponse: WireMessage, ProtobufCBacked {
    /// Decodes with protobuf-c; throws `WireError` on bytes that are not a valid encoding.
    public init(serializedBytes bytes: [UInt8]) throws { try self.init(protobufCBytes: bytes) }
    /// Encodes with protobuf-c.
    public func serializedBytes() -> [UInt8] { protobufCBytes() }

    static var protoName: String { "synchealth.v1.GetSyncResponse" }
    static func cInit(_ message: UnsafeMutablePointer<Synchealth__V1__GetSyncResponse>) {
        synchealth__v1__get_sync_response__init(message)
    }
    static var cFunctions: CFunctions<Synchealth__V1__GetSyncResponse> {
        CFunctions(
            packedSize: synchealth__v1__get_sync_response__get_packed_size,
            pack: synchealth__v1__get_sync_response__pack,
            unpack: synchealth__v1__get_sync_response__unpack,
            freeUnpacked: synchealth__v1__get_sync_response__free_unpacked)
    }

    init(cMessage c: UnsafePointer<Synchealth__V1__GetSyncResponse>) throws(WireError) {
        self.init(
            sync: try CField.message(c.pointee.sync, field: "sync"),
            dataTypes: try CField.messages(count: c.pointee.n_data_types, c.pointee.data_types, field: "data_types"),
            retries: try CField.message(c.pointee.retries, field: "retries"))
    }

    func fill(_ c: inout Synchealth__V1__GetSyncResponse, arena: CArena) {
        c.sync = arena.optionalMessage(sync)
        (c.n_data_types, c.data_types) = arena.messages(dataTypes)
        c.retries = arena.optionalMessage(retries)
    }
}
