import SyncHealthConcurrency

/// The token registry in force, replaced whole on a reload (SIGHUP): a call
/// sees either the old set or the new one, never a mix, and a token removed
/// by a reload is refused from the next call on.
public final class TokenStore: Sendable {
    private let registry: Locked<TokenRegistry>

    /// A store serving `registry`.
    public init(_ registry: TokenRegistry) {
        self.registry = Locked(registry)
    }

    /// The registry in force now.
    public var current: TokenRegistry { registry.withLock { $0 } }

    /// What a reload changed, by token name; never a token or digest.
    public struct Change: Sendable, Equatable {
        public var added: [String]
        public var removed: [String]
        /// Same name, new digest or role.
        public var changed: [String]
        public var total: Int
    }

    /// Puts `new` in force at once.
    /// - Returns: the names added, removed and changed.
    @discardableResult
    public func replace(with new: TokenRegistry) -> Change {
        let old = registry.withLock { registry in
            defer { registry = new }
            return registry
        }
        let before = Dictionary(uniqueKeysWithValues: old.entries.map { ($0.name, $0) })
        let after = Dictionary(uniqueKeysWithValues: new.entries.map { ($0.name, $0) })
        return Change(
            added: after.keys.filter { before[$0] == nil }.sorted(),
            removed: before.keys.filter { after[$0] == nil }.sorted(),
            changed: after.keys.filter { name in before[name].map { $0 != after[name] } ?? false }.sorted(),
            total: new.entries.count)
    }
}
