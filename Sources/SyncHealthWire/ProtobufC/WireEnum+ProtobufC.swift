import CSyncHealthProto

/// A Swift proto enum: a case per known number plus `.unrecognized(Int32)`.
protocol WireEnum {
    init(rawValue: Int32)
    var rawValue: Int32 { get }
}

/// A protoc-c enum as Swift imports it: a struct over the C enum's storage.
/// protobuf-c reads and writes enum fields as `int32_t`, so the bit pattern
/// is the wire number, negative numbers included.
protocol CEnum {
    init(rawValue: UInt32)
    var rawValue: UInt32 { get }
}

extension WireEnum {
    /// The case for a C enum value; numbers this version does not know
    /// become `.unrecognized` (protobuf-c passes them through unchecked).
    init<C: CEnum>(cValue: C) {
        self.init(rawValue: Int32(bitPattern: cValue.rawValue))
    }

    /// The C enum value; `.unrecognized(n)` encodes as `n`.
    func cValue<C: CEnum>() -> C {
        C(rawValue: UInt32(bitPattern: rawValue))
    }
}

extension StatusCode: WireEnum {}
extension ServingStatus: WireEnum {}
extension SyncStatusCode: WireEnum {}
extension StatusCategory: WireEnum {}
extension Product: WireEnum {}
extension PushItemStatus: WireEnum {}
extension AttemptTrigger: WireEnum {}
extension RetryJobState: WireEnum {}
extension SyncSortField: WireEnum {}
extension SortOrder: WireEnum {}
extension SkipReason: WireEnum {}
extension PushOutcome: WireEnum {}
extension ConfigChangeKind: WireEnum {}
extension ConfigDiffState: WireEnum {}

extension Synchealth__V1__StatusCode: CEnum {}
extension Synchealth__V1__ServingStatus: CEnum {}
extension Synchealth__V1__SyncStatusCode: CEnum {}
extension Synchealth__V1__StatusCategory: CEnum {}
extension Synchealth__V1__Product: CEnum {}
extension Synchealth__V1__PushItemStatus: CEnum {}
extension Synchealth__V1__AttemptTrigger: CEnum {}
extension Synchealth__V1__RetryJobState: CEnum {}
extension Synchealth__V1__SyncSortField: CEnum {}
extension Synchealth__V1__SortOrder: CEnum {}
extension Synchealth__V1__SkipReason: CEnum {}
extension Synchealth__V1__PushOutcome: CEnum {}
extension Synchealth__V1__ConfigChangeKind: CEnum {}
extension Synchealth__V1__ConfigDiffState: CEnum {}
