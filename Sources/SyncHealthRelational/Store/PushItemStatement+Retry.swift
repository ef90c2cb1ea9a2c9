import SyncHealthStorage
import SyncHealthWire

/// Who made a push attempt and why.
struct AttemptAttribution: Sendable, Equatable {
    var trigger: AttemptTrigger
    /// "sync-engine" for the engine's pushes, the requester for retries.
    var actor: String
    /// Empty for the engine's pushes.
    var retryJobId: String
    /// The retry's reason; empty for the engine's pushes.
    var reason: String
    /// For a retry's outcome: the number of the PENDING attempt, written when
    /// the attempt was leased, that the report resolves. nil appends a new
    /// attempt (the ingest path).
    var resolvingAttempt: Int64?

    /// An attempt reported by the sync engine.
    static let engine = AttemptAttribution(
        trigger: .initial, actor: PushItemStatement.engineActor, retryJobId: "", reason: "", resolvingAttempt: nil)
}

/// The retry executor's side of `push_items` and `push_attempts`.
extension PushItemStatement {
    /// Appends a PENDING attempt with its idempotency key (the leasing
    /// transaction, before the connector is called) and counts it on the
    /// item, so an engine report arriving meanwhile takes the next number.
    /// The item's status is left alone until the outcome is known.
    static func insertPendingAttempt(
        itemRowID: Int64, number: Int64, attemptedAt: Int64, key: String,
        attribution: AttemptAttribution, now: Int64, on connection: any SQLConnection
    ) throws {
        try connection.run("""
            INSERT INTO push_attempts (
                item_ref, number, attempted_at, outcome, error_message, attempt_trigger, actor,
                idempotency_key, retry_job_id, reason)
            VALUES (?, ?, ?, ?, '', ?, ?, ?, ?, ?)
            """, [
                .integer(itemRowID), .integer(number), .integer(attemptedAt), .int32(PushItemStatus.pending.rawValue),
                .int32(attribution.trigger.rawValue), .text(attribution.actor), .text(key),
                .text(attribution.retryJobId), .text(attribution.reason),
            ])
        try connection.run(
            "UPDATE push_items SET attempt_count = CASE WHEN attempt_count > ? THEN attempt_count ELSE ? END, updated_at = ? WHERE id = ?",
            [.integer(number), .integer(number), .integer(now), .integer(itemRowID)])
    }

    /// Writes a retry's outcome: the PENDING attempt `number` gets its
    /// outcome and error, and the item takes the attempt's result whatever
    /// its last attempt time (a retry is by construction newer than the
    /// failure it retries). A target record id is only ever set, never
    /// cleared.
    static func resolve(
        _ report: PushItemReport, itemRowID: Int64, number: Int64, attemptCount: Int64, now: Int64, on connection: any SQLConnection
    ) throws {
        let errorMessage = report.status.isFailure ? report.errorMessage : ""
        let resolved = try connection.run("""
            UPDATE push_attempts SET outcome = ?, error_message = ?
            WHERE item_ref = ? AND number = ? AND outcome = ?
            """, [
                .int32(report.status.rawValue), .text(errorMessage), .integer(itemRowID), .integer(number),
                .int32(PushItemStatus.pending.rawValue),
            ])
        guard resolved == 1 else {
            throw RPCError.internal("the retry attempt to record is no longer pending")
        }
        try connection.run("""
            UPDATE push_items SET
                status = ?, error_message = ?, attempt_count = ?, last_attempt_at = ?,
                target_record_id = CASE WHEN ? <> '' THEN ? ELSE target_record_id END,
                retryable = ?, updated_at = ?
            WHERE id = ?
            """, [
                .int32(report.status.rawValue), .text(errorMessage), .integer(attemptCount),
                .integer(report.attemptedAtMs), .text(report.targetRecordId), .text(report.targetRecordId),
                .bool(report.retryable), .integer(now), .integer(itemRowID),
            ])
    }
}
