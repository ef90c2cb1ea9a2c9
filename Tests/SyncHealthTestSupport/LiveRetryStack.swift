public import SyncHealthRetry
import SyncHealthServer

/// A live server with the Retry handlers and a started executor pushing
/// through `connectors`: what the retry and CLI tests run against.
public final class LiveRetryStack: Sendable {
    /// The server, its store and a client.
    public let service: LiveService
    /// The executor, started.
    public let executor: RetryExecutor

    /// Starts the stack; a new job wakes the executor at once.
    public init(connectors: ConnectorRegistry, configuration: RetryExecutorConfiguration) throws {
        service = try LiveService()
        executor = RetryExecutor(store: service.store, connectors: connectors, configuration: configuration)
        let executor = executor
        RetryHandlers.register(on: service.server.router, store: service.store, jobCreated: { executor.wake() })
        AlertHandlers.register(on: service.server.router, store: service.store)
        executor.start()
    }

    /// Shuts the executor down, then the server.
    public func stop() async {
        await executor.shutdown()
        service.stop()
    }

    /// Runs `body` with a stack, stopping it afterwards however `body` ends.
    public static func with(
        _ connectors: ConnectorRegistry, configuration: RetryExecutorConfiguration, _ body: (LiveRetryStack) async throws -> Void
    ) async throws {
        let stack = try LiveRetryStack(connectors: connectors, configuration: configuration)
        do {
            try await body(stack)
        } catch {
            await stack.stop()
            throw error
        }
        await stack.stop()
    }
}
