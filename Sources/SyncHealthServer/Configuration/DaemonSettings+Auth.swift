/// Authentication settings:
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
    /// Prefix of token keys in the config file.
    static let tokenKeyPrefix = "token."

    /// Applies `auth` and `token.<name>` keys.
    /// - Returns: false when `key` is neither.
    mutating func applyAuth(key: String, value: String, source: String) throws(SettingsError) -> Bool {
        if key == "auth" {
            switch value {
            case "on", "true", "1", "yes": authEnabled = true
            case "off", "false", "0", "no": authEnabled = false
            default: throw SettingsError("\(source): auth must be on or off")
            }
            return true
        }
        guard key.hasPrefix(Self.tokenKeyPrefix) else { return false }
        guard source == "config file" else {
            throw SettingsError("\(source): tokens can only be set in the config file")
        }
        let name = String(key.dropFirst(Self.tokenKeyPrefix.count))
        let entry = try TokenEntry.parse(name: name, value: value)
        guard !tokens.contains(where: { $0.name == name }) else {
            throw SettingsError("\(source): token.\(name) is configured twice")
        }
        tokens.append(entry)
        return true
    }

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
