import Glibc

/// What a `--database` setting names: a SQLite file (a path) or a
/// PostgreSQL database (a `postgresql://` or `postgres://` URI, as libpq
/// takes it). Any other URL is refused with a clear message instead of
/// becoming a file named after the URL.
public enum DatabaseLocation: Sendable, Equatable, CustomStringConvertible {
    /// A SQLite database file.
    case sqliteFile(path: String)
    /// A PostgreSQL database, by its libpq connection URI.
    case postgresql(url: String)

    /// Parses a `--database` value.
    /// - Throws: `DatabaseLocationError` for an empty value, a PostgreSQL URI
    ///   without a host or socket to reach, or another scheme's URL.
    public init(parsing text: String) throws(DatabaseLocationError) {
        guard !text.isEmpty else { throw DatabaseLocationError("database must not be empty") }
        let lower = text.lowercased()
        if lower.hasPrefix("postgresql:") || lower.hasPrefix("postgres:") {
            guard lower.hasPrefix("postgresql://") || lower.hasPrefix("postgres://") else {
                throw DatabaseLocationError(
                    "a PostgreSQL database is given as postgresql://[user[:password]@]host[:port]/database")
            }
            self = .postgresql(url: text)
            return
        }
        if let schemeEnd = lower.range(of: "://"),
           !lower[..<schemeEnd.lowerBound].isEmpty,
           lower[..<schemeEnd.lowerBound].allSatisfy({ $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." }) {
            let scheme = String(text[..<schemeEnd.lowerBound])
            throw DatabaseLocationError(
                "'\(scheme)://' database URLs are not supported; give a SQLite file path or a postgresql:// URL")
        }
        self = .sqliteFile(path: text)
    }

    /// The location for logs: a PostgreSQL URI with its password replaced
    /// by `***`.
    public var description: String {
        switch self {
        case let .sqliteFile(path): return path
        case let .postgresql(url): return Self.redacted(url)
        }
    }

    /// `url` without the password of its user-info part.
    static func redacted(_ url: String) -> String {
        guard let schemeEnd = url.range(of: "://") else { return url }
        let rest = url[schemeEnd.upperBound...]
        let authority = rest.prefix { $0 != "/" && $0 != "?" }
        guard let at = authority.lastIndex(of: "@") else { return url }
        let userInfo = authority[..<at]
        guard let colon = userInfo.firstIndex(of: ":") else { return url }
        return String(url[..<schemeEnd.upperBound]) + userInfo[..<colon] + ":***" + rest[at...]
    }

    /// The path of an existing SQLite file.
    /// - Throws: `DatabaseLocationError` when nothing is there.
    public func requireExistingFile() throws(DatabaseLocationError) -> String {
        switch self {
        case let .sqliteFile(path):
            guard access(path, F_OK) == 0 else { throw DatabaseLocationError("no database at \(path)") }
            return path
        case .postgresql:
            throw DatabaseLocationError("\(self) is a PostgreSQL database, not a file")
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
