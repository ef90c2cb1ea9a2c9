/// Whether this replica should get traffic: migrated, its storage answering,
/// and not draining. Load balancers and Kubernetes read it at `/readyz`
/// (200 when ready, 503 with the reasons when not); `/healthz` only says
/// the process is alive.
public struct Readiness: Sendable, Equatable {
    /// The schema is current (the store opened and migrated).
    public var migrated: Bool
    /// Why storage did not answer the probe; nil when it did.
    public var storageProblem: String?
    /// A shutdown has begun: the replica finishes what it has and takes nothing new.
    public var draining: Bool

    /// Creates a report.
    public init(migrated: Bool, storageProblem: String?, draining: Bool) {
        self.migrated = migrated
        self.storageProblem = storageProblem
        self.draining = draining
    }

    /// Ready for traffic.
    public var isReady: Bool { migrated && storageProblem == nil && !draining }

    /// The body `/readyz` answers with: "ready", or one reason per line.
    public var text: String {
        guard !isReady else { return "ready\n" }
        var reasons: [String] = []
        if !migrated { reasons.append("not migrated") }
        if let storageProblem { reasons.append("storage: \(storageProblem)") }
        if draining { reasons.append("draining") }
        return reasons.joined(separator: "\n") + "\n"
    }
}
