// protobuf-c codecs for proto/synchealth/v1/protocol.proto.
import CSyncHealthProto

extension MetadataEntry: WireMessage, ProtobufCBacked {
    /// Decodes with protobuf-c; throws `WireError` on bytes that are not a valid encoding.
    public init(serializedBytes bytes: [UInt8]) throws { try self.init(protobufCBytes: bytes) }
    /// Encodes with protobuf-c.
    public func serializedBytes() -> [UInt8] { protobufCBytes() }

    static var protoName: String { "synchealth.v1.MetadataEntry" }
    static func cInit(_ message: UnsafeMutablePointer<Synchealth__V1__MetadataEntry>) {
        synchealth__v1__metadata_entry__init(message)
    }
    static var cFunctions: CFunctions<Synchealth__V1__MetadataEntry> {
        CFunctions(
            packedSize: synchealth__v1__metadata_entry__get_packed_size,
            pack: synchealth__v1__metadata_entry__pack,
            unpack: synchealth__v1__metadata_entry__unpack,
            freeUnpacked: synchealth__v1__metadata_entry__free_unpacked)
    }

    init(cMessage c: UnsafePointer<Synchealth__V1__MetadataEntry>) throws(WireError) {
        self.init(
            key: try CString.read(c.pointee.key, field: "key"),
            value: try CString.read(c.pointee.value, field: "value"))
    }

    func fill(_ c: inout Synchealth__V1__MetadataEntry, arena: CArena) {
        c.key = arena.string(key)
        c.value = arena.string(value)
    }
}

extension RequestHeader: WireMessage, ProtobufCBacked {
    /// Decodes with protobuf-c; throws `WireError` on bytes that are not a valid encoding.
    public init(serializedBytes bytes: [UInt8]) throws { try self.init(protobufCBytes: bytes) }
    /// Encodes with protobuf-c.
    public func serializedBytes() -> [UInt8] { protobufCBytes() }

    static var protoName: String { "synchealth.v1.RequestHeader" }
    static func cInit(_ message: UnsafeMutablePointer<Synchealth__V1__RequestHeader>) {
        synchealth__v1__request_header__init(message)
    }
    static var cFunctions: CFunctions<Synchealth__V1__RequestHeader> {
        CFunctions(
            packedSize: synchealth__v1__request_header__get_packed_size,
            pack: synchealth__v1__request_header__pack,
            unpack: synchealth__v1__request_header__unpack,
            freeUnpacked: synchealth__v1__request_header__free_unpacked)
    }

    init(cMessage c: UnsafePointer<Synchealth__V1__RequestHeader>) throws(WireError) {
        self.init(
            method: try CString.read(c.pointee.method, field: "method"),
            timeoutMs: c.pointee.timeout_ms,
            metadata: try CField.messages(count: c.pointee.n_metadata, c.pointee.metadata, field: "metadata"))
    }

    func fill(_ c: inout Synchealth__V1__RequestHeader, arena: CArena) {
        c.method = arena.string(method)
        c.timeout_ms = timeoutMs
        (c.n_metadata, c.metadata) = arena.messages(metadata)
    }
}

extension ResponseHeader: WireMessage, ProtobufCBacked {
    /// Decodes with protobuf-c; throws `WireError` on bytes that are not a valid encoding.
    public init(serializedBytes bytes: [UInt8]) throws { try self.init(protobufCBytes: bytes) }
    /// Encodes with protobuf-c.
    public func serializedBytes() -> [UInt8] { protobufCBytes() }

    static var protoName: String { "synchealth.v1.ResponseHeader" }
    static func cInit(_ message: UnsafeMutablePointer<Synchealth__V1__ResponseHeader>) {
        synchealth__v1__response_header__init(message)
    }
    static var cFunctions: CFunctions<Synchealth__V1__ResponseHeader> {
        CFunctions(
            packedSize: synchealth__v1__response_header__get_packed_size,
            pack: synchealth__v1__response_header__pack,
            unpack: synchealth__v1__response_header__unpack,
            freeUnpacked: synchealth__v1__response_header__free_unpacked)
    }

