import SyncHealthWire

/// Fixture vectors for protocol.proto and health.proto.
enum ProtocolVectors {
    static let all: [Vector] = [
        Vector("full", MetadataEntry(key: "authorization", value: "Bearer abc.DEF-123_~+/=")),
        Vector("utf8", MetadataEntry(key: "x-note", value: "héllo ✓ 日本 🚀")),
        Vector("full", RequestHeader(
            method: "/synchealth.v1.SyncHistory/ListSyncs",
            timeoutMs: .max,
            metadata: [
                MetadataEntry(key: "authorization", value: "Bearer t0ken"),
                MetadataEntry(key: "x-request-id", value: ""),
            ]
        )),
        Vector("full", ResponseHeader(
            statusCode: .unavailable,
            statusMessage: "server shutting down — réessayez",
            trailers: [MetadataEntry(key: "synchealth-not-processed", value: "true")]
        )),
        Vector("full", Settings(
            protocolMajor: 1, protocolMinor: 7, maxFrameSize: 4_194_304, maxConcurrentStreams: .max,
            serverName: "synchealthd", serverVersion: "1.0.0-β"
        )),
        Vector("full", GoAway(lastStreamId: .max, statusCode: .internal, message: "frame length 4294967295 over maximum 4194304")),
        Vector("unrecognized-status", GoAway(lastStreamId: 7, statusCode: .unrecognized(99))),
        Vector("full", HealthCheckRequest(service: "synchealth.v1.SyncHistory")),
        Vector("full", HealthCheckResponse(status: .notServing)),
    ]
}
