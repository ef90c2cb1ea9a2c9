import Crypto

/// Comparisons whose running time does not depend on where inputs differ.
public enum ConstantTime {
    /// Whether `a` and `b` are equal, looking at every byte whatever the
    /// contents: swift-crypto's `SymmetricKey` equality is its constant-time
    /// comparison (`safeCompare`). The lengths are not secret (digests are
    /// always 32 bytes): unequal lengths return false at once.
    public static func equals(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        return SymmetricKey(data: a) == SymmetricKey(data: b)
    }
}
