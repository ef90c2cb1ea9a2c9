public import ArgumentParser

/// `--format table|json|csv`.
public enum OutputFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    case table, json, csv
}
