package import SyncHealthWire

/// Checks a RecordPushItems request completely before anything is written,
/// so a batch with one bad report writes nothing.
package enum PushItemsValidation {
    package static func validate(_ request: RecordPushItemsRequest) throws(RPCError) {
        try FieldRules.identifier(request.syncId, "sync_id")
        if request.items.isEmpty {
            throw .invalidArgument("items must not be empty")
        }
        if request.items.count > Limits.maxPushItemsPerBatch {
            throw .invalidArgument("items has more than \(Limits.maxPushItemsPerBatch) reports; split the batch")
        }
        for (index, item) in request.items.enumerated() {
            try validate(item, field: "items[\(index)]")
        }
    }

    private static func validate(_ item: PushItemReport, field: String) throws(RPCError) {
        try FieldRules.identifier(item.itemId, "\(field).item_id")
        try FieldRules.identifier(item.coreId, "\(field).core_id", required: false)
        if item.dataType.isEmpty {
            throw .invalidArgument("\(field).data_type must not be empty")
        }
        try FieldRules.key(item.dataType, "\(field).data_type", maxBytes: Limits.maxDataTypeBytes)
        guard item.status.isKnownStatus else {
            throw .invalidArgument("\(field).status must be a known push item status")
        }
        try FieldRules.timestamp(item.attemptedAtMs, "\(field).attempted_at_ms")
        try FieldRules.length(item.errorMessage, "\(field).error_message", maxBytes: Limits.maxErrorMessageBytes)
        try FieldRules.key(item.targetRecordId, "\(field).target_record_id", maxBytes: Limits.maxTargetRecordIdBytes)
        try FieldRules.key(item.idempotencyKey, "\(field).idempotency_key", maxBytes: Limits.maxIdempotencyKeyBytes)
    }
}
