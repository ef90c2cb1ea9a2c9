import Logging
import SyncHealthWire

extension ServerConnection {
    /// Sends the one RESPONSE of `streamId` and logs the call.
    func answer(
        _ streamId: UInt32, method: String, _ outcome: CallOutcome,
        startedAt: ContinuousClock.Instant, context: CallContext?, requestId: String? = nil
    ) {
        let requestId = requestId ?? context?.requestId ?? RequestId.generate()
        var outcome = outcome
        var frame = outcome.responseFrame(streamId, requestId: requestId)
        if frame.payload.count > Int(env.configuration.maxFrameSize) {
            outcome = .failure(RPCError(.resourceExhausted, "response larger than the maximum frame size"))
            frame = outcome.responseFrame(streamId, requestId: requestId)
        }
        send(frame)
        var note: String?
        if case let .failure(_, cause) = outcome { note = cause }
        logCall(streamId, method: method, status: outcome.statusCode, startedAt: startedAt, context: context,
                requestId: requestId, note: note)
    }

    /// The one log line of a call. Metadata values (tokens) are never logged.
    func logCall(
        _ streamId: UInt32, method: String, status: StatusCode,
        startedAt: ContinuousClock.Instant, context: CallContext?, requestId: String, note: String?
    ) {
        env.configuration.metrics?.callFinished(method: method, status: status, duration: ContinuousClock.now - startedAt)
        let level: Logger.Level
        switch status {
        case .internal, .unknown, .dataLoss: level = .warning
        default: level = .info
        }
        // Building the metadata (sanitizing peer text) costs more than the
        // rest of a small call's answer; skip it when the line is not logged.
        guard env.logger.logLevel <= level else { return }
        let elapsed = ContinuousClock.now - startedAt
        let micros = elapsed.components.seconds * 1_000_000 + elapsed.components.attoseconds / 1_000_000_000_000
        var metadata: Logger.Metadata = [
            "rpc.method": .string(LogText.sanitized(method)),
            "rpc.status": .string(status.name),
            "rpc.latency_ms": .stringConvertible(Double(micros) / 1000),
            "rpc.stream_id": .stringConvertible(streamId),
            "rpc.request_id": .string(requestId),
            "peer": .string(peer),
        ]
        if let caller = context?.callerIdentity { metadata["rpc.caller"] = .string(LogText.sanitized(caller)) }
        if let note { metadata["rpc.note"] = .string(note) }
        env.logger.log(level: level, "rpc", metadata: metadata)
    }
}

/// Keeps peer-controlled text safe for logs and headers.
enum LogText {
    /// At most 200 characters, control characters replaced, so a method name
    /// sent by a peer cannot forge log lines.
    static func sanitized(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars.prefix(200) {
            result.unicodeScalars.append(scalar.properties.generalCategory == .control ? "?" : scalar)
        }
        return result
    }

    /// An error message fit for `ResponseHeader.status_message`: at most
    /// 1 KiB, and any U+0000 replaced (the wire cannot carry it, and
    /// encoding a response must never trap).
    static func statusMessage(_ text: String) -> String {
        guard text.utf8.contains(0) else { return text.truncatedToUTF8(maxBytes: 1024) }
        var cleaned = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { cleaned.append(scalar == "\u{0}" ? "\u{FFFD}" : scalar) }
        return String(cleaned).truncatedToUTF8(maxBytes: 1024)
    }
}
