import SyncHealthWire

/// Limits and timeouts of an `RPCServer`. Every default is the protocol v1
/// default; tests shorten the timeouts to make the server act quickly.
public struct ServerConfiguration: Sendable {
    /// Largest frame payload accepted and sent (SETTINGS max_frame_size). Default 4 MiB.
    public var maxFrameSize: UInt32 = Frame.defaultMaxFrameSize
    /// Calls one connection may have unanswered at once; the next one is
    /// answered RESOURCE_EXHAUSTED. Default 100.
    public var maxConcurrentStreams: Int = 100
    /// Connections served at once; beyond it a new connection is accepted,
    /// sent GOAWAY RESOURCE_EXHAUSTED and closed. Default 1024.
    public var maxConnections: Int = 1024
    /// Connections that have not finished the handshake (sent the 8-byte
    /// preface) at once. A new connection past this budget, or one arriving
    /// at `maxConnections`, closes the oldest such connection instead of
    /// being refused, so silent sockets cannot lock well-behaved clients out.
    /// Clamped to `maxConnections`. Default 256.
    public var maxPendingHandshakes: Int = 256
    /// Time a new connection has to send its 8-byte preface. Default 10 s.
    public var handshakeTimeout: Duration = .seconds(10)
    /// A connection with no frames received and no calls in flight for this
    /// long is sent GOAWAY and closed. Default 5 min.
    public var idleTimeout: Duration = .seconds(300)
    /// Time a started frame has to arrive whole (slowloris guard). Default 30 s.
    public var frameCompletionTimeout: Duration = .seconds(30)
    /// Bytes queued for a peer that does not read. At half of it the server
    /// stops reading from that peer; past it the connection is dropped. Default 8 MiB.
    public var maxOutputBufferBytes: Int = 8 * 1024 * 1024
    /// After its last frame the server half-closes and drains the peer's
    /// bytes this long before closing, so the peer reads that frame rather
    /// than a reset. Default 2 s.
    public var closeLingerTimeout: Duration = .seconds(2)
    /// Sent in SETTINGS.
    public var serverName: String = "synchealthd"
    /// Sent in SETTINGS.
    public var serverVersion: String = "1.0.0"

    /// The defaults.
    /// Where calls, connections and frames are counted; nil (the default)
    /// records nothing, so a server without `--metrics-listen` pays nothing.
    public var metrics: ServerMetrics?

    public init() {}
}
