extension ResponseHeader {
    /// The response trailer a server adds to a call it refused without
    /// running any of it (over max_concurrent_streams, or arriving while the
    /// server drains): `synchealth-not-processed: true` (docs/PROTOCOL.md §13).
    public static let notProcessedTrailer = MetadataEntry(key: "synchealth-not-processed", value: "true")

    /// The header that answers a call failing with `error`: its code, the
    /// given status message, and the not-processed trailer when
    /// `error.notProcessed`.
    public init(failure error: RPCError, statusMessage: String) {
        self.init(
            statusCode: error.code, statusMessage: statusMessage,
            trailers: error.notProcessed ? [Self.notProcessedTrailer] : [])
    }

    /// Whether the trailers mark the call as not processed.
    public var isMarkedNotProcessed: Bool { trailers.contains(Self.notProcessedTrailer) }

    /// The error a non-OK header stands for, not-processed mark included.
    public var error: RPCError {
        RPCError(statusCode, statusMessage, notProcessed: isMarkedNotProcessed)
    }
}
