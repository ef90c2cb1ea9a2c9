import Glibc

/// The project's source of unpredictable numbers (tokens, ids, jitter):
/// glibc's `arc4random`, which draws from the kernel's getrandom.
///
/// Why not `SystemRandomNumberGenerator`: it is an empty struct, so a local
/// `var generator = SystemRandomNumberGenerator()` passed `inout` has no
/// storage of its own and its address is the type's metadata; ThreadSanitizer
/// then reports two threads that each make a generator as a "Swift access
/// race" on that one address (seen in the client's retry backoff). This
/// generator has a byte of storage, so each instance has its own address.
public struct SecureRandom: RandomNumberGenerator {
    private var storage: UInt8 = 0

    public init() {}

    public mutating func next() -> UInt64 {
        storage &+= 1
        return UInt64(arc4random()) << 32 | UInt64(arc4random())
    }
}
