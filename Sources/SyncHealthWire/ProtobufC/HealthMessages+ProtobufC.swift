// protobuf-c codecs for proto/synchealth/v1/health.proto.
import CSyncHealthProto

extension HealthCheckRequest: WireMessage, ProtobufCBacked {
    /// Decodes with protobuf-c; throws `WireError` on bytes that are not a valid encoding.
    public init(serializedBytes bytes: [UInt8]) throws { try self.init(protobufCBytes: bytes) }
    /// Encodes with protobuf-c.
    public func serializedBytes() -> [UInt8] { protobufCBytes() }

    static var protoName: String { "synchealth.v1.HealthCheckRequest" }
    static func cInit(_ message: UnsafeMutablePointer<Synchealth__V1__HealthCheckRequest>) {
        synchealth__v1__health_check_request__init(message)
    }
    static var cFunctions: CFunctions<Synchealth__V1__HealthCheckRequest> {
        CFunctions(
            packedSize: synchealth__v1__health_check_request__get_packed_size,
            pack: synchealth__v1__health_check_request__pack,
            unpack: synchealth__v1__health_check_request__unpack,
            freeUnpacked: synchealth__v1__health_check_request__free_unpacked)
    }

    init(cMessage c: UnsafePointer<Synchealth__V1__HealthCheckRequest>) throws(WireError) {
        self.init(service: try CString.read(c.pointee.service, field: "service"))
    }

    func fill(_ c: inout Synchealth__V1__HealthCheckRequest, arena: CArena) {
        c.service = arena.string(service)
    }
}

extension HealthCheckResponse: WireMessage, ProtobufCBacked {
    /// Decodes with protobuf-c; throws `WireError` on bytes that are not a valid encoding.
    public init(serializedBytes bytes: [UInt8]) throws { try self.init(protobufCBytes: bytes) }
    /// Encodes with protobuf-c.
    public func serializedBytes() -> [UInt8] { protobufCBytes() }

    static var protoName: String { "synchealth.v1.HealthCheckResponse" }
    static func cInit(_ message: UnsafeMutablePointer<Synchealth__V1__HealthCheckResponse>) {
        synchealth__v1__health_check_response__init(message)
    }
    static var cFunctions: CFunctions<Synchealth__V1__HealthCheckResponse> {
        CFunctions(
            packedSize: synchealth__v1__health_check_response__get_packed_size,
            pack: synchealth__v1__health_check_response__pack,
            unpack: synchealth__v1__health_check_response__unpack,
            freeUnpacked: synchealth__v1__health_check_response__free_unpacked)
    }

    init(cMessage c: UnsafePointer<Synchealth__V1__HealthCheckResponse>) throws(WireError) {
        self.init(status: ServingStatus(cValue: c.pointee.status))
    }

    func fill(_ c: inout Synchealth__V1__HealthCheckResponse, arena: CArena) {
        c.status = status.cValue()
    }
}
