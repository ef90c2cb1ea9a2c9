public import SyncHealthWire

/// Small, readable test data.
public enum Fixtures {
    /// 2026-11-01T00:00:00Z in ms.
    public static let baseTime: Int64 = 1_793_491_200_000

    /// A finished successful sync started `minutes` after `baseTime`.
    public static func sync(
        _ id: String, company: String = "company-1", code: SyncStatusCode = .successDataPushed,
        minutes: Int64 = 0, durationMs: Int64 = 60_000, target: String = "xero", source: String = "shopify",
        product: Product = .commerce
    ) -> Sync {
        let started = baseTime + minutes * 60_000
        return Sync(
            syncId: id, companyId: company, product: product, sourcePlatform: source, targetPlatform: target,
            statusCode: code, statusText: code.text, startedAtMs: started,
            finishedAtMs: code.isFinished ? started + durationMs : 0,
            dataFromMs: started - 86_400_000, dataToMs: started,
            notes: ["Synced orders from \(source)."], errorMessages: code.category == .failed ? ["It failed: \(code.rawValue)"] : []
        )
    }

    /// A JSON configuration document.
    public static func config(_ text: String = #"{"accounts":{"sales":"200"}}"#) -> SyncConfig {
        SyncConfig(document: Array(text.utf8), contentType: "application/json", version: "v1")
    }

    /// An item report.
    public static func item(_ id: String, status: PushItemStatus = .success, dataType: String = "invoices", core: String? = nil, at: Int64 = baseTime + 1_000, error: String = "") -> PushItemReport {
        PushItemReport(
            itemId: id, coreId: core ?? "ord_\(id)", dataType: dataType, status: status,
            errorMessage: status == .failed || status == .timedOut ? (error.isEmpty ? "Account code '200' is not valid." : error) : "",
            attemptedAtMs: at, targetRecordId: status == .success ? "rec-\(id)" : "", retryable: true, idempotencyKey: "key-\(id)-\(at)"
        )
    }
}
