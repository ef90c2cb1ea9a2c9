// protobuf-c codecs for proto/synchealth/v1/history.proto: GetDashboard
// messages.
import CSyncHealthProto

extension GetDashboardRequest: WireMessage, ProtobufCBacked {
    /// Decodes with protobuf-c; throws `WireError` on bytes that are not a valid encoding.
    public init(serializedBytes bytes: [UInt8]) throws { try self.init(protobufCBytes: bytes) }
    /// Encodes with protobuf-c.
    public func serializedBytes() -> [UInt8] { protobufCBytes() }

    static var protoName: String { "synchealth.v1.GetDashboardRequest" }
    static func cInit(_ message: UnsafeMutablePointer<Synchealth__V1__GetDashboardRequest>) {
        synchealth__v1__get_dashboard_request__init(message)
    }
    static var cFunctions: CFunctions<Synchealth__V1__GetDashboardRequest> {
        CFunctions(
            packedSize: synchealth__v1__get_dashboard_request__get_packed_size,
            pack: synchealth__v1__get_dashboard_request__pack,
            unpack: synchealth__v1__get_dashboard_request__unpack,
            freeUnpacked: synchealth__v1__get_dashboard_request__free_unpacked)
    }

    init(cMessage c: UnsafePointer<Synchealth__V1__GetDashboardRequest>) throws(WireError) {
        self.init(
            fromMs: c.pointee.from_ms,
            toMs: c.pointee.to_ms,
            companyId: try CString.read(c.pointee.company_id, field: "company_id"),
            product: Product(cValue: c.pointee.product),
            sourcePlatform: try CString.read(c.pointee.source_platform, field: "source_platform"),
            targetPlatform: try CString.read(c.pointee.target_platform, field: "target_platform"))
    }

    func fill(_ c: inout Synchealth__V1__GetDashboardRequest, arena: CArena) {
        c.from_ms = fromMs
        c.to_ms = toMs
        c.company_id = arena.string(companyId)
        c.product = product.cValue()
        c.source_platform = arena.string(sourcePlatform)
        c.target_platform = arena.string(targetPlatform)
    }
}

extension CategoryCount: WireMessage, ProtobufCBacked {
    /// Decodes with protobuf-c; throws `WireError` on bytes that are not a valid encoding.
    public init(serializedBytes bytes: [UInt8]) throws { try self.init(protobufCBytes: bytes) }
    /// Encodes with protobuf-c.
    public func serializedBytes() -> [UInt8] { protobufCBytes() }

    static var protoName: String { "synchealth.v1.CategoryCount" }
    static func cInit(_ message: UnsafeMutablePointer<Synchealth__V1__CategoryCount>) {
        synchealth__v1__category_count__init(message)
    }
    static var cFunctions: CFunctions<Synchealth__V1__CategoryCount> {
        CFunctions(
            packedSize: synchealth__v1__category_count__get_packed_size,
            pack: synchealth__v1__category_count__pack,
            unpack: synchealth__v1__category_count__unpack,
            freeUnpacked: synchealth__v1__category_count__free_unpacked)
    }

    init(cMessage c: UnsafePointer<Synchealth__V1__CategoryCount>) throws(WireError) {
        self.init(category: StatusCategory(cValue: c.pointee.category), count: c.pointee.count)
    }

    func fill(_ c: inout Synchealth__V1__CategoryCount, arena: CArena) {
        c.category = category.cValue()
        c.count = count
    }
}

extension StatusCodeCount: WireMessage, ProtobufCBacked {
    /// Decodes with protobuf-c; throws `WireError` on bytes that are not a valid encoding.
    public init(serializedBytes bytes: [UInt8]) throws { try self.init(protobufCBytes: bytes) }
    /// Encodes with protobuf-c.
    public func serializedBytes() -> [UInt8] { protobufCBytes() }

    static var protoName: String { "synchealth.v1.StatusCodeCount" }
    static func cInit(_ message: UnsafeMutablePointer<Synchealth__V1__StatusCodeCount>) {
        synchealth__v1__status_code_count__init(message)
    }
    static var cFunctions: CFunctions<Synchealth__V1__StatusCodeCount> {
        CFunctions(
            packedSize: synchealth__v1__status_code_count__get_packed_size,
            pack: synchealth__v1__status_code_count__pack,
            unpack: synchealth__v1__status_code_count__unpack,
            freeUnpacked: synchealth__v1__status_code_count__free_unpacked)
    }

