#if canImport(Glibc)
import Glibc
#endif
import SyncHealthWire
import SyncHealthConcurrency

/// An append-only file with one line per delivery,
/// "item_id attempt_number idempotency_key outcome", each line synced to
/// disk before the push is answered, so the record survives a crash of any
/// process. Test tooling: the keys are what a crash test checks.
final class DeliveriesLog: Sendable {
    private let descriptor: Locked<Int32>

    /// Opens (creating) `path` for appending.
    init(path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw SandboxError("cannot open deliveries log \(path) (errno \(errno))") }
        descriptor = Locked(fd)
    }

    deinit {
        descriptor.withLock { _ = close($0) }
    }

    /// Appends one delivery and syncs it.
    func record(_ request: PushRequest, _ response: PushResponse) {
        var outcome: String
        switch response.outcome {
        case .success: outcome = "success"
        case .failed: outcome = "failed"
        case .timedOut: outcome = "timed_out"
        case .unspecified, .unrecognized: outcome = "unspecified"
        }
        if response.duplicate { outcome += "+duplicate" }
        let line = "\(Self.field(request.itemId)) \(request.attemptNumber) \(Self.field(request.idempotencyKey)) \(outcome)\n"
        let bytes = Array(line.utf8)
        descriptor.withLock { fd in
            var offset = 0
            while offset < bytes.count {
                let written = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
                if written < 0 {
                    if errno == EINTR { continue }
                    return
                }
                offset += written
            }
            _ = fsync(fd)
        }
    }

    /// A value as one whitespace-free field.
    private static func field(_ value: String) -> String {
        value.isEmpty ? "-" : String(value.map { $0.isWhitespace ? "_" : $0 })
    }
}

/// A start-up problem, shown to the operator.
struct SandboxError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
