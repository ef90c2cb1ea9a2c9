// protobuf-c codecs for proto/synchealth/v1/alerts.proto.
import CSyncHealthProto

extension AlertRule: WireMessage, ProtobufCBacked {
    /// Decodes with protobuf-c; throws `WireError` on bytes that are not a valid encoding.
    public init(serializedBytes bytes: [UInt8]) throws { try self.init(protobufCBytes: bytes) }
    /// Encodes with protobuf-c.
    public func serializedBytes() -> [UInt8] { protobufCBytes() }

    static var protoName: String { "synchealth.v1.AlertRule" }
    static func cInit(_ message: UnsafeMutablePointer<Synchealth__V1__AlertRule>) {
        synchealth__v1__alert_rule__init(message)
    }
    static var cFunctions: CFunctions<Synchealth__V1__AlertRule> {
        CFunctions(
            packedSize: synchealth__v1__alert_rule__get_packed_size,
            pack: synchealth__v1__alert_rule__pack,
            unpack: synchealth__v1__alert_rule__unpack,
            freeUnpacked: synchealth__v1__alert_rule__free_unpacked)
    }

    init(cMessage c: UnsafePointer<Synchealth__V1__AlertRule>) throws(WireError) {
        self.init(
            ruleId: try CString.read(c.pointee.rule_id, field: "rule_id"),
            name: try CString.read(c.pointee.name, field: "name"),
            kind: AlertKind(cValue: c.pointee.kind),
            webhookUrl: try CString.read(c.pointee.webhook_url, field: "webhook_url"),
            companyId: try CString.read(c.pointee.company_id, field: "company_id"),
            statusCodes: CField.enums(count: c.pointee.n_status_codes, c.pointee.status_codes),
            threshold: c.pointee.threshold,
            windowMs: c.pointee.window_ms,
            targetPlatform: try CString.read(c.pointee.target_platform, field: "target_platform"),
            failureRatePercent: c.pointee.failure_rate_percent,
            minimumSyncs: c.pointee.minimum_syncs,
            createdAtMs: c.pointee.created_at_ms,
            createdBy: try CString.read(c.pointee.created_by, field: "created_by"))
    }

    func fill(_ c: inout Synchealth__V1__AlertRule, arena: CArena) {
        c.rule_id = arena.string(ruleId)
        c.name = arena.string(name)
        c.kind = kind.cValue()
        c.webhook_url = arena.string(webhookUrl)
        c.company_id = arena.string(companyId)
        (c.n_status_codes, c.status_codes) = arena.enums(statusCodes)
        c.threshold = threshold
        c.window_ms = windowMs
        c.target_platform = arena.string(targetPlatform)
        c.failure_rate_percent = failureRatePercent
        c.minimum_syncs = minimumSyncs
        c.created_at_ms = createdAtMs
        c.created_by = arena.string(createdBy)
    }
}

extension CreateAlertRuleRequest: WireMessage, ProtobufCBacked {
    /// Decodes with protobuf-c; throws `WireError` on bytes that are not a valid encoding.
    public init(serializedBytes bytes: [UInt8]) throws { try self.init(protobufCBytes: bytes) }
    /// Encodes with protobuf-c.
    public func serializedBytes() -> [UInt8] { protobufCBytes() }

    static var protoName: String { "synchealth.v1.CreateAlertRuleRequest" }
    static func cInit(_ message: UnsafeMutablePointer<Synchealth__V1__CreateAlertRuleRequest>) {
        synchealth__v1__create_alert_rule_request__init(message)
    }
    static var cFunctions: CFunctions<Synchealth__V1__CreateAlertRuleRequest> {
        CFunctions(
            packedSize: synchealth__v1__create_alert_rule_request__get_packed_size,
            pack: synchealth__v1__create_alert_rule_request__pack,
            unpack: synchealth__v1__create_alert_rule_request__unpack,
            freeUnpacked: synchealth__v1__create_alert_rule_request__free_unpacked)
    }

    init(cMessage c: UnsafePointer<Synchealth__V1__CreateAlertRuleRequest>) throws(WireError) {
        self.init(
            rule: try CField.message(c.pointee.rule, field: "rule"))
    }

    func fill(_ c: inout Synchealth__V1__CreateAlertRuleRequest, arena: CArena) {
        c.rule = arena.optionalMessage(rule)
    }
}

extension CreateAlertRuleResponse: WireMessage, ProtobufCBacked {
    /// Decodes with protobuf-c; throws `WireError` on bytes that are not a valid encoding.
    public init(serializedBytes bytes: [UInt8]) throws { try self.init(protobufCBytes: bytes) }
    /// Encodes with protobuf-c.
    public func serializedBytes() -> [UInt8] { protobufCBytes() }

