public import SyncHealthServer

/// Authentication settings (the keys are in `DaemonSettingsTable`):
///
/// ```
/// auth = on                                   # default; `off` or --no-auth for local development
/// token.<name> = <role>:<sha256-hex>          # see TokenEntry
/// token.<name> = customer:<company-id>:<sha256-hex>
/// ```
///
/// `auth` may also come from `SYNCHEALTH_AUTH` or `--no-auth`; tokens only
/// from the config file, so no digest sits in the environment or in `ps`.
extension DaemonSettings {
    /// Whether the server can authorize anyone: authentication off, a
    /// configured token, or `--demo` (which makes its own tokens).
    /// - Throws: `SettingsError` otherwise: the server would refuse every
    ///   call, so it should not start.
    public func checkAuthentication() throws(SettingsError) {
        guard authEnabled, tokens.isEmpty, !demo else { return }
        throw Self.noTokens
    }

    /// How calls are authorized with these settings plus `extraTokens`
    /// (the demo's).
    /// - Throws: `SettingsError` when authentication is on and there is no
    ///   token at all, or two tokens share a name or digest.
    public func makeAuthorizer(extraTokens: [TokenEntry] = []) throws(SettingsError) -> Authorizer {
        guard authEnabled else { return .disabled }
        let registry = try TokenRegistry(tokens + extraTokens)
        guard !registry.isEmpty else { throw Self.noTokens }
        return Authorizer(registry: registry)
    }

    private static let noTokens = SettingsError("""
        no API tokens configured: add 'token.<name> = <role>:<sha256-hex>' lines to the --config file \
        (hash a token with 'synchealthd hash-token'), or pass --no-auth for local development only
        """)
}
