public import SyncHealthWire

/// Decides, before any handler runs, whether a call may proceed: install
/// `interceptor` on the `Router` and every registered method is checked.
///
/// 1. The method's permission comes from the `AccessPolicy`; `.open`
///    methods (Health/Check) need nothing.
/// 2. With authentication off every call proceeds as
///    `Principal.unauthenticatedDevelopment`.
/// 3. The `authorization` metadata must be `Bearer <token>` with a
///    configured token: otherwise UNAUTHENTICATED.
/// 4. The token's role must grant the permission: otherwise
///    PERMISSION_DENIED. The caller is recorded on the context first, so
///    the call's log line names who was refused.
/// 5. A customer may call ListCompanySyncs only with its own company id,
///    compared byte for byte (an empty one is refused too, not read as
///    "mine"): otherwise PERMISSION_DENIED.
///
/// Error messages name the method and role, never the token or any
/// metadata value.
public struct Authorizer: Sendable {
    /// Whether tokens are checked.
    public enum Mode: Sendable {
        /// Every non-open call needs a token from the store's registry in
        /// force (replaced whole on a reload).
        case enforced(TokenStore)
        /// Development only: every call is allowed.
        case disabled
        /// Every call is made by this principal, without a token: callers in
        /// the same process that already hold the database (the CLI's
        /// --database mode). The policy still applies to the principal's role.
        case localPrincipal(Principal)
    }

    /// Token checking, or none.
    public let mode: Mode
    /// Method -> permission.
    public let policy: AccessPolicy

    /// An authorizer.
    public init(mode: Mode, policy: AccessPolicy = .standard) {
        self.mode = mode
        self.policy = policy
    }

    /// Checks tokens from `registry` against the standard policy.
    public init(registry: TokenRegistry) {
        self.init(mode: .enforced(TokenStore(registry)))
    }

    /// Allows every call (`--no-auth`).
    public static let disabled = Authorizer(mode: .disabled)

    /// `authorize` as a router interceptor.
    public var interceptor: RPCInterceptor {
        { request, context in try self.authorize(request: request, context: context) }
    }

    /// Accepts the call, recording its principal on `context`, or throws.
    /// - Throws: `RPCError` UNAUTHENTICATED, PERMISSION_DENIED, or
    ///   INVALID_ARGUMENT when a customer's request does not decode.
    public func authorize(request: [UInt8], context: CallContext) throws(RPCError) {
        let permission = policy.permission(for: context.method)
        if permission == .open { return }
        let registry: TokenRegistry
        switch mode {
        case .disabled:
            context.setPrincipal(.unauthenticatedDevelopment)
            return
        case .localPrincipal(let principal):
            try Self.admit(principal, permission: permission, request: request, context: context)
            return
        case .enforced(let store):
            registry = store.current
        }
        let token: String
        switch BearerToken.parse(context.metadata["authorization"]) {
        case .success(let value):
            token = value
        case .failure(.missing):
            throw RPCError(.unauthenticated, "this method needs 'authorization: Bearer <token>' metadata")
        case .failure(.malformed):
            throw RPCError(.unauthenticated, "authorization metadata must be 'Bearer <token>'")
        }
        guard let principal = registry.principal(forToken: token) else {
            throw RPCError(.unauthenticated, "the bearer token is not valid")
        }
        try Self.admit(principal, permission: permission, request: request, context: context)
    }

    /// Records `principal` on the call, then checks its role grants
    /// `permission` and, for a customer, that the call names its company.
    private static func admit(
        _ principal: Principal, permission: Permission, request: [UInt8], context: CallContext
    ) throws(RPCError) {
        context.setPrincipal(principal)
        guard principal.role.grants(permission) else {
            throw RPCError(.permissionDenied, "role \(principal.role.rawValue) may not call \(displayName(context.method))")
        }
        if principal.role == .customer {
            try checkOwnCompany(principal, request: request, method: context.method)
        }
    }

    /// A customer's call names its own company, or is refused.
    private static func checkOwnCompany(_ principal: Principal, request: [UInt8], method: String) throws(RPCError) {
        // Only ListCompanySyncs is granted to customers (see Role.grants);
        // any other method reaching here is a policy mistake: refuse it.
        guard method == Methods.SyncHistory.listCompanySyncs.fullName, let own = principal.companyId else {
            throw RPCError(.permissionDenied, "a customer token may only list its own company's syncs")
        }
        let asked: String
        do {
            asked = try ListCompanySyncsRequest(serializedBytes: request).companyId
        } catch {
            throw RPCError.invalidArgument("request message does not decode")
        }
        // Bytes, not String ==: Swift equates canonically equivalent strings
        // ("é" and "e\u{301}") that the store keeps apart (every engine
        // compares identifiers as bytes: the SyncStore contract).
        guard !asked.isEmpty, asked.utf8.elementsEqual(own.utf8) else {
            throw RPCError(.permissionDenied, "a customer token may only list its own company's syncs")
        }
    }

    /// `method` made safe to put in an error message (it is peer-controlled).
    private static func displayName(_ method: String) -> String {
        LogText.sanitized(method)
    }
}
