public import Foundation

/// Formats and parses the times the CLI shows and accepts, in the user's
/// time zone or in UTC.
public struct TimeText: Sendable {
    public let timeZone: TimeZone

    /// Times in `timeZone` (UTC when `utc` is true, else the user's zone, from TZ).
    public init(utc: Bool) {
        timeZone = utc ? TimeZone(identifier: "UTC") ?? .current : .current
    }

    /// Times in a given zone.
    public init(timeZone: TimeZone) {
        self.timeZone = timeZone
    }

    /// "2026-11-28 14:03:22" (seconds optional), or "-" for 0 (not set).
    public func format(_ ms: Int64, seconds: Bool = true) -> String {
        guard ms != 0 else { return "-" }
        let date = Date(timeIntervalSince1970: Double(ms) / 1000)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let day = String(format: "%04d-%02d-%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0)
        let time = seconds
            ? String(format: "%02d:%02d:%02d", c.hour ?? 0, c.minute ?? 0, c.second ?? 0)
            : String(format: "%02d:%02d", c.hour ?? 0, c.minute ?? 0)
        return "\(day) \(time)"
    }

    /// The zone's short name, e.g. "UTC" or "CET".
    public var zoneName: String {
        if timeZone.secondsFromGMT() == 0 && (timeZone.identifier == "UTC" || timeZone.identifier == "GMT") { return "UTC" }
        return timeZone.abbreviation() ?? timeZone.identifier
    }

    /// Parses an absolute or relative time to ms since the epoch:
    /// "now", "24h" / "7d" / "30m" / "2w" (that long before `now`),
    /// "2026-11-20" (midnight in this zone), "2026-11-20 10:00", "2026-11-20T10:00:00",
    /// or with a trailing "Z" (UTC).
    public func parse(_ text: String, now: Int64) throws -> Int64 {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed == "now" { return now }
        if let relative = try? DurationText.parseMs(trimmed) { return now - relative }
        var body = trimmed.replacingOccurrences(of: "T", with: " ")
        var zone = timeZone
        if body.hasSuffix("Z") {
            body.removeLast()
            zone = TimeZone(identifier: "UTC") ?? zone
        }
        let parts = body.split(separator: " ", omittingEmptySubsequences: true)
        guard (1...2).contains(parts.count) else { throw CLIInputError("cannot read time '\(text)'; use 2026-11-20, '2026-11-20 10:00', or 7d") }
        let dateParts = parts[0].split(separator: "-").map { Int($0) }
        guard dateParts.count == 3, let year = dateParts[0], let month = dateParts[1], let day = dateParts[2] else {
            throw CLIInputError("cannot read date '\(text)'; use YYYY-MM-DD")
        }
        var hour = 0, minute = 0, second = 0
        if parts.count == 2 {
            let timeParts = parts[1].split(separator: ":").map { Int($0) }
            guard (2...3).contains(timeParts.count), let h = timeParts[0], let m = timeParts[1] else {
                throw CLIInputError("cannot read time of day in '\(text)'; use HH:MM or HH:MM:SS")
            }
            hour = h; minute = m
            if timeParts.count == 3 { guard let s = timeParts[2] else { throw CLIInputError("cannot read seconds in '\(text)'") }; second = s }
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let components = DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        guard (1...12).contains(month), (1...31).contains(day), (0...23).contains(hour), (0...59).contains(minute),
              (0...59).contains(second), calendar.date(from: components) != nil, let date = calendar.date(from: components)
        else { throw CLIInputError("'\(text)' is not a valid date") }
        return Int64((date.timeIntervalSince1970 * 1000).rounded())
    }
}

/// Parses and formats durations such as "90s", "15m", "24h", "7d", "2w".
public enum DurationText {
    /// The duration in milliseconds.
    /// - Throws: `CLIInputError` when `text` is not a number followed by s, m, h, d or w.
    public static func parseMs(_ text: String) throws -> Int64 {
        guard let unit = text.last, let number = Int64(text.dropLast()), number >= 0 else {
            throw CLIInputError("cannot read duration '\(text)'; use e.g. 90s, 15m, 24h, 7d, 2w")
        }
        let multiplier: Int64
        switch unit {
        case "s": multiplier = 1_000
        case "m": multiplier = 60_000
        case "h": multiplier = 3_600_000
        case "d": multiplier = 86_400_000
        case "w": multiplier = 7 * 86_400_000
        default: throw CLIInputError("unknown duration unit '\(unit)' in '\(text)'; use s, m, h, d or w")
        }
        let (value, overflow) = number.multipliedReportingOverflow(by: multiplier)
        guard !overflow else { throw CLIInputError("duration '\(text)' is too long") }
        return value
    }

    /// A short human duration: "850ms", "42s", "3m 05s", "2h 10m".
    public static func format(ms: Int64) -> String {
        if ms < 1_000 { return "\(ms)ms" }
        let seconds = ms / 1_000
        if seconds < 60 { return "\(seconds)s" }
        if seconds < 3_600 { return "\(seconds / 60)m " + String(format: "%02ds", seconds % 60) }
        return "\(seconds / 3_600)h " + String(format: "%02dm", (seconds % 3_600) / 60)
    }
}

/// Bad command-line input: printed with the message, exit code 64 (usage).
public struct CLIInputError: Error, CustomStringConvertible, Sendable {
    public let description: String
    /// Creates the error with a message for the user.
    public init(_ message: String) { description = message }
}
