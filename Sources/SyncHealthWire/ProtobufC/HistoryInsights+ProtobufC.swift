// protobuf-c codecs for proto/synchealth/v1/history.proto: error groups
// (ListErrorGroups) and the GetSyncConfig configuration diff.
import CSyncHealthProto

extension ConfigChange: WireMessage, ProtobufCBacked {
    /// Decodes with protobuf-c; throws `WireError` on bytes that are not a valid encoding.
    public init(serializedBytes bytes: [UInt8]) throws { try self.init(protobufCBytes: bytes) }
    /// Encodes with protobuf-c.
    public func serializedBytes() -> [UInt8] { protobufCBytes() }

    static var protoName: String { "synchealth.v1.ConfigChange" }
    static func cInit(_ message: UnsafeMutablePointer<Synchealth__V1__ConfigChange>) {
        synchealth__v1__config_change__init(message)
    }
    static var cFunctions: CFunctions<Synchealth__V1__ConfigChange> {
        CFunctions(
            packedSize: synchealth__v1__config_change__get_packed_size,
            pack: synchealth__v1__config_change__pack,
            unpack: synchealth__v1__config_change__unpack,
            freeUnpacked: synchealth__v1__config_change__free_unpacked)
    }

    init(cMessage c: UnsafePointer<Synchealth__V1__ConfigChange>) throws(WireError) {
        self.init(
            path: try CString.read(c.pointee.path, field: "path"),
            kind: ConfigChangeKind(cValue: c.pointee.kind),
            oldValue: try CString.read(c.pointee.old_value, field: "old_value"),
            newValue: try CString.read(c.pointee.new_value, field: "new_value"))
    }

    func fill(_ c: inout Synchealth__V1__ConfigChange, arena: CArena) {
        c.path = arena.string(path)
        c.kind = kind.cValue()
        c.old_value = arena.string(oldValue)
        c.new_value = arena.string(newValue)
    }
}

extension ConfigDiff: WireMessage, ProtobufCBacked {
    /// Decodes with protobuf-c; throws `WireError` on bytes that are not a valid encoding.
    public init(serializedBytes bytes: [UInt8]) throws { try self.init(protobufCBytes: bytes) }
    /// Encodes with protobuf-c.
    public func serializedBytes() -> [UInt8] { protobufCBytes() }

    static var protoName: String { "synchealth.v1.ConfigDiff" }
    static func cInit(_ message: UnsafeMutablePointer<Synchealth__V1__ConfigDiff>) {
        synchealth__v1__config_diff__init(message)
    }
    static var cFunctions: CFunctions<Synchealth__V1__ConfigDiff> {
        CFunctions(
            packedSize: synchealth__v1__config_diff__get_packed_size,
            pack: synchealth__v1__config_diff__pack,
            unpack: synchealth__v1__config_diff__unpack,
            freeUnpacked: synchealth__v1__config_diff__free_unpacked)
    }

    init(cMessage c: UnsafePointer<Synchealth__V1__ConfigDiff>) throws(WireError) {
        self.init(
            state: ConfigDiffState(cValue: c.pointee.state),
            baselineSyncId: try CString.read(c.pointee.baseline_sync_id, field: "baseline_sync_id"),
            baselineStartedAtMs: c.pointee.baseline_started_at_ms,
            baselineConfigHash: try CString.read(c.pointee.baseline_config_hash, field: "baseline_config_hash"),
            changes: try CField.messages(count: c.pointee.n_changes, c.pointee.changes, field: "changes"),
            comparedAsText: CField.bool(c.pointee.compared_as_text),
            truncated: CField.bool(c.pointee.truncated))
    }

    func fill(_ c: inout Synchealth__V1__ConfigDiff, arena: CArena) {
        c.state = state.cValue()
        c.baseline_sync_id = arena.string(baselineSyncId)
        c.baseline_started_at_ms = baselineStartedAtMs
        c.baseline_config_hash = arena.string(baselineConfigHash)
        (c.n_changes, c.changes) = arena.messages(changes)
        c.compared_as_text = comparedAsText.cBoolean
        c.truncated = truncated.cBoolean
    }
}