    static var protoName: String { "synchealth.v1.CreateAlertRuleResponse" }
    static func cInit(_ message: UnsafeMutablePointer<Synchealth__V1__CreateAlertRuleResponse>) {
        synchealth__v1__create_alert_rule_response__init(message)
    }
    static var cFunctions: CFunctions<Synchealth__V1__CreateAlertRuleResponse> {
        CFunctions(
            packedSize: synchealth__v1__create_alert_rule_response__get_packed_size,
            pack: synchealth__v1__create_alert_rule_response__pack,
            unpack: synchealth__v1__create_alert_rule_response__unpack,
            freeUnpacked: synchealth__v1__create_alert_rule_response__free_unpacked)
    }

    init(cMessage c: UnsafePointer<Synchealth__V1__CreateAlertRuleResponse>) throws(WireError) {
        self.init(
            rule: try CField.message(c.pointee.rule, field: "rule"),
            signingSecret: try CString.read(c.pointee.signing_secret, field: "signing_secret"))
    }

    func fill(_ c: inout Synchealth__V1__CreateAlertRuleResponse, arena: CArena) {
        c.rule = arena.optionalMessage(rule)
        c.signing_secret = arena.string(signingSecret)
    }
}

extension ListAlertRulesRequest: WireMessage, ProtobufCBacked {
    /// Decodes with protobuf-c; throws `WireError` on bytes that are not a valid encoding.
    public init(serializedBytes bytes: [UInt8]) throws { try self.init(protobufCBytes: bytes) }
    /// Encodes with protobuf-c.
    public func serializedBytes() -> [UInt8] { protobufCBytes() }

    static var protoName: String { "synchealth.v1.ListAlertRulesRequest" }
    static func cInit(_ message: UnsafeMutablePointer<Synchealth__V1__ListAlertRulesRequest>) {
        synchealth__v1__list_alert_rules_request__init(message)
    }
    static var cFunctions: CFunctions<Synchealth__V1__ListAlertRulesRequest> {
        CFunctions(
            packedSize: synchealth__v1__list_alert_rules_request__get_packed_size,
            pack: synchealth__v1__list_alert_rules_request__pack,
            unpack: synchealth__v1__list_alert_rules_request__unpack,
            freeUnpacked: synchealth__v1__list_alert_rules_request__free_unpacked)
    }

    init(cMessage c: UnsafePointer<Synchealth__V1__ListAlertRulesRequest>) throws(WireError) {
        self.init()
    }

    func fill(_ c: inout Synchealth__V1__ListAlertRulesRequest, arena: CArena) {
    }
}

extension ListAlertRulesResponse: WireMessage, ProtobufCBacked {
    /// Decodes with protobuf-c; throws `WireError` on bytes that are not a valid encoding.
    public init(serializedBytes bytes: [UInt8]) throws { try self.init(protobufCBytes: bytes) }
    /// Encodes with protobuf-c.
    public func serializedBytes() -> [UInt8] { protobufCBytes() }

    static var protoName: String { "synchealth.v1.ListAlertRulesResponse" }
    static func cInit(_ message: UnsafeMutablePointer<Synchealth__V1__ListAlertRulesResponse>) {
        synchealth__v1__list_alert_rules_response__init(message)
    }
    static var cFunctions: CFunctions<Synchealth__V1__ListAlertRulesResponse> {
        CFunctions(
            packedSize: synchealth__v1__list_alert_rules_response__get_packed_size,
            pack: synchealth__v1__list_alert_rules_response__pack,
            unpack: synchealth__v1__list_alert_rules_response__unpack,
            freeUnpacked: synchealth__v1__list_alert_rules_response__free_unpacked)
    }

    init(cMessage c: UnsafePointer<Synchealth__V1__ListAlertRulesResponse>) throws(WireError) {
        self.init(
            rules: try CField.messages(count: c.pointee.n_rules, c.pointee.rules, field: "rules"))
    }

    func fill(_ c: inout Synchealth__V1__ListAlertRulesResponse, arena: CArena) {
        (c.n_rules, c.rules) = arena.messages(rules)
    }
}

extension DeleteAlertRuleRequest: WireMessage, ProtobufCBacked {
    /// Decodes with protobuf-c; throws `WireError` on bytes that are not a valid encoding.
    public init(serializedBytes bytes: [UInt8]) throws { try self.init(protobufCBytes: bytes) }
    /// Encodes with protobuf-c.
    public func serializedBytes() -> [UInt8] { protobufCBytes() }

