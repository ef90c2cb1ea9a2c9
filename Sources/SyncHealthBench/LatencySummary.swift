public import Histogram

/// Latencies in nanoseconds, recorded in an HDR histogram (3 significant digits).
public struct LatencyRecorder: Sendable {
    /// The histogram; values are nanoseconds.
    public private(set) var histogram = Histogram<UInt64>(
        lowestDiscernibleValue: 1, highestTrackableValue: 120_000_000_000, numberOfSignificantValueDigits: .three)

    /// An empty recorder.
    public init() {}

    /// Records one latency.
    public mutating func record(nanoseconds: UInt64) {
        _ = histogram.record(max(1, min(nanoseconds, 120_000_000_000)))
    }

    /// Records one duration.
    public mutating func record(_ duration: Duration) {
        record(nanoseconds: duration.nanoseconds)
    }

    /// Adds another recorder's values.
    public mutating func add(_ other: LatencyRecorder) {
        histogram.add(other.histogram)
    }

    /// The percentiles that get reported.
    public var summary: LatencySummary {
        LatencySummary(
            count: Int(histogram.totalCount),
            p50: histogram.valueAtPercentile(50), p99: histogram.valueAtPercentile(99),
            p999: histogram.valueAtPercentile(99.9), max: histogram.max)
    }
}

/// Count and percentiles of a latency histogram, in nanoseconds.
public struct LatencySummary: Sendable, Hashable, Codable {
    /// Values recorded.
    public var count: Int
    /// Median.
    public var p50: UInt64
    /// 99th percentile.
    public var p99: UInt64
    /// 99.9th percentile.
    public var p999: UInt64
    /// Largest value.
    public var max: UInt64

    /// Creates a summary.
    public init(count: Int, p50: UInt64, p99: UInt64, p999: UInt64, max: UInt64) {
        self.count = count
        self.p50 = p50
        self.p99 = p99
        self.p999 = p999
        self.max = max
    }
}

extension Duration {
    /// Whole nanoseconds (negative durations count as 0).
    var nanoseconds: UInt64 {
        let (seconds, attoseconds) = components
        guard seconds >= 0 else { return 0 }
        return UInt64(seconds) * 1_000_000_000 + UInt64(attoseconds / 1_000_000_000)
    }

    /// Seconds as a Double.
    var seconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) * 1e-18
    }
}
