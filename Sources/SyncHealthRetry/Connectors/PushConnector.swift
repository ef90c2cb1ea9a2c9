public import SyncHealthWire

/// Something that pushes one item to an accounting platform: the RPC
/// connector in production, the sandbox in the demo and tests.
///
/// `push` blocks the calling worker thread until the platform answers or the
/// deadline passes. The same `idempotencyKey` delivered twice must not create
/// the record twice.
public protocol PushConnector: Sendable {
    /// Pushes one item.
    /// - Parameter timeoutMs: how long the connector may take.
    /// - Returns: the platform's answer; a transport failure is a
    ///   `.timedOut` or retryable `.failed` response, not a thrown error.
    func push(_ request: PushRequest, timeoutMs: Int64) -> PushResponse
}
