import SyncHealthConcurrency
import Foundation
import SyncHealthWire

/// Turns one company's plan into ingest calls, sync by sync: the sync starts
/// (in progress), its items are reported, then it finishes.
struct DemoSyncBuilder {
    let plan: DemoCompanyPlan
    var rng: SplitMix64
    private var syncNumber = 0
    private var docNumber = 1000

    init(plan: DemoCompanyPlan, rng: SplitMix64) {
        self.plan = plan
        self.rng = rng
    }

    private var dataTypes: [String] {
        plan.company.product == .commerce ? DemoCatalog.commerceDataTypes : DemoCatalog.expenseDataTypes
    }

    mutating func sync(day: Int, startedAt: Int64, dataFrom: Int64, now: Int64) -> [DemoOperation] {
        syncNumber += 1
        let syncId = rng.uuid()
        let startedAt = startedAt + Int64(rng.int(in: 0...300_000))
        var sync = Sync(
            syncId: syncId,
            companyId: plan.company.companyId,
            product: plan.company.product,
            sourcePlatform: plan.company.sourcePlatform,
            targetPlatform: plan.company.targetPlatform,
            statusCode: .inProgress,
            statusText: SyncStatusCode.inProgress.text,
            startedAtMs: startedAt,
            dataFromMs: dataFrom,
            dataToMs: startedAt - startedAt % 3_600_000
        )
        let config = plan.config(on: day)
        let configMessage = SyncConfig(
            document: Array(config.document.utf8),
            contentType: "application/json",
            version: config.version
        )
        var ops: [DemoOperation] = [.recordSync(RecordSyncRequest(sync: sync, config: configMessage))]
        let duration = Int64(rng.int(in: 15_000...480_000))
        sync.finishedAtMs = min(startedAt + duration, now - 1)

        if let code = sessionFailure(day: day) {
            sync.statusCode = code
            sync.statusText = code.text
            sync.errorMessages = [fill(rng.pick(DemoCatalog.syncErrors[code] ?? ["Sync failed."]))]
            ops.append(.recordSync(RecordSyncRequest(sync: sync)))
            return ops
        }

        let itemCount = rng.chance(0.12) ? 0 : rng.int(in: 1...40)
        var items: [PushItemReport] = []
        var failedMessages: [String] = []
        var reconcile = false
        for _ in 0..<itemCount {
            let (reports, failure) = itemReports(startedAt: startedAt, duration: duration)
            items += reports
            if let failure { failedMessages.append(failure) }
        }
        if plan.company.product == .commerce && itemCount > 0 && rng.chance(0.04) {
            reconcile = true
            let doc = nextDoc()
            sync.notes.append(DemoCatalog.reconcileNote.replacingOccurrences(of: "{doc}", with: doc))
            let message = "Updated order \(doc) has no matching original order in the platform; it cannot be reconciled automatically."
            items.append(PushItemReport(
                itemId: rng.uuid(), coreId: "ord_\(doc.dropFirst())", dataType: "invoices", status: .failed,
                errorMessage: message, attemptedAtMs: startedAt + duration / 2, retryable: false,
                idempotencyKey: rng.uuid()
            ))
            failedMessages.append(message)
        }
        if !items.isEmpty {
            ops.append(.recordPushItems(RecordPushItemsRequest(syncId: syncId, items: items)))
        }
        let failed = failedMessages.count
        if failed > 0 {
            sync.statusCode = .dataPushError
            sync.errorMessages = Array(Set(failedMessages)).sorted().prefix(5).map { $0 }
            sync.notes.append("\(failed) of \(itemCount + (reconcile ? 1 : 0)) items failed to push to \(plan.company.targetPlatform).")
        } else if itemCount == 0 {
            sync.statusCode = .successNoDataPushed
            sync.notes.append("No new data to push for this period.")
        } else {
            sync.statusCode = .successDataPushed
            sync.dataPushed = true
        }
        if rng.chance(0.01) { sync.statusCode = .duplicationProtection; sync.errorMessages = [fill(DemoCatalog.syncErrors[.duplicationProtection]?[0] ?? "")] }
        sync.statusText = sync.statusCode.text
        ops.append(.recordSync(RecordSyncRequest(sync: sync)))
        return ops
    }

