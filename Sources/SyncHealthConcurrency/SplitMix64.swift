/// The project's one seeded pseudo-random generator (SplitMix64): the demo
/// data set, the benchmark's data and requests, and the tests' random data
/// are the same for the same seed on every machine, so a failure reproduces
/// from its seed. Not for secrets: `SecureRandom` is.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// Creates a generator whose sequence is fixed by `seed`.
    public init(seed: UInt64) {
        state = seed
    }

    /// The next 64 pseudo-random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return Self.mix(state)
    }

    /// SplitMix64's finalizer: a bijection on UInt64, so distinct inputs give
    /// distinct outputs (used to derive unique ids from indexes).
    public static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform value in [0, 1).
    public mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    /// `count` random bytes.
    public mutating func bytes(_ count: Int) -> [UInt8] {
        (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &self) }
    }

    /// True with probability `p` (0...1).
    public mutating func chance(_ p: Double) -> Bool {
        Double(next() >> 11) / Double(1 << 53) < p
    }

    /// A uniformly chosen element of a non-empty array.
    public mutating func pick<T>(_ values: [T]) -> T {
        precondition(!values.isEmpty, "pick from an empty array")
        return values[Int(next() % UInt64(values.count))]
    }

    /// A uniform integer in `range`.
    public mutating func int(in range: ClosedRange<Int>) -> Int {
        Int.random(in: range, using: &self)
    }

    /// A lower-case hex string of `count` digits.
    public mutating func hex(_ count: Int) -> String {
        var out = ""
        while out.count < count {
            out += String(next(), radix: 16)
        }
        return String(out.prefix(count))
    }

    /// A UUID-shaped lower-case id (8-4-4-4-12 hex digits).
    public mutating func uuid() -> String {
        "\(hex(8))-\(hex(4))-4\(hex(3))-a\(hex(3))-\(hex(12))"
    }
}
