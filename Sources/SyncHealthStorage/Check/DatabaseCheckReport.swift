/// What `synchealthd check` found: one result per check, in the order run.
public struct DatabaseCheckReport: Sendable, Equatable {
    /// One check and what it found.
    public struct Result: Sendable, Equatable {
        /// A short name, e.g. "integrity".
        public var name: String
        /// What the check covers, for the report.
        public var summary: String
        /// Problems found; empty when the check passed. At most
        /// `DatabaseCheck.maxProblemsPerCheck` lines, the last one saying how
        /// many more there were.
        public var problems: [String]
        /// Set when the check could not run (e.g. the pages it reads are
        /// damaged); counts as a failure.
        public var couldNotRun: String?

        /// Creates a value from its fields.
        public init(name: String, summary: String, problems: [String], couldNotRun: String? = nil) {
            self.name = name
            self.summary = summary
            self.problems = problems
            self.couldNotRun = couldNotRun
        }

        /// Passed: ran and found nothing.
        public var passed: Bool { problems.isEmpty && couldNotRun == nil }
    }

    /// The database file checked.
    public var path: String
    public var results: [Result]

    /// Creates a value from its fields.
    public init(path: String, results: [Result]) {
        self.path = path
        self.results = results
    }

    /// True when every check ran and found nothing.
    public var isHealthy: Bool { results.allSatisfy(\.passed) }

    /// The report as text for an operator: one line per check, problems
    /// indented under it, and a verdict.
    public var text: String {
        var lines = ["synchealthd check: \(path)"]
        for result in results {
            if let reason = result.couldNotRun {
                lines.append("FAIL  \(result.name): \(result.summary) -- could not run: \(reason)")
            } else if result.problems.isEmpty {
                lines.append("ok    \(result.name): \(result.summary)")
            } else {
                lines.append("FAIL  \(result.name): \(result.summary)")
            }
            lines += result.problems.map { "        \($0)" }
        }
        let failed = results.filter { !$0.passed }.count
        lines.append(isHealthy
            ? "healthy: \(results.count) checks passed"
            : "DAMAGED: \(failed) of \(results.count) checks failed; restore from a backup or see README 'Checking a database'")
        return lines.joined(separator: "\n")
    }
}
