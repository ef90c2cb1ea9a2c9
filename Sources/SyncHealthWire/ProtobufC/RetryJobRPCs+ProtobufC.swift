// protobuf-c codecs for proto/synchealth/v1/retry.proto: GetRetryJob,
// ListRetryJobs and CancelRetryJob messages.
import CSyncHealthProto

extension GetRetryJobRequest: WireMessage, ProtobufCBacked {
    /// Decodes with protobuf-c; throws `WireError` on bytes that are not a valid encoding.
    public init(serializedBytes bytes: [UInt8]) throws { try self.init(protobufCBytes: bytes) }
    /// Encodes with protobuf-c.
    public func serializedBytes() -> [UInt8] { protobufCBytes() }

    static var protoName: String { "synchealth.v1.GetRetryJobRequest" }
    static func cInit(_ message: UnsafeMutablePointer<Synchealth__V1__GetRetryJobRequest>) {
        synchealth__v1__get_retry_job_request__init(message)
    }
    static var cFunctions: CFunctions<Synchealth__V1__GetRetryJobRequest> {
        CFunctions(
            packedSize: synchealth__v1__get_retry_job_request__get_packed_size,
            pack: synchealth__v1__get_retry_job_request__pack,
            unpack: synchealth__v1__get_retry_job_request__unpack,
            freeUnpacked: synchealth__v1__get_retry_job_request__free_unpacked)
    }

    init(cMessage c: UnsafePointer<Synchealth__V1__GetRetryJobRequest>) throws(WireError) {
        self.init(jobId: try CString.read(c.pointee.job_id, field: "job_id"))
    }

    func fill(_ c: inout Synchealth__V1__GetRetryJobRequest, arena: CArena) {
        c.job_id = arena.string(jobId)
    }
}

extension GetRetryJobResponse: WireMessage, ProtobufCBacked {
    /// Decodes with protobuf-c; throws `WireError` on bytes that are not a valid encoding.
    public init(serializedBytes bytes: [UInt8]) throws { try self.init(protobufCBytes: bytes) }
    /// Encodes with protobuf-c.
    public func serializedBytes() -> [UInt8] { protobufCBytes() }

    static var protoName: String { "synchealth.v1.GetRetryJobResponse" }
    static func cInit(_ message: UnsafeMutablePointer<Synchealth__V1__GetRetryJobResponse>) {
        synchealth__v1__get_retry_job_response__init(message)
    }
    static var cFunctions: CFunctions<Synchealth__V1__GetRetryJobResponse> {
        CFunctions(
            packedSize: synchealth__v1__get_retry_job_response__get_packed_size,
            pack: synchealth__v1__get_retry_job_response__pack,
            unpack: synchealth__v1__get_retry_job_response__unpack,
            freeUnpacked: synchealth__v1__get_retry_job_response__free_unpacked)
    }

    init(cMessage c: UnsafePointer<Synchealth__V1__GetRetryJobResponse>) throws(WireError) {
        self.init(job: try CField.message(c.pointee.job, field: "job"))
    }

    func fill(_ c: inout Synchealth__V1__GetRetryJobResponse, arena: CArena) {
        c.job = arena.optionalMessage(job)
    }
}

extension ListRetryJobsRequest: WireMessage, ProtobufCBacked {
    /// Decodes with protobuf-c; throws `WireError` on bytes that are not a valid encoding.
    public init(serializedBytes bytes: [UInt8]) throws { try self.init(protobufCBytes: bytes) }
    /// Encodes with protobuf-c.
    public func serializedBytes() -> [UInt8] { protobufCBytes() }

    static var protoName: String { "synchealth.v1.ListRetryJobsRequest" }
    static func cInit(_ message: UnsafeMutablePointer<Synchealth__V1__ListRetryJobsRequest>) {
        synchealth__v1__list_retry_jobs_request__init(message)
    }
    static var cFunctions: CFunctions<Synchealth__V1__ListRetryJobsRequest> {
        CFunctions(
            packedSize: synchealth__v1__list_retry_jobs_request__get_packed_size,
            pack: synchealth__v1__list_retry_jobs_request__pack,
            unpack: synchealth__v1__list_retry_jobs_request__unpack,
            freeUnpacked: synchealth__v1__list_retry_jobs_request__free_unpacked)
    }

    init(cMessage c: UnsafePointer<Synchealth__V1__ListRetryJobsRequest>) throws(WireError) {
        self.init(
            states: CField.enums(count: c.pointee.n_states, c.pointee.states),
            syncId: try CString.read(c.pointee.sync_id, field: "sync_id"),
            pageSize: c.pointee.page_size,
            pageToken: try CString.read(c.pointee.page_token, field: "page_token"))
    }

    func fill(_ c: inout Synchealth__V1__ListRetryJobsRequest, arena: CArena) {
        (c.n_states, c.states) = arena.enums(states)
        c.sync_id = arena.string(syncId)
        c.page_size = pageSize
        c.page_token = arena.string(pageToken)
    }
}