extension ListErrorGroupsRequest: WireMessage, ProtobufCBacked {
    /// Decodes with protobuf-c; throws `WireError` on bytes that are not a valid encoding.
    public init(serializedBytes bytes: [UInt8]) throws { try self.init(protobufCBytes: bytes) }
    /// Encodes with protobuf-c.
    public func serializedBytes() -> [UInt8] { protobufCBytes() }

    static var protoName: String { "synchealth.v1.ListErrorGroupsRequest" }
    static func cInit(_ message: UnsafeMutablePointer<Synchealth__V1__ListErrorGroupsRequest>) {
        synchealth__v1__list_error_groups_request__init(message)
    }
    static var cFunctions: CFunctions<Synchealth__V1__ListErrorGroupsRequest> {
        CFunctions(
            packedSize: synchealth__v1__list_error_groups_request__get_packed_size,
            pack: synchealth__v1__list_error_groups_request__pack,
            unpack: synchealth__v1__list_error_groups_request__unpack,
            freeUnpacked: synchealth__v1__list_error_groups_request__free_unpacked)
    }

    init(cMessage c: UnsafePointer<Synchealth__V1__ListErrorGroupsRequest>) throws(WireError) {
        self.init(
            startedFromMs: c.pointee.started_from_ms,
            startedToMs: c.pointee.started_to_ms,
            companyId: try CString.read(c.pointee.company_id, field: "company_id"),
            targetPlatform: try CString.read(c.pointee.target_platform, field: "target_platform"),
            product: Product(cValue: c.pointee.product),
            sourcePlatform: try CString.read(c.pointee.source_platform, field: "source_platform"),
            pageSize: c.pointee.page_size,
            pageToken: try CString.read(c.pointee.page_token, field: "page_token"))
    }

    func fill(_ c: inout Synchealth__V1__ListErrorGroupsRequest, arena: CArena) {
        c.started_from_ms = startedFromMs
        c.started_to_ms = startedToMs
        c.company_id = arena.string(companyId)
        c.target_platform = arena.string(targetPlatform)
        c.product = product.cValue()
        c.source_platform = arena.string(sourcePlatform)
        c.page_size = pageSize
        c.page_token = arena.string(pageToken)
    }
}

extension PlatformCount: WireMessage, ProtobufCBacked {
    /// Decodes with protobuf-c; throws `WireError` on bytes that are not a valid encoding.
    public init(serializedBytes bytes: [UInt8]) throws { try self.init(protobufCBytes: bytes) }
    /// Encodes with protobuf-c.
    public func serializedBytes() -> [UInt8] { protobufCBytes() }

    static var protoName: String { "synchealth.v1.PlatformCount" }
    static func cInit(_ message: UnsafeMutablePointer<Synchealth__V1__PlatformCount>) {
        synchealth__v1__platform_count__init(message)
    }
    static var cFunctions: CFunctions<Synchealth__V1__PlatformCount> {
        CFunctions(
            packedSize: synchealth__v1__platform_count__get_packed_size,
            pack: synchealth__v1__platform_count__pack,
            unpack: synchealth__v1__platform_count__unpack,
            freeUnpacked: synchealth__v1__platform_count__free_unpacked)
    }

    init(cMessage c: UnsafePointer<Synchealth__V1__PlatformCount>) throws(WireError) {
        self.init(platform: try CString.read(c.pointee.platform, field: "platform"), count: c.pointee.count)
    }

    func fill(_ c: inout Synchealth__V1__PlatformCount, arena: CArena) {
        c.platform = arena.string(platform)
        c.count = count
    }
}

extension ErrorGroup: WireMessage, ProtobufCBacked {
    /// Decodes with protobuf-c; throws `WireError` on bytes that are not a valid encoding.
    public init(serializedBytes bytes: [UInt8]) throws { try self.init(protobufCBytes: bytes) }
    /// Encodes with protobuf-c.
    public func serializedBytes() -> [UInt8] { protobufCBytes() }