    /// Syncs still running at `now`: a recent one for a few companies, and a
    /// long-running (over ten minutes) one for one company.
    mutating func inProgressTail(now: Int64, companyIndex: Int) -> [DemoOperation] {
        guard companyIndex % 12 == 3 || companyIndex % 12 == 8 else { return [] }
        let longRunning = companyIndex % 12 == 8
        let startedAt = now - (longRunning ? 25 * 60_000 : 90_000)
        let code: SyncStatusCode = longRunning ? .inProgressLongRunning : .inProgress
        let sync = Sync(
            syncId: rng.uuid(), companyId: plan.company.companyId, product: plan.company.product,
            sourcePlatform: plan.company.sourcePlatform, targetPlatform: plan.company.targetPlatform,
            statusCode: code, statusText: code.text, startedAtMs: startedAt,
            dataFromMs: startedAt - DemoDataGenerator.dayMs, dataToMs: startedAt - startedAt % 3_600_000
        )
        var ops: [DemoOperation] = [.recordSync(RecordSyncRequest(sync: sync))]
        let pending = (0..<rng.int(in: 3...12)).map { _ in
            PushItemReport(itemId: rng.uuid(), coreId: coreId(for: dataTypes[0]), dataType: dataTypes[0], status: .pending, attemptedAtMs: startedAt + 1_000, retryable: true)
        }
        ops.append(.recordPushItems(RecordPushItemsRequest(syncId: sync.syncId, items: pending)))
        return ops
    }

    private mutating func sessionFailure(day: Int) -> SyncStatusCode? {
        if let incident = plan.incident(on: day) {
            switch incident {
            case .outage(_, let code): return code
            case .deleted: return .companyDeleted
            }
        }
        if rng.chance(0.015) { return .genericServerError }
        if rng.chance(0.015) { return .dataProcessingError }
        return nil
    }

    /// One item's reports (sometimes a failed or timed-out first push and a
    /// successful second one) and its final error, if it ended failed.
    private mutating func itemReports(startedAt: Int64, duration: Int64) -> ([PushItemReport], String?) {
        let dataType = rng.pick(dataTypes)
        let itemId = rng.uuid()
        let core = coreId(for: dataType)
        let at = startedAt + Int64(rng.int(in: 1_000...Int(max(duration - 1_000, 1_001))))
        if rng.chance(plan.itemFailureRate) {
            let timedOut = rng.chance(0.2)
            let error = rng.pick(DemoCatalog.pushErrors[plan.company.targetPlatform] ?? [])
            let message = timedOut ? DemoCatalog.timeoutMessage : fill(error.template)
            let report = PushItemReport(
                itemId: itemId, coreId: core, dataType: dataType, status: timedOut ? .timedOut : .failed,
                errorMessage: message, attemptedAtMs: at, retryable: timedOut || error.retryable,
                idempotencyKey: rng.uuid()
            )
            return ([report], message)
        }
        var reports: [PushItemReport] = []
        if rng.chance(0.03) {
            reports.append(PushItemReport(
                itemId: itemId, coreId: core, dataType: dataType, status: .timedOut,
                errorMessage: DemoCatalog.timeoutMessage, attemptedAtMs: at - 500, retryable: true,
                idempotencyKey: rng.uuid()
            ))
        }
        reports.append(PushItemReport(
            itemId: itemId, coreId: core, dataType: dataType, status: .success,
            attemptedAtMs: at, targetRecordId: targetRecordId(), retryable: true, idempotencyKey: rng.uuid()
        ))
        return (reports, nil)
    }

    private mutating func coreId(for dataType: String) -> String {
        let prefix: String
        switch dataType {
        case "invoices": prefix = "ord"
        case "creditNotes": prefix = "ref"
        case "payments": prefix = "pay"
        case "journalEntries": prefix = "je"
        case "bankTransfers": prefix = "po"
        case "expenses", "reimbursableExpenses": prefix = "exp"
        case "transfers": prefix = "trf"
        default: prefix = "bill"
        }
        return "\(prefix)_\(rng.hex(10))"
    }

    private mutating func targetRecordId() -> String {
        switch plan.company.targetPlatform {
        case "quickbooks-online", "netsuite": return String(rng.int(in: 1_000...99_999))
        default: return rng.uuid()
        }
    }

    private mutating func nextDoc() -> String {
        docNumber += rng.int(in: 1...40)
        return "#\(docNumber)"
    }

    /// Fills a message template's placeholders with plausible values.
    private mutating func fill(_ template: String) -> String {
        var text = template
        let fixed: [(String, String)] = [
            ("{account}", rng.pick(["200", "310", "4000", "6100"])),
            ("{date}", rng.pick(["31 Mar 2026", "30 Jun 2026", "31 Dec 2025"])),
            ("{user}", rng.pick(["accounts@company", "bookkeeper"])),
            ("{entity}", String(rng.int(in: 100...999))),
            ("{number}", String(rng.int(in: 2...40))),
            ("{amount}", "\(rng.int(in: 5...900)).\(rng.int(in: 10...99))"),
            ("{amount2}", "\(rng.int(in: 5...900)).\(rng.int(in: 10...99))"),
        ]
        for (key, value) in fixed {
            text = text.replacingOccurrences(of: key, with: value)
        }
        while let range = text.range(of: "{doc}") {
            text.replaceSubrange(range, with: "INV-\(rng.int(in: 1000...9999))")
        }
        return text
    }
}