extension ListRetryJobsResponse: WireMessage, ProtobufCBacked {
    /// Decodes with protobuf-c; throws `WireError` on bytes that are not a valid encoding.
    public init(serializedBytes bytes: [UInt8]) throws { try self.init(protobufCBytes: bytes) }
    /// Encodes with protobuf-c.
    public func serializedBytes() -> [UInt8] { protobufCBytes() }

    static var protoName: String { "synchealth.v1.ListRetryJobsResponse" }
    static func cInit(_ message: UnsafeMutablePointer<Synchealth__V1__ListRetryJobsResponse>) {
        synchealth__v1__list_retry_jobs_response__init(message)
    }
    static var cFunctions: CFunctions<Synchealth__V1__ListRetryJobsResponse> {
        CFunctions(
            packedSize: synchealth__v1__list_retry_jobs_response__get_packed_size,
            pack: synchealth__v1__list_retry_jobs_response__pack,
            unpack: synchealth__v1__list_retry_jobs_response__unpack,
            freeUnpacked: synchealth__v1__list_retry_jobs_response__free_unpacked)
    }

    init(cMessage c: UnsafePointer<Synchealth__V1__ListRetryJobsResponse>) throws(WireError) {
        self.init(
            jobs: try CField.messages(count: c.pointee.n_jobs, c.pointee.jobs, field: "jobs"),
            nextPageToken: try CString.read(c.pointee.next_page_token, field: "next_page_token"))
    }

    func fill(_ c: inout Synchealth__V1__ListRetryJobsResponse, arena: CArena) {
        (c.n_jobs, c.jobs) = arena.messages(jobs)
        c.next_page_token = arena.string(nextPageToken)
    }
}

extension CancelRetryJobRequest: WireMessage, ProtobufCBacked {
    /// Decodes with protobuf-c; throws `WireError` on bytes that are not a valid encoding.
    public init(serializedBytes bytes: [UInt8]) throws { try self.init(protobufCBytes: bytes) }
    /// Encodes with protobuf-c.
    public func serializedBytes() -> [UInt8] { protobufCBytes() }

    static var protoName: String { "synchealth.v1.CancelRetryJobRequest" }
    static func cInit(_ message: UnsafeMutablePointer<Synchealth__V1__CancelRetryJobRequest>) {
        synchealth__v1__cancel_retry_job_request__init(message)
    }
    static var cFunctions: CFunctions<Synchealth__V1__CancelRetryJobRequest> {
        CFunctions(
            packedSize: synchealth__v1__cancel_retry_job_request__get_packed_size,
            pack: synchealth__v1__cancel_retry_job_request__pack,
            unpack: synchealth__v1__cancel_retry_job_request__unpack,
            freeUnpacked: synchealth__v1__cancel_retry_job_request__free_unpacked)
    }

    init(cMessage c: UnsafePointer<Synchealth__V1__CancelRetryJobRequest>) throws(WireError) {
        self.init(
            jobId: try CString.read(c.pointee.job_id, field: "job_id"),
            reason: try CString.read(c.pointee.reason, field: "reason"))
    }

    func fill(_ c: inout Synchealth__V1__CancelRetryJobRequest, arena: CArena) {
        c.job_id = arena.string(jobId)
        c.reason = arena.string(reason)
    }
}

extension CancelRetryJobResponse: WireMessage, ProtobufCBacked {
    /// Decodes with protobuf-c; throws `WireError` on bytes that are not a valid encoding.
    public init(serializedBytes bytes: [UInt8]) throws { try self.init(protobufCBytes: bytes) }
    /// Encodes with protobuf-c.
    public func serializedBytes() -> [UInt8] { protobufCBytes() }

    static var protoName: String { "synchealth.v1.CancelRetryJobResponse" }
    static func cInit(_ message: UnsafeMutablePointer<Synchealth__V1__CancelRetryJobResponse>) {
        synchealth__v1__cancel_retry_job_response__init(message)
    }
    static var cFunctions: CFunctions<Synchealth__V1__CancelRetryJobResponse> {
        CFunctions(
            packedSize: synchealth__v1__cancel_retry_job_response__get_packed_size,
            pack: synchealth__v1__cancel_retry_job_response__pack,
            unpack: synchealth__v1__cancel_retry_job_response__unpack,
            freeUnpacked: synchealth__v1__cancel_retry_job_response__free_unpacked)
    }

    init(cMessage c: UnsafePointer<Synchealth__V1__CancelRetryJobResponse>) throws(WireError) {
        self.init(job: try CField.message(c.pointee.job, field: "job"))
    }

    func fill(_ c: inout Synchealth__V1__CancelRetryJobResponse, arena: CArena) {
        c.job = arena.optionalMessage(job)
    }
}
