/// The authenticated caller of one call, as handlers see it through
/// `CallContext.principal`. Holds no secret.
public struct Principal: Sendable, Hashable {
    /// The token's name from the configuration (`token.<name>`); recorded as
    /// `CallContext.callerIdentity`, e.g. as the actor of a retry.
    public let name: String
    /// What the token may do.
    public let role: Role
    /// The company a `customer` token is bound to; nil for every other role.
    public let companyId: String?

    /// A caller.
    /// - Precondition: `companyId` is set exactly when `role` is `.customer`.
    public init(name: String, role: Role, companyId: String? = nil) {
        precondition((role == .customer) == (companyId != nil), "only customer tokens are bound to a company")
        self.name = name
        self.role = role
        self.companyId = companyId
    }

    /// The caller of every call when authentication is off (`--no-auth`):
    /// an admin named "no-auth", so records such as retry actors say so.
    public static let unauthenticatedDevelopment = Principal(name: "no-auth", role: .admin)
}
