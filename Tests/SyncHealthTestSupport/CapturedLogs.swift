public import Logging
import SyncHealthServer
import SyncHealthConcurrency

/// Every log line a `Logger` made through `handler(label:)`, rendered with
/// its metadata, so tests can check what reached the logs (and what did not).
public final class CapturedLogs: Sendable {
    private let lines = Locked<[String]>([])
    private let json: Bool

    /// An empty capture; `json` captures the lines `--log-format json` writes.
    public init(json: Bool = false) {
        self.json = json
    }

    /// A trace-level logger writing into this capture.
    public func logger(label: String = "synchealth.test") -> Logger {
        if json {
            return Logger(label: label) { label in
                var handler = JSONLogHandler(label: label) { self.append($0) }
                handler.logLevel = .trace
                return handler
            }
        }
        return Logger(label: label) { _ in
            CapturingLogHandler { level, message, metadata in
                let rendered = metadata.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
                self.append("\(level) \(message) \(rendered)")
            }
        }
    }

    /// The lines so far: "level message key=value ...".
    public var all: [String] { lines.withLock { $0 } }

    /// Whether any line contains `text`.
    public func contains(_ text: String) -> Bool {
        lines.withLock { $0.contains { $0.contains(text) } }
    }

    fileprivate func append(_ line: String) {
        lines.withLock { $0.append(line) }
    }
}

/// A swift-log handler that hands every event, with the logger's metadata
/// merged under the event's, to `record`: the capture behind `CapturedLogs`
/// and the transport tests' structured sink.
public struct CapturingLogHandler: LogHandler {
    private let record: @Sendable (Logger.Level, Logger.Message, Logger.Metadata) -> Void
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?
    public var logLevel: Logger.Level = .trace

    /// A trace-level handler calling `record` for each event.
    public init(record: @escaping @Sendable (Logger.Level, Logger.Message, Logger.Metadata) -> Void) {
        self.record = record
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        record(event.level, event.message, metadata.merging(event.metadata ?? [:]) { $1 })
    }
}
