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

    func items(_ sync: Sync) -> String {
        guard let counts = sync.itemCounts, counts.total > 0 else { return "-" }
        let bad = counts.failed + counts.timedOut
        return bad > 0 ? "\(bad)/\(counts.total) bad" : "\(counts.total) ok"
    }

    func table(_ syncs: [Sync]) -> String {
        let table = TextTable(
            columns: [
                .init("SYNC", minWidth: wide ? 36 : 8), .init("COMPANY", minWidth: wide ? 36 : 8),
                .init("STARTED", minWidth: 16), .init("TOOK", minWidth: 7, alignRight: true),
                .init("CODE", minWidth: 4), .init("STATUS", minWidth: 10), .init("ITEMS", minWidth: 6),
                .init("TARGET", minWidth: 6),
            ],
            rows: syncs.map { sync in
                [short(sync.syncId), short(sync.companyId), time.format(sync.startedAtMs, seconds: false), duration(sync),
                 String(sync.statusCode.rawValue), sync.statusCode.text, items(sync), sync.targetPlatform]
            }
        )
        return table.render(width: wide ? 200 : 80)
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