    init(cMessage c: UnsafePointer<Synchealth__V1__ResponseHeader>) throws(WireError) {
        self.init(
            statusCode: StatusCode(cValue: c.pointee.status_code),
            statusMessage: try CString.read(c.pointee.status_message, field: "status_message"),
            trailers: try CField.messages(count: c.pointee.n_trailers, c.pointee.trailers, field: "trailers"))
    }

    func fill(_ c: inout Synchealth__V1__ResponseHeader, arena: CArena) {
        c.status_code = statusCode.cValue()
        c.status_message = arena.string(statusMessage)
        (c.n_trailers, c.trailers) = arena.messages(trailers)
    }
}

extension Settings: WireMessage, ProtobufCBacked {
    /// Decodes with protobuf-c; throws `WireError` on bytes that are not a valid encoding.
    public init(serializedBytes bytes: [UInt8]) throws { try self.init(protobufCBytes: bytes) }
    /// Encodes with protobuf-c.
    public func serializedBytes() -> [UInt8] { protobufCBytes() }

    static var protoName: String { "synchealth.v1.Settings" }
    static func cInit(_ message: UnsafeMutablePointer<Synchealth__V1__Settings>) {
        synchealth__v1__settings__init(message)
    }
    static var cFunctions: CFunctions<Synchealth__V1__Settings> {
        CFunctions(
            packedSize: synchealth__v1__settings__get_packed_size,
            pack: synchealth__v1__settings__pack,
            unpack: synchealth__v1__settings__unpack,
            freeUnpacked: synchealth__v1__settings__free_unpacked)
    }

    init(cMessage c: UnsafePointer<Synchealth__V1__Settings>) throws(WireError) {
        self.init(
            protocolMajor: c.pointee.protocol_major,
            protocolMinor: c.pointee.protocol_minor,
            maxFrameSize: c.pointee.max_frame_size,
            maxConcurrentStreams: c.pointee.max_concurrent_streams,
            serverName: try CString.read(c.pointee.server_name, field: "server_name"),
            serverVersion: try CString.read(c.pointee.server_version, field: "server_version"))
    }

    func fill(_ c: inout Synchealth__V1__Settings, arena: CArena) {
        c.protocol_major = protocolMajor
        c.protocol_minor = protocolMinor
        c.max_frame_size = maxFrameSize
        c.max_concurrent_streams = maxConcurrentStreams
        c.server_name = arena.string(serverName)
        c.server_version = arena.string(serverVersion)
    }
}

extension GoAway: WireMessage, ProtobufCBacked {
    /// Decodes with protobuf-c; throws `WireError` on bytes that are not a valid encoding.
    public init(serializedBytes bytes: [UInt8]) throws { try self.init(protobufCBytes: bytes) }
    /// Encodes with protobuf-c.
    public func serializedBytes() -> [UInt8] { protobufCBytes() }

    static var protoName: String { "synchealth.v1.GoAway" }
    static func cInit(_ message: UnsafeMutablePointer<Synchealth__V1__GoAway>) {
        synchealth__v1__go_away__init(message)
    }
    static var cFunctions: CFunctions<Synchealth__V1__GoAway> {
        CFunctions(
            packedSize: synchealth__v1__go_away__get_packed_size,
            pack: synchealth__v1__go_away__pack,
            unpack: synchealth__v1__go_away__unpack,
            freeUnpacked: synchealth__v1__go_away__free_unpacked)
    }

    init(cMessage c: UnsafePointer<Synchealth__V1__GoAway>) throws(WireError) {
        self.init(
            lastStreamId: c.pointee.last_stream_id,
            statusCode: StatusCode(cValue: c.pointee.status_code),
            message: try CString.read(c.pointee.message, field: "message"))
    }

    func fill(_ c: inout Synchealth__V1__GoAway, arena: CArena) {
        c.last_stream_id = lastStreamId
        c.status_code = statusCode.cValue()
        c.message = arena.string(message)
    }
}
