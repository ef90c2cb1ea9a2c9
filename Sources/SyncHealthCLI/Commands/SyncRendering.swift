import SyncHealthJSON
import SyncHealthWire

/// How syncs look in tables, JSON and CSV.
struct SyncRendering {
    let time: TimeText
    let wide: Bool

    func short(_ id: String) -> String { wide ? id : String(id.prefix(8)) }

    func duration(_ sync: Sync) -> String {
        guard sync.finishedAtMs != 0 else { return "running" }
        return DurationText.format(ms: sync.finishedAtMs - sync.startedAtMs)
    }

    /// "failed/total" items, "-" when the sync pushed none.
    func failedItems(_ sync: Sync) -> String {
        guard let counts = sync.itemCounts, counts.total > 0 else { return "-" }
        return "\(counts.failed + counts.timedOut)/\(counts.total)"
    }

    /// The status as a code and a label short enough for a table.
    func status(_ code: SyncStatusCode) -> String {
        "\(code.rawValue) \(Self.shortLabel(code))"
    }

    static func shortLabel(_ code: SyncStatusCode) -> String {
        switch code {
        case .inProgress: return "running"
        case .inProgressLongRunning: return "running >10m"
        case .successDataPushed: return "ok"
        case .successNoDataPushed: return "ok, no data"
        case .configurationError: return "config error"
        case .companyDeleted: return "co. deleted"
        case .companyDeauthorized: return "deauthorized"
        case .billingExpired: return "billing expiry"
        case .genericServerError: return "server error"
        case .duplicationProtection: return "dup. protection"
        case .dataProcessingError: return "processing err"
        case .dataPushError: return "push error"
        case .unspecified, .unrecognized: return code.text
        }
    }

    /// The history table; the company column is left out when every row is
    /// of one company (e.g. with --company), leaving room for the platform.
    func table(_ syncs: [Sync], showCompany: Bool = true) -> String {
        var columns: [TextTable.Column] = [.init("SYNC", minWidth: wide ? 36 : 8)]
        if showCompany { columns.append(.init("COMPANY", minWidth: wide ? 36 : 8)) }
        columns += [
            .init("STARTED", minWidth: 16), .init("TOOK", minWidth: 6, alignRight: true),
            .init("STATUS", minWidth: 19), .init("FAIL", minWidth: 4, alignRight: true), .init("TARGET", minWidth: 6),
        ]
        let rows = syncs.map { sync in
            var row = [short(sync.syncId)]
            if showCompany { row.append(short(sync.companyId)) }
            row += [time.format(sync.startedAtMs, seconds: false), duration(sync), status(sync.statusCode),
                    failedItems(sync), sync.targetPlatform]
            return row
        }
        return TextTable(columns: columns, rows: rows).render(width: wide ? 200 : 80)
    }

    func json(_ sync: Sync) -> JSONValue {
        let counts = sync.itemCounts ?? ItemCounts()
        return .object([
            ("syncId", .string(sync.syncId)),
            ("companyId", .string(sync.companyId)),
            ("product", .string(DomainParsing.word(sync.product))),
            ("sourcePlatform", .string(sync.sourcePlatform)),
            ("targetPlatform", .string(sync.targetPlatform)),
            ("statusCode", .int(Int64(sync.statusCode.rawValue))),
            ("statusText", .string(sync.statusText.isEmpty ? sync.statusCode.text : sync.statusText)),
            ("startedAt", .string(time.format(sync.startedAtMs))),
            ("startedAtMs", .int(sync.startedAtMs)),
            ("finishedAt", sync.finishedAtMs == 0 ? .null : .string(time.format(sync.finishedAtMs))),
            ("finishedAtMs", .int(sync.finishedAtMs)),
            ("dataFromMs", .int(sync.dataFromMs)),
            ("dataToMs", .int(sync.dataToMs)),
            ("notes", .array(sync.notes.map(JSONValue.string))),
            ("errorMessages", .array(sync.errorMessages.map(JSONValue.string))),
            ("items", .object([
                ("total", .int(counts.total)), ("succeeded", .int(counts.succeeded)), ("failed", .int(counts.failed)),
                ("timedOut", .int(counts.timedOut)), ("pending", .int(counts.pending)),
            ])),
            ("dataPushed", .bool(sync.dataPushed)),
            ("configHash", .string(sync.configHash)),
        ])
    }

    func csv(_ syncs: [Sync]) -> String {
        CSVWriter.render(
            header: ["sync_id", "company_id", "product", "source_platform", "target_platform", "status_code", "status_text",
                     "started_at", "finished_at", "items_total", "items_succeeded", "items_failed", "items_timed_out", "items_pending"],
            rows: syncs.map { sync in
                let c = sync.itemCounts ?? ItemCounts()
                return [sync.syncId, sync.companyId, DomainParsing.word(sync.product), sync.sourcePlatform, sync.targetPlatform,
                        String(sync.statusCode.rawValue), sync.statusCode.text, time.format(sync.startedAtMs),
                        sync.finishedAtMs == 0 ? "" : time.format(sync.finishedAtMs),
                        String(c.total), String(c.succeeded), String(c.failed), String(c.timedOut), String(c.pending)]
            }
        )
    }
}
