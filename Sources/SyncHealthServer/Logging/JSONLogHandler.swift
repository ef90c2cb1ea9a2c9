import Foundation
public import Logging

/// swift-log handler for `--log-format json`: one JSON object per line on
/// standard error, for log pipelines. Keys: `timestamp` (RFC 3339, UTC, ms),
/// `level`, `label`, `message`, then every metadata entry, with the server's
/// `rpc.` prefix dropped (`method`, `status`, `latency_ms`, `peer`,
/// `stream_id`, `request_id` (the call's trace id), `caller`, `note`).
/// Values are whatever the code logged: tokens and SQL arguments never are.
public struct JSONLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level = .info
    private let label: String
    private let write: @Sendable (String) -> Void

    /// A handler for `label` writing lines to standard error.
    public init(label: String) {
        self.init(label: label) { line in FileHandle.standardError.write(Data((line + "\n").utf8)) }
    }

    /// A handler writing each line (without its newline) to `write`; for tests.
    public init(label: String, write: @escaping @Sendable (String) -> Void) {
        self.label = label
        self.write = write
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        write(Self.line(
            timestamp: Date(), level: event.level, label: label, message: event.message.description,
            metadata: metadata.merging(event.metadata ?? [:]) { $1 }))
    }

    /// One event as a JSON object on one line (JSON escapes every newline).
    static func line(timestamp: Date, level: Logger.Level, label: String, message: String, metadata: Logger.Metadata) -> String {
        var object: [String: String] = [:]
        for (key, value) in metadata {
            object[key.hasPrefix("rpc.") ? String(key.dropFirst(4)) : key] = "\(value)"
        }
        object["timestamp"] = timestampFormat.format(timestamp)
        object["level"] = level.rawValue
        object["label"] = label
        object["message"] = message
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]) else {
            return #"{"level":"error","message":"log line could not be encoded"}"#
        }
        return String(decoding: data, as: UTF8.self)
    }

    private static let timestampFormat = Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: .gmt)
}
