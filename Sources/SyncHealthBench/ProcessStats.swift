import Foundation

/// Memory and CPU of a process, read from /proc (Linux).
public struct ProcessStats: Sendable, Hashable, Codable {
    /// Resident set size now, bytes (VmRSS).
    public var residentBytes: Int
    /// Peak resident set size since the process started, bytes (VmHWM).
    public var peakResidentBytes: Int
    /// User + system CPU time since the process started, seconds.
    public var cpuSeconds: Double
    /// Threads now (Threads: in /proc/`pid`/status); optional so results saved
    /// before it was added still decode.
    public var threads: Int?
    /// Open file descriptors now (entries of /proc/`pid`/fd).
    public var openFiles: Int?

    /// Reads /proc/`pid`/status and /proc/`pid`/stat; nil when the process is gone.
    public static func read(pid: Int32) -> ProcessStats? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return nil }
        func number(_ key: String) -> Int {
            for line in status.split(separator: "\n") where line.hasPrefix(key + ":") {
                let digits = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).dropFirst().first
                return digits.flatMap { Int($0) } ?? 0
            }
            return 0
        }
        func kilobytes(_ key: String) -> Int { number(key) * 1024 }
        // Fields after the ")" closing the command name: state is field 3, utime 14, stime 15.
        guard let close = stat.lastIndex(of: ")") else { return nil }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 13, let utime = Double(fields[11]), let stime = Double(fields[12]) else { return nil }
        let ticks = Double(sysconf(Int32(_SC_CLK_TCK)))
        return ProcessStats(
            residentBytes: kilobytes("VmRSS"), peakResidentBytes: kilobytes("VmHWM"),
            cpuSeconds: (utime + stime) / max(ticks, 1), threads: number("Threads"),
            openFiles: (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/fd").count) ?? 0)
    }
}

/// The machine, for the report header.
public struct MachineInfo: Sendable, Codable {
    /// Online cores.
    public var cores: Int
    /// Total memory, bytes.
    public var memoryBytes: Int
    /// PRETTY_NAME from /etc/os-release, and the kernel release.
    public var os: String
    /// 1, 5 and 15 minute load averages.
    public static var loadAverage: String {
        let text = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? ""
        return text.split(separator: " ").prefix(3).joined(separator: " ")
    }

    /// Reads the current machine.
    public static func current() -> MachineInfo {
        let meminfo = (try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8)) ?? ""
        let totalKB = meminfo.split(separator: "\n").first { $0.hasPrefix("MemTotal:") }
            .flatMap { $0.split(separator: " ").dropFirst().first.flatMap { Int($0) } } ?? 0
        let release = (try? String(contentsOfFile: "/etc/os-release", encoding: .utf8)) ?? ""
        let pretty = release.split(separator: "\n").first { $0.hasPrefix("PRETTY_NAME=") }
            .map { String($0.dropFirst("PRETTY_NAME=".count)).replacingOccurrences(of: "\"", with: "") } ?? "unknown"
        let kernel = (try? String(contentsOfFile: "/proc/sys/kernel/osrelease", encoding: .utf8))?
            .trimmingCharacters(in: .whitespacesAndNewlines) ?? "?"
        return MachineInfo(
            cores: ProcessInfo.processInfo.activeProcessorCount, memoryBytes: totalKB * 1024,
            os: "\(pretty), Linux \(kernel)")
    }
}
