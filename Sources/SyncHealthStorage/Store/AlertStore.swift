public import SyncHealthWire

/// Storage of alert rules and their outbox of webhook deliveries: what the
/// Alerts service handlers and the webhook deliverer share.
///
/// Deliveries are written by the store itself, in the transaction of the
/// event that fires them (a sync reaching a failed status, an error group
/// appearing or passing a threshold, a platform's failure rate passing a
/// percentage, a retry job ending partially failed), so an event that is
/// committed always has its deliveries, and one that rolled back has none.
/// Each (rule, event) has one delivery with one id, whatever repeats the
/// event. Like the other stores: synchronous, may block, errors are
/// `RPCError`s with the status the RPC answers.
public protocol AlertStore: Sendable {
    /// Stores a new rule (validated by `AlertRuleValidation`) and returns it
    /// with its id and its new signing secret (the only time the secret is
    /// returned). ALREADY_EXISTS when another rule has its name;
    /// FAILED_PRECONDITION when there are `AlertRuleValidation.maxRules`.
    /// - Parameter createdBy: the caller's identity.
    func createAlertRule(_ rule: AlertRule, createdBy: String, now: Int64) throws(RPCError) -> CreateAlertRuleResponse

    /// Every rule, by name. Secrets are not part of a rule.
    func listAlertRules() throws(RPCError) -> [AlertRule]

    /// Deletes a rule and its deliveries not yet delivered; returns how many
    /// were dropped. NOT_FOUND for an unknown rule.
    func deleteAlertRule(ruleId: String) throws(RPCError) -> Int64

    /// Deliveries, newest first, with keyset pagination.
    func listAlertDeliveries(_ request: ListAlertDeliveriesRequest) throws(RPCError) -> ListAlertDeliveriesResponse

    /// Leases up to `limit` pending deliveries that are due (or whose lease
    /// expired: a deliverer that died mid-POST), for `leaseDurationMs`.
    func leaseAlertDeliveries(owner: String, now: Int64, leaseDurationMs: Int64, limit: Int) throws(RPCError) -> [AlertDeliveryLease]

    /// Records one try of a leased delivery. Nothing is written when the
    /// lease is no longer `result.leaseOwner`'s (returns false).
    @discardableResult
    func completeAlertDelivery(_ result: AlertDeliveryResult, now: Int64) throws(RPCError) -> Bool

    /// When the next pending delivery is due (ms since the epoch), nil when
    /// none is pending: the deliverer sleeps until then.
    func nextAlertDeliveryDue() throws(RPCError) -> Int64?
}

/// A delivery leased for one try.
public struct AlertDeliveryLease: Sendable, Hashable {
    /// Sent as `X-SyncHealth-Delivery`; the same on every try.
    public var deliveryId: String
    public var ruleId: String
    public var webhookURL: String
    /// The rule's HMAC key.
    public var signingSecret: String
    /// The JSON body, exactly as signed and sent.
    public var payload: String
    /// Tries made before this one.
    public var attemptsMade: Int32
    /// Who holds the lease.
    public var leaseOwner: String

    /// Creates a value from its fields.
    public init(deliveryId: String, ruleId: String, webhookURL: String, signingSecret: String, payload: String, attemptsMade: Int32, leaseOwner: String) {
        self.deliveryId = deliveryId
        self.ruleId = ruleId
        self.webhookURL = webhookURL
        self.signingSecret = signingSecret
        self.payload = payload
        self.attemptsMade = attemptsMade
        self.leaseOwner = leaseOwner
    }
}

/// The outcome of one try of a delivery.
public struct AlertDeliveryResult: Sendable, Hashable {
    public var deliveryId: String
    public var leaseOwner: String
    /// The receiver answered 2xx.
    public var delivered: Bool
    /// The receiver's HTTP status; 0 when there was no answer.
    public var httpStatus: Int32
    /// What went wrong, for operators ("" when delivered).
    public var error: String
    /// When to try again; nil: no more tries (the delivery fails).
    public var retryAtMs: Int64?

    /// Creates a value from its fields.
    public init(deliveryId: String, leaseOwner: String, delivered: Bool, httpStatus: Int32, error: String, retryAtMs: Int64?) {
        self.deliveryId = deliveryId
        self.leaseOwner = leaseOwner
        self.delivered = delivered
        self.httpStatus = httpStatus
        self.error = error
        self.retryAtMs = retryAtMs
    }
}