    static var protoName: String { "synchealth.v1.DeleteAlertRuleRequest" }
    static func cInit(_ message: UnsafeMutablePointer<Synchealth__V1__DeleteAlertRuleRequest>) {
        synchealth__v1__delete_alert_rule_request__init(message)
    }
    static var cFunctions: CFunctions<Synchealth__V1__DeleteAlertRuleRequest> {
        CFunctions(
            packedSize: synchealth__v1__delete_alert_rule_request__get_packed_size,
            pack: synchealth__v1__delete_alert_rule_request__pack,
            unpack: synchealth__v1__delete_alert_rule_request__unpack,
            freeUnpacked: synchealth__v1__delete_alert_rule_request__free_unpacked)
    }

    init(cMessage c: UnsafePointer<Synchealth__V1__DeleteAlertRuleRequest>) throws(WireError) {
        self.init(
            ruleId: try CString.read(c.pointee.rule_id, field: "rule_id"))
    }

    func fill(_ c: inout Synchealth__V1__DeleteAlertRuleRequest, arena: CArena) {
        c.rule_id = arena.string(ruleId)
    }
}

extension DeleteAlertRuleResponse: WireMessage, ProtobufCBacked {
    /// Decodes with protobuf-c; throws `WireError` on bytes that are not a valid encoding.
    public init(serializedBytes bytes: [UInt8]) throws { try self.init(protobufCBytes: bytes) }
    /// Encodes with protobuf-c.
    public func serializedBytes() -> [UInt8] { protobufCBytes() }

    static var protoName: String { "synchealth.v1.DeleteAlertRuleResponse" }
    static func cInit(_ message: UnsafeMutablePointer<Synchealth__V1__DeleteAlertRuleResponse>) {
        synchealth__v1__delete_alert_rule_response__init(message)
    }
    static var cFunctions: CFunctions<Synchealth__V1__DeleteAlertRuleResponse> {
        CFunctions(
            packedSize: synchealth__v1__delete_alert_rule_response__get_packed_size,
            pack: synchealth__v1__delete_alert_rule_response__pack,
            unpack: synchealth__v1__delete_alert_rule_response__unpack,
            freeUnpacked: synchealth__v1__delete_alert_rule_response__free_unpacked)
    }

    init(cMessage c: UnsafePointer<Synchealth__V1__DeleteAlertRuleResponse>) throws(WireError) {
        self.init(
            deliveriesDropped: c.pointee.deliveries_dropped)
    }

    func fill(_ c: inout Synchealth__V1__DeleteAlertRuleResponse, arena: CArena) {
        c.deliveries_dropped = deliveriesDropped
    }
}

extension AlertDelivery: WireMessage, ProtobufCBacked {
    /// Decodes with protobuf-c; throws `WireError` on bytes that are not a valid encoding.
    public init(serializedBytes bytes: [UInt8]) throws { try self.init(protobufCBytes: bytes) }
    /// Encodes with protobuf-c.
    public func serializedBytes() -> [UInt8] { protobufCBytes() }

    static var protoName: String { "synchealth.v1.AlertDelivery" }
    static func cInit(_ message: UnsafeMutablePointer<Synchealth__V1__AlertDelivery>) {
        synchealth__v1__alert_delivery__init(message)
    }
    static var cFunctions: CFunctions<Synchealth__V1__AlertDelivery> {
        CFunctions(
            packedSize: synchealth__v1__alert_delivery__get_packed_size,
            pack: synchealth__v1__alert_delivery__pack,
            unpack: synchealth__v1__alert_delivery__unpack,
            freeUnpacked: synchealth__v1__alert_delivery__free_unpacked)
    }

    init(cMessage c: UnsafePointer<Synchealth__V1__AlertDelivery>) throws(WireError) {
        self.init(
            deliveryId: try CString.read(c.pointee.delivery_id, field: "delivery_id"),
            ruleId: try CString.read(c.pointee.rule_id, field: "rule_id"),
            kind: AlertKind(cValue: c.pointee.kind),
            event: try CString.read(c.pointee.event, field: "event"),
            state: AlertDeliveryState(cValue: c.pointee.state),
            attempts: c.pointee.attempts,
            lastHttpStatus: c.pointee.last_http_status,
            lastError: try CString.read(c.pointee.last_error, field: "last_error"),
            createdAtMs: c.pointee.created_at_ms,
            nextAttemptAtMs: c.pointee.next_attempt_at_ms,
            deliveredAtMs: c.pointee.delivered_at_ms,
            payloadJson: try CString.read(c.pointee.payload_json, field: "payload_json"))
    }

