extension CallContext {
    /// Who is calling, once the `Authorizer` accepted the call: name, role
    /// and, for a customer, its company. Nil when the router has no
    /// authorizer (tests) or for open methods such as Health/Check. With
    /// authentication off it is `Principal.unauthenticatedDevelopment`.
    public var principal: Principal? { principalStorage.withLock { $0 } }

    /// Records the authenticated caller and sets `callerIdentity` to its
    /// name. The `Authorizer` calls it; tests may, to drive a handler directly.
    public func setPrincipal(_ principal: Principal) {
        principalStorage.withLock { $0 = principal }
        setCallerIdentity(principal.name)
    }
}