    init(cMessage c: UnsafePointer<Synchealth__V1__StatusCodeCount>) throws(WireError) {
        self.init(statusCode: SyncStatusCode(cValue: c.pointee.status_code), count: c.pointee.count)
    }

    func fill(_ c: inout Synchealth__V1__StatusCodeCount, arena: CArena) {
        c.status_code = statusCode.cValue()
        c.count = count
    }
}

extension DailyBucket: WireMessage, ProtobufCBacked {
    /// Decodes with protobuf-c; throws `WireError` on bytes that are not a valid encoding.
    public init(serializedBytes bytes: [UInt8]) throws { try self.init(protobufCBytes: bytes) }
    /// Encodes with protobuf-c.
    public func serializedBytes() -> [UInt8] { protobufCBytes() }

    static var protoName: String { "synchealth.v1.DailyBucket" }
    static func cInit(_ message: UnsafeMutablePointer<Synchealth__V1__DailyBucket>) {
        synchealth__v1__daily_bucket__init(message)
    }
    static var cFunctions: CFunctions<Synchealth__V1__DailyBucket> {
        CFunctions(
            packedSize: synchealth__v1__daily_bucket__get_packed_size,
            pack: synchealth__v1__daily_bucket__pack,
            unpack: synchealth__v1__daily_bucket__unpack,
            freeUnpacked: synchealth__v1__daily_bucket__free_unpacked)
    }

    init(cMessage c: UnsafePointer<Synchealth__V1__DailyBucket>) throws(WireError) {
        self.init(
            dayStartMs: c.pointee.day_start_ms,
            inProgress: c.pointee.in_progress,
            succeeded: c.pointee.succeeded,
            failed: c.pointee.failed)
    }

    func fill(_ c: inout Synchealth__V1__DailyBucket, arena: CArena) {
        c.day_start_ms = dayStartMs
        c.in_progress = inProgress
        c.succeeded = succeeded
        c.failed = failed
    }
}

extension GetDashboardResponse: WireMessage, ProtobufCBacked {
    /// Decodes with protobuf-c; throws `WireError` on bytes that are not a valid encoding.
    public init(serializedBytes bytes: [UInt8]) throws { try self.init(protobufCBytes: bytes) }
    /// Encodes with protobuf-c.
    public func serializedBytes() -> [UInt8] { protobufCBytes() }

    static var protoName: String { "synchealth.v1.GetDashboardResponse" }
    static func cInit(_ message: UnsafeMutablePointer<Synchealth__V1__GetDashboardResponse>) {
        synchealth__v1__get_dashboard_response__init(message)
    }
    static var cFunctions: CFunctions<Synchealth__V1__GetDashboardResponse> {
        CFunctions(
            packedSize: synchealth__v1__get_dashboard_response__get_packed_size,
            pack: synchealth__v1__get_dashboard_response__pack,
            unpack: synchealth__v1__get_dashboard_response__unpack,
            freeUnpacked: synchealth__v1__get_dashboard_response__free_unpacked)
    }

    init(cMessage c: UnsafePointer<Synchealth__V1__GetDashboardResponse>) throws(WireError) {
        self.init(
            totalSyncs: c.pointee.total_syncs,
            byCategory: try CField.messages(count: c.pointee.n_by_category, c.pointee.by_category, field: "by_category"),
            byStatusCode: try CField.messages(
                count: c.pointee.n_by_status_code, c.pointee.by_status_code, field: "by_status_code"),
            successRate: c.pointee.success_rate,
            days: try CField.messages(count: c.pointee.n_days, c.pointee.days, field: "days"),
            items: try CField.message(c.pointee.items, field: "items"),
            itemsByDataType: try CField.messages(
                count: c.pointee.n_items_by_data_type, c.pointee.items_by_data_type, field: "items_by_data_type"),
            topErrorGroups: try CField.messages(
                count: c.pointee.n_top_error_groups, c.pointee.top_error_groups, field: "top_error_groups"))
    }

    func fill(_ c: inout Synchealth__V1__GetDashboardResponse, arena: CArena) {
        c.total_syncs = totalSyncs
        (c.n_by_category, c.by_category) = arena.messages(byCategory)
        (c.n_by_status_code, c.by_status_code) = arena.messages(byStatusCode)
        c.success_rate = successRate
        (c.n_days, c.days) = arena.messages(days)
        c.items = arena.optionalMessage(items)
        (c.n_items_by_data_type, c.items_by_data_type) = arena.messages(itemsByDataType)
        (c.n_top_error_groups, c.top_error_groups) = arena.messages(topErrorGroups)
    }
}
