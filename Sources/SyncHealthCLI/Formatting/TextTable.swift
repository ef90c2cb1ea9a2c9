/// Renders rows as a plain-text table that fits a terminal width: columns
/// shrink (longest first) and long cells are cut with "…".
public struct TextTable: Sendable {
    /// A column: its title, the smallest width it may shrink to and whether
    /// its cells align right (numbers).
    public struct Column: Sendable {
        public var title: String
        public var minWidth: Int
        public var alignRight: Bool

        /// Creates a column.
        public init(_ title: String, minWidth: Int = 4, alignRight: Bool = false) {
            self.title = title
            self.minWidth = minWidth
            self.alignRight = alignRight
        }
    }

    public var columns: [Column]
    public var rows: [[String]]

    /// Creates a table; each row has one cell per column.
    public init(columns: [Column], rows: [[String]] = []) {
        self.columns = columns
        self.rows = rows
    }

    /// The table as lines no longer than `width` characters (when the minimum
    /// widths allow it), header first, separated by two spaces.
    public func render(width: Int = 80) -> String {
        var widths = columns.indices.map { index in
            rows.reduce(columns[index].title.count) { max($0, $1.indices.contains(index) ? $1[index].count : 0) }
        }
        let separators = max(columns.count - 1, 0) * 2
        while widths.reduce(0, +) + separators > width {
            guard let widest = widths.indices
                .filter({ widths[$0] > columns[$0].minWidth })
                .max(by: { widths[$0] < widths[$1] })
            else { break }
            widths[widest] -= 1
        }
        var lines = [line(columns.map(\.title), widths: widths)]
        lines.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "))
        for row in rows { lines.append(line(row, widths: widths)) }
        return lines.joined(separator: "\n")
    }

    private func line(_ cells: [String], widths: [Int]) -> String {
        var parts: [String] = []
        for (index, width) in widths.enumerated() {
            let cell = cells.indices.contains(index) ? cells[index] : ""
            let cut = Self.truncate(cell, to: width)
            let pad = String(repeating: " ", count: max(width - cut.count, 0))
            parts.append(columns[index].alignRight ? pad + cut : cut + pad)
        }
        var text = parts.joined(separator: "  ")
        while text.last == " " { text.removeLast() }
        return text
    }

    /// `text` cut to `width` characters, ending in "…" when cut.
    public static func truncate(_ text: String, to width: Int) -> String {
        guard text.count > width else { return text }
        guard width > 1 else { return String(text.prefix(width)) }
        return String(text.prefix(width - 1)) + "…"
    }
}
