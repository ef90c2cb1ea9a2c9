// protobuf-c codecs for proto/synchealth/v1/history.proto: ListCompanySyncs
// messages, the customer's view of a sync.
import CSyncHealthProto

extension ListCompanySyncsRequest: WireMessage, ProtobufCBacked {
    /// Decodes with protobuf-c; throws `WireError` on bytes that are not a valid encoding.
    public init(serializedBytes bytes: [UInt8]) throws { try self.init(protobufCBytes: bytes) }
    /// Encodes with protobuf-c.
    public func serializedBytes() -> [UInt8] { protobufCBytes() }

    static var protoName: String { "synchealth.v1.ListCompanySyncsRequest" }
    static func cInit(_ message: UnsafeMutablePointer<Synchealth__V1__ListCompanySyncsRequest>) {
        synchealth__v1__list_company_syncs_request__init(message)
    }
    static var cFunctions: CFunctions<Synchealth__V1__ListCompanySyncsRequest> {
        CFunctions(
            packedSize: synchealth__v1__list_company_syncs_request__get_packed_size,
            pack: synchealth__v1__list_company_syncs_request__pack,
            unpack: synchealth__v1__list_company_syncs_request__unpack,
            freeUnpacked: synchealth__v1__list_company_syncs_request__free_unpacked)
    }

    init(cMessage c: UnsafePointer<Synchealth__V1__ListCompanySyncsRequest>) throws(WireError) {
        self.init(
            companyId: try CString.read(c.pointee.company_id, field: "company_id"),
            startedFromMs: c.pointee.started_from_ms,
            startedToMs: c.pointee.started_to_ms,
            pageSize: c.pointee.page_size,
            pageToken: try CString.read(c.pointee.page_token, field: "page_token"))
    }

    func fill(_ c: inout Synchealth__V1__ListCompanySyncsRequest, arena: CArena) {
        c.company_id = arena.string(companyId)
        c.started_from_ms = startedFromMs
        c.started_to_ms = startedToMs
        c.page_size = pageSize
        c.page_token = arena.string(pageToken)
    }
}

extension CompanySync: WireMessage, ProtobufCBacked {
    /// Decodes with protobuf-c; throws `WireError` on bytes that are not a valid encoding.
    public init(serializedBytes bytes: [UInt8]) throws { try self.init(protobufCBytes: bytes) }
    /// Encodes with protobuf-c.
    public func serializedBytes() -> [UInt8] { protobufCBytes() }

    static var protoName: String { "synchealth.v1.CompanySync" }
    static func cInit(_ message: UnsafeMutablePointer<Synchealth__V1__CompanySync>) {
        synchealth__v1__company_sync__init(message)
    }
    static var cFunctions: CFunctions<Synchealth__V1__CompanySync> {
        CFunctions(
            packedSize: synchealth__v1__company_sync__get_packed_size,
            pack: synchealth__v1__company_sync__pack,
            unpack: synchealth__v1__company_sync__unpack,
            freeUnpacked: synchealth__v1__company_sync__free_unpacked)
    }

    init(cMessage c: UnsafePointer<Synchealth__V1__CompanySync>) throws(WireError) {
        self.init(
            syncId: try CString.read(c.pointee.sync_id, field: "sync_id"),
            product: Product(cValue: c.pointee.product),
            startedAtMs: c.pointee.started_at_ms,
            finishedAtMs: c.pointee.finished_at_ms,
            dataFromMs: c.pointee.data_from_ms,
            dataToMs: c.pointee.data_to_ms,
            category: StatusCategory(cValue: c.pointee.category),
            statusCode: SyncStatusCode(cValue: c.pointee.status_code),
            statusDescription: try CString.read(c.pointee.status_description, field: "status_description"))
    }

    func fill(_ c: inout Synchealth__V1__CompanySync, arena: CArena) {
        c.sync_id = arena.string(syncId)
        c.product = product.cValue()
        c.started_at_ms = startedAtMs
        c.finished_at_ms = finishedAtMs
        c.data_from_ms = dataFromMs
        c.data_to_ms = dataToMs
        c.category = category.cValue()
        c.status_code = statusCode.cValue()
        c.status_description = arena.string(statusDescription)
    }
}

extension ListCompanySyncsResponse: WireMessage, ProtobufCBacked {
    /// Decodes with protobuf-c; throws `WireError` on bytes that are not a valid encoding.
    public init(serializedBytes bytes: [UInt8]) throws { try self.init(protobufCBytes: bytes) }
    /// Encodes with protobuf-c.
    public func serializedBytes() -> [UInt8] { protobufCBytes() }

    static var protoName: String { "synchealth.v1.ListCompanySyncsResponse" }
    static func cInit(_ message: UnsafeMutablePointer<Synchealth__V1__ListCompanySyncsResponse>) {
        synchealth__v1__list_company_syncs_response__init(message)
    }
    static var cFunctions: CFunctions<Synchealth__V1__ListCompanySyncsResponse> {
        CFunctions(
            packedSize: synchealth__v1__list_company_syncs_response__get_packed_size,
            pack: synchealth__v1__list_company_syncs_response__pack,
            unpack: synchealth__v1__list_company_syncs_response__unpack,
            freeUnpacked: synchealth__v1__list_company_syncs_response__free_unpacked)
    }

    init(cMessage c: UnsafePointer<Synchealth__V1__ListCompanySyncsResponse>) throws(WireError) {
        self.init(
            syncs: try CField.messages(count: c.pointee.n_syncs, c.pointee.syncs, field: "syncs"),
            nextPageToken: try CString.read(c.pointee.next_page_token, field: "next_page_token"))
    }

    func fill(_ c: inout Synchealth__V1__ListCompanySyncsResponse, arena: CArena) {
        (c.n_syncs, c.syncs) = arena.messages(syncs)
        c.next_page_token = arena.string(nextPageToken)
    }
}