    static var protoName: String { "synchealth.v1.ErrorGroup" }
    static func cInit(_ message: UnsafeMutablePointer<Synchealth__V1__ErrorGroup>) {
        synchealth__v1__error_group__init(message)
    }
    static var cFunctions: CFunctions<Synchealth__V1__ErrorGroup> {
        CFunctions(
            packedSize: synchealth__v1__error_group__get_packed_size,
            pack: synchealth__v1__error_group__pack,
            unpack: synchealth__v1__error_group__unpack,
            freeUnpacked: synchealth__v1__error_group__free_unpacked)
    }

    init(cMessage c: UnsafePointer<Synchealth__V1__ErrorGroup>) throws(WireError) {
        self.init(
            groupId: try CString.read(c.pointee.group_id, field: "group_id"),
            fingerprint: try CString.read(c.pointee.fingerprint, field: "fingerprint"),
            count: c.pointee.count,
            firstSeenMs: c.pointee.first_seen_ms,
            lastSeenMs: c.pointee.last_seen_ms,
            companiesAffected: c.pointee.companies_affected,
            exampleMessage: try CString.read(c.pointee.example_message, field: "example_message"),
            exampleSyncIds: try CString.read(
                count: c.pointee.n_example_sync_ids, c.pointee.example_sync_ids, field: "example_sync_ids"),
            syncsAffected: c.pointee.syncs_affected,
            itemOccurrences: c.pointee.item_occurrences,
            topTargetPlatforms: try CField.messages(
                count: c.pointee.n_top_target_platforms, c.pointee.top_target_platforms, field: "top_target_platforms"))
    }

    func fill(_ c: inout Synchealth__V1__ErrorGroup, arena: CArena) {
        c.group_id = arena.string(groupId)
        c.fingerprint = arena.string(fingerprint)
        c.count = count
        c.first_seen_ms = firstSeenMs
        c.last_seen_ms = lastSeenMs
        c.companies_affected = companiesAffected
        c.example_message = arena.string(exampleMessage)
        (c.n_example_sync_ids, c.example_sync_ids) = arena.strings(exampleSyncIds)
        c.syncs_affected = syncsAffected
        c.item_occurrences = itemOccurrences
        (c.n_top_target_platforms, c.top_target_platforms) = arena.messages(topTargetPlatforms)
    }
}

extension ListErrorGroupsResponse: WireMessage, ProtobufCBacked {
    /// Decodes with protobuf-c; throws `WireError` on bytes that are not a valid encoding.
    public init(serializedBytes bytes: [UInt8]) throws { try self.init(protobufCBytes: bytes) }
    /// Encodes with protobuf-c.
    public func serializedBytes() -> [UInt8] { protobufCBytes() }

    static var protoName: String { "synchealth.v1.ListErrorGroupsResponse" }
    static func cInit(_ message: UnsafeMutablePointer<Synchealth__V1__ListErrorGroupsResponse>) {
        synchealth__v1__list_error_groups_response__init(message)
    }
    static var cFunctions: CFunctions<Synchealth__V1__ListErrorGroupsResponse> {
        CFunctions(
            packedSize: synchealth__v1__list_error_groups_response__get_packed_size,
            pack: synchealth__v1__list_error_groups_response__pack,
            unpack: synchealth__v1__list_error_groups_response__unpack,
            freeUnpacked: synchealth__v1__list_error_groups_response__free_unpacked)
    }

    init(cMessage c: UnsafePointer<Synchealth__V1__ListErrorGroupsResponse>) throws(WireError) {
        self.init(
            groups: try CField.messages(count: c.pointee.n_groups, c.pointee.groups, field: "groups"),
            nextPageToken: try CString.read(c.pointee.next_page_token, field: "next_page_token"))
    }

    func fill(_ c: inout Synchealth__V1__ListErrorGroupsResponse, arena: CArena) {
        (c.n_groups, c.groups) = arena.messages(groups)
        c.next_page_token = arena.string(nextPageToken)
    }
}
