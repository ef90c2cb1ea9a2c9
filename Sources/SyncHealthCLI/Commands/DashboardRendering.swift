import SyncHealthJSON
import SyncHealthWire

/// How the dashboard looks in a terminal: totals, a bar per status code, a
/// stacked bar per day, items, top error groups.
struct DashboardRendering {
    let time: TimeText

    static let full = "█"
    static let failedMark = "▓"
    static let runningMark = "░"

    func text(_ r: GetDashboardResponse, request: GetDashboardRequest) -> String {
        var lines: [String] = []
        let scope = [request.companyId.isEmpty ? "all companies" : "company \(request.companyId)",
                     request.targetPlatform.isEmpty ? nil : "target \(request.targetPlatform)",
                     request.sourcePlatform.isEmpty ? nil : "source \(request.sourcePlatform)"].compactMap { $0 }
        lines.append("Syncs \(time.format(request.fromMs, seconds: false).prefix(10)) to \(time.format(request.toMs - 1, seconds: false).prefix(10)) (UTC days), \(scope.joined(separator: ", "))")
        let byCategory = Dictionary(r.byCategory.map { ($0.category, $0.count) }, uniquingKeysWith: +)
        let ok = byCategory[.success] ?? 0, failed = byCategory[.failed] ?? 0, running = byCategory[.inProgress] ?? 0
        let rate = (r.successRate * 1000).rounded() / 10
        lines.append("  \(r.totalSyncs) syncs: \(ok) succeeded, \(failed) failed, \(running) in progress; success rate \(rate)%")
        lines.append("")

        if !r.byStatusCode.isEmpty {
            lines.append("By status code")
            let maxCount = r.byStatusCode.map(\.count).max() ?? 1
            for entry in r.byStatusCode.sorted(by: { $0.count > $1.count }) {
                let label = "\(entry.statusCode.rawValue) \(SyncRendering.shortLabel(entry.statusCode))"
                let bar = String(repeating: Self.full, count: Self.scaled(entry.count, max: maxCount, width: 30))
                lines.append("  " + label.padding(toLength: 20, withPad: " ", startingAt: 0) + Self.right(entry.count, 7) + "  " + bar)
            }
            lines.append("")
        }

        if !r.days.isEmpty {
            lines.append("Per day   \(Self.full) succeeded  \(Self.failedMark) failed  \(Self.runningMark) in progress")
            let maxDay = r.days.map { $0.succeeded + $0.failed + $0.inProgress }.max() ?? 1
            for day in r.days {
                let total = day.succeeded + day.failed + day.inProgress
                let width = 50
                let okWidth = Self.scaled(day.succeeded, max: maxDay, width: width)
                let failedWidth = Self.scaled(day.failed, max: maxDay, width: width)
                let runningWidth = Self.scaled(day.inProgress, max: maxDay, width: width)
                let bar = String(repeating: Self.full, count: okWidth) + String(repeating: Self.failedMark, count: failedWidth)
                    + String(repeating: Self.runningMark, count: runningWidth)
                let date = String(time.format(day.dayStartMs, seconds: false).dropFirst(5).prefix(5))
                let counts = total == 0 ? "" : " \(total)" + (day.failed > 0 ? " (\(day.failed) failed)" : "")
                lines.append("  \(date) \(bar)\(counts)")
            }
            lines.append("")
        }

        let items = r.items ?? ItemCounts()
        lines.append("Items: \(items.total) pushed, \(items.succeeded) succeeded, \(items.failed) failed, \(items.timedOut) timed out, \(items.pending) pending")
        if !r.itemsByDataType.isEmpty {
            let table = TextTable(
                columns: [.init("DATA TYPE", minWidth: 10), .init("TOTAL", alignRight: true), .init("SUCCEEDED", alignRight: true),
                          .init("FAILED", alignRight: true), .init("TIMED OUT", alignRight: true), .init("PENDING", alignRight: true)],
                rows: r.itemsByDataType.map { dt in
                    let c = dt.counts ?? ItemCounts()
                    return [dt.dataType, String(c.total), String(c.succeeded), String(c.failed), String(c.timedOut), String(c.pending)]
                }
            )
            lines.append(table.render())
        }
        lines += extraSections(r)
        return lines.joined(separator: "\n")
    }

    static func scaled(_ value: Int64, max: Int64, width: Int) -> Int {
        guard max > 0, value > 0 else { return 0 }
        return Swift.max(1, Int((Double(value) / Double(max) * Double(width)).rounded()))
    }

    static func right(_ value: Int64, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: " ", count: Swift.max(0, width - text.count)) + text
    }

    static func json(_ r: GetDashboardResponse) -> JSONValue {
        let items = r.items ?? ItemCounts()
        return .object([
            ("totalSyncs", .int(r.totalSyncs)),
            ("successRate", .double(r.successRate)),
            ("byCategory", .array(r.byCategory.map { .object([("category", .int(Int64($0.category.rawValue))), ("count", .int($0.count))]) })),
            ("byStatusCode", .array(r.byStatusCode.map { .object([("statusCode", .int(Int64($0.statusCode.rawValue))), ("count", .int($0.count))]) })),
            ("days", .array(r.days.map { .object([("dayStartMs", .int($0.dayStartMs)), ("succeeded", .int($0.succeeded)),
                                                  ("failed", .int($0.failed)), ("inProgress", .int($0.inProgress))]) })),
            ("items", .object([("total", .int(items.total)), ("succeeded", .int(items.succeeded)), ("failed", .int(items.failed)),
                               ("timedOut", .int(items.timedOut)), ("pending", .int(items.pending))])),
        ])
    }
}

extension DashboardRendering {
    /// The top error groups, each leading to its syncs.
    func extraSections(_ r: GetDashboardResponse) -> [String] {
        guard !r.topErrorGroups.isEmpty else { return [] }
        var lines = ["", "Top error groups (synchealth syncs list --error-group GROUP_ID)"]
        for group in r.topErrorGroups.prefix(5) {
            lines.append("  \(group.groupId)  \(Self.right(group.count, 6))×  " + TextTable.truncate(group.exampleMessage, to: 52))
        }
        return lines
    }
}
