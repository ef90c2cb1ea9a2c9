public import SyncHealthStorage
import SyncHealthWire

/// Registers the Alerts service: thin calls into an `AlertStore`. The
/// caller's identity is recorded as the rule's creator.
public enum AlertHandlers {
    /// Registers CreateAlertRule, ListAlertRules, DeleteAlertRule and
    /// ListAlertDeliveries.
    /// - Parameters:
    ///   - store: where rules and the outbox live.
    ///   - now: the clock, ms since the epoch.
    public static func register(
        on router: Router, store: any AlertStore, now: @escaping @Sendable () -> Int64 = currentTimeMs
    ) {
        router.register(Methods.Alerts.createAlertRule) { (request: CreateAlertRuleRequest, context) in
            try context.checkCancellation()
            guard let rule = request.rule else { throw RPCError.invalidArgument("rule must be set") }
            return try store.createAlertRule(rule, createdBy: context.callerIdentity ?? RetryHandlers.anonymous, now: now())
        }
        router.register(Methods.Alerts.listAlertRules) { (_: ListAlertRulesRequest, context) in
            try context.checkCancellation()
            return ListAlertRulesResponse(rules: try store.listAlertRules())
        }
        router.register(Methods.Alerts.deleteAlertRule) { (request: DeleteAlertRuleRequest, context) in
            try context.checkCancellation()
            return DeleteAlertRuleResponse(deliveriesDropped: try store.deleteAlertRule(ruleId: request.ruleId))
        }
        router.register(Methods.Alerts.listAlertDeliveries) { (request: ListAlertDeliveriesRequest, context) in
            try context.checkCancellation()
            return try store.listAlertDeliveries(request)
        }
    }
}
