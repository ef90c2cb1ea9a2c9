public import SyncHealthWire

/// A server address, "host:port" or "[v6-address]:port": parse one with
/// `Endpoint(serverAddress:)`.
public typealias Endpoint = HostPort
