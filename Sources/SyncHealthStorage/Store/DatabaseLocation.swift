import Glibc

/// What a `--database` setting names. Today a SQLite file; a URL names a
/// server engine, and one this build does not have is refused with a clear
/// message instead of becoming a file named after the URL.
public enum DatabaseLocation: Sendable, Equatable, CustomStringConvertible {
    /// A SQLite database file.
    case sqliteFile(path: String)

    /// Parses a `--database` value.
    /// - Throws: `DatabaseLocationError` for an empty value or any URL
    ///   (`scheme://...`, `postgres:...`): no engine here opens one.
    public init(parsing text: String) throws(DatabaseLocationError) {
        guard !text.isEmpty else { throw DatabaseLocationError("database must not be empty") }
        let lower = text.lowercased()
        if lower.hasPrefix("postgresql:") || lower.hasPrefix("postgres:") {
            throw DatabaseLocationError(
                "PostgreSQL databases are not supported by this version of SyncHealth; give a SQLite file path")
        }
        if let schemeEnd = lower.range(of: "://"),
           !lower[..<schemeEnd.lowerBound].isEmpty,
           lower[..<schemeEnd.lowerBound].allSatisfy({ $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." }) {
            let scheme = String(text[..<schemeEnd.lowerBound])
            throw DatabaseLocationError("'\(scheme)://' database URLs are not supported; give a SQLite file path")
        }
        self = .sqliteFile(path: text)
    }

    public var description: String {
        switch self {
        case let .sqliteFile(path): return path
        }
    }

    /// The path of an existing SQLite file.
    /// - Throws: `DatabaseLocationError` when nothing is there.
    public func requireExistingFile() throws(DatabaseLocationError) -> String {
        switch self {
        case let .sqliteFile(path):
            guard access(path, F_OK) == 0 else { throw DatabaseLocationError("no database at \(path)") }
            return path
        }
    }

    /// `mkdir -p` of the directory that holds `path`.
    public static func createParentDirectories(of path: String) throws(DatabaseLocationError) {
        var components = path.split(separator: "/", omittingEmptySubsequences: false)
        components.removeLast()
        var prefix = ""
        for (index, component) in components.enumerated() {
            prefix += (index == 0 ? "" : "/") + component
            guard !component.isEmpty, component != "." else { continue }
            if mkdir(prefix, 0o755) != 0 && errno != EEXIST {
                throw DatabaseLocationError("cannot create directory \(prefix): \(String(cString: strerror(errno)))")
            }
        }
    }
}

/// A `--database` value that names nothing this build can open.
public struct DatabaseLocationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Says what is wrong and what to give instead; never contains secrets
    /// beyond what the user typed.
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
