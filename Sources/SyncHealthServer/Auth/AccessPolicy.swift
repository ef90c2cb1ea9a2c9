public import SyncHealthWire

/// Which permission each method needs. A method without a rule needs
/// `.adminOnly`, so a method registered later by other code is closed to
/// every role but admin until someone adds its rule here.
public struct AccessPolicy: Sendable {
    /// Method ("/synchealth.v1.Service/Method") -> permission.
    public let rules: [String: Permission]

    /// A policy with `rules`.
    public init(rules: [String: Permission]) {
        self.rules = rules
    }

    /// The permission `method` needs; `.adminOnly` when no rule names it.
    public func permission(for method: String) -> Permission {
        rules[method] ?? .adminOnly
    }

    /// The service's policy: each method's permission as its descriptor
    /// declares it (`Methods.all`), so every method in proto/ has a rule.
    public static let standard = AccessPolicy(rules: Dictionary(
        uniqueKeysWithValues: Methods.all.map { ($0.fullName, $0.permission) }))
}
