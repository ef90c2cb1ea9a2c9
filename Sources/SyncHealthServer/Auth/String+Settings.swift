extension String {
    /// Without leading and trailing spaces, tabs and carriage returns (the
    /// config file's `key = value` lines and token values).
    package func trimmedSpaces() -> String {
        var s = Substring(self)
        while let first = s.first, first == " " || first == "\t" || first == "\r" { s.removeFirst() }
        while let last = s.last, last == " " || last == "\t" || last == "\r" { s.removeLast() }
        return String(s)
    }

    /// Dashes as underscores: a setting key as its environment variable.
    package func replacingDashes() -> String { String(map { $0 == "-" ? "_" : $0 }) }
}
