import SyncHealthClient
import SyncHealthWire
import Testing

/// The `RPCError` `body` throws, or nil when it returns (any other error is recorded as an issue).
func rpcError(_ body: () async throws -> Void) async -> RPCError? {
    do {
        try await body()
        return nil
    } catch let error as RPCError {
        return error
    } catch {
        Issue.record("expected RPCError, got \(error)")
        return nil
    }
}

/// Checks that a fresh client can still make a call: the server survived.
func expectServes(_ harness: Harness, sourceLocation: SourceLocation = #_sourceLocation) async throws {
    let client = try RPCClient(target: harness.target)
    defer { client.close() }
    let reply: Blob = try await client.call(M.echo, Blob("still here"), timeout: .seconds(10))
    #expect(reply.text == "still here", sourceLocation: sourceLocation)
}

/// Reads until a GOAWAY then expects the connection to close.
/// - Returns: the GOAWAY and the frames before it.
func expectGoAwayAndClose(_ peer: RawPeer, sourceLocation: SourceLocation = #_sourceLocation) async throws -> (goAway: GoAway, before: [Frame]) {
    let (frames, closed) = await peer.readUntilClosed()
    #expect(closed, "connection should close", sourceLocation: sourceLocation)
    let goAwayFrame = try #require(frames.last { $0.type == .goAway }, "no GOAWAY in \(frames.map(\.type))", sourceLocation: sourceLocation)
    return (try Wire.goAway(goAwayFrame), frames.filter { $0.type != .goAway })
}