    func fill(_ c: inout Synchealth__V1__AlertDelivery, arena: CArena) {
        c.delivery_id = arena.string(deliveryId)
        c.rule_id = arena.string(ruleId)
        c.kind = kind.cValue()
        c.event = arena.string(event)
        c.state = state.cValue()
        c.attempts = attempts
        c.last_http_status = lastHttpStatus
        c.last_error = arena.string(lastError)
        c.created_at_ms = createdAtMs
        c.next_attempt_at_ms = nextAttemptAtMs
        c.delivered_at_ms = deliveredAtMs
        c.payload_json = arena.string(payloadJson)
    }
}

extension ListAlertDeliveriesRequest: WireMessage, ProtobufCBacked {
    /// Decodes with protobuf-c; throws `WireError` on bytes that are not a valid encoding.
    public init(serializedBytes bytes: [UInt8]) throws { try self.init(protobufCBytes: bytes) }
    /// Encodes with protobuf-c.
    public func serializedBytes() -> [UInt8] { protobufCBytes() }

    static var protoName: String { "synchealth.v1.ListAlertDeliveriesRequest" }
    static func cInit(_ message: UnsafeMutablePointer<Synchealth__V1__ListAlertDeliveriesRequest>) {
        synchealth__v1__list_alert_deliveries_request__init(message)
    }
    static var cFunctions: CFunctions<Synchealth__V1__ListAlertDeliveriesRequest> {
        CFunctions(
            packedSize: synchealth__v1__list_alert_deliveries_request__get_packed_size,
            pack: synchealth__v1__list_alert_deliveries_request__pack,
            unpack: synchealth__v1__list_alert_deliveries_request__unpack,
            freeUnpacked: synchealth__v1__list_alert_deliveries_request__free_unpacked)
    }

    init(cMessage c: UnsafePointer<Synchealth__V1__ListAlertDeliveriesRequest>) throws(WireError) {
        self.init(
            ruleId: try CString.read(c.pointee.rule_id, field: "rule_id"),
            states: CField.enums(count: c.pointee.n_states, c.pointee.states),
            pageSize: c.pointee.page_size,
            pageToken: try CString.read(c.pointee.page_token, field: "page_token"))
    }

    func fill(_ c: inout Synchealth__V1__ListAlertDeliveriesRequest, arena: CArena) {
        c.rule_id = arena.string(ruleId)
        (c.n_states, c.states) = arena.enums(states)
        c.page_size = pageSize
        c.page_token = arena.string(pageToken)
    }
}

extension ListAlertDeliveriesResponse: WireMessage, ProtobufCBacked {
    /// Decodes with protobuf-c; throws `WireError` on bytes that are not a valid encoding.
    public init(serializedBytes bytes: [UInt8]) throws { try self.init(protobufCBytes: bytes) }
    /// Encodes with protobuf-c.
    public func serializedBytes() -> [UInt8] { protobufCBytes() }

    static var protoName: String { "synchealth.v1.ListAlertDeliveriesResponse" }
    static func cInit(_ message: UnsafeMutablePointer<Synchealth__V1__ListAlertDeliveriesResponse>) {
        synchealth__v1__list_alert_deliveries_response__init(message)
    }
    static var cFunctions: CFunctions<Synchealth__V1__ListAlertDeliveriesResponse> {
        CFunctions(
            packedSize: synchealth__v1__list_alert_deliveries_response__get_packed_size,
            pack: synchealth__v1__list_alert_deliveries_response__pack,
            unpack: synchealth__v1__list_alert_deliveries_response__unpack,
            freeUnpacked: synchealth__v1__list_alert_deliveries_response__free_unpacked)
    }

    init(cMessage c: UnsafePointer<Synchealth__V1__ListAlertDeliveriesResponse>) throws(WireError) {
        self.init(
            deliveries: try CField.messages(count: c.pointee.n_deliveries, c.pointee.deliveries, field: "deliveries"),
            nextPageToken: try CString.read(c.pointee.next_page_token, field: "next_page_token"))
    }

    func fill(_ c: inout Synchealth__V1__ListAlertDeliveriesResponse, arena: CArena) {
        (c.n_deliveries, c.deliveries) = arena.messages(deliveries)
        c.next_page_token = arena.string(nextPageToken)
    }
}

extension AlertKind: WireEnum {}
extension AlertDeliveryState: WireEnum {}
extension Synchealth__V1__AlertKind: CEnum {}
extension Synchealth__V1__AlertDeliveryState: CEnum {}
