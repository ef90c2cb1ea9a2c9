// Numeric limits shared by the server, the storage layer and the CLI, so a
// client can check a request before sending it and gets the same answer the
// server would give.

/// Limits on request sizes and field lengths. Lengths are UTF-8 bytes.
public enum Limits {
    /// Page size used when a request leaves `page_size` at 0.
    public static let defaultPageSize: Int32 = 50
    /// Largest `page_size` a list call accepts.
    public static let maxPageSize: Int32 = 500
    /// Most push item reports in one RecordPushItems call.
    public static let maxPushItemsPerBatch = 10_000

    /// Longest sync, company, item, core or retry-job id.
    public static let maxIdBytes = 128
    /// Longest platform key ("shopify", "quickbooks-online", ...).
    public static let maxPlatformKeyBytes = 64
    /// Longest push item data type key ("invoices", "creditNotes", ...).
    public static let maxDataTypeBytes = 64
    /// Longest search string of a list call.
    public static let maxSearchBytes = 128
    /// Longest idempotency key of a push attempt.
    public static let maxIdempotencyKeyBytes = 128
    /// Longest accounting-platform record id.
    public static let maxTargetRecordIdBytes = 256
    /// Longest error message of a push item report.
    public static let maxErrorMessageBytes = 4096

    /// Most notes on one sync.
    public static let maxNotes = 100
    /// Longest note.
    public static let maxNoteBytes = 1024
    /// Most error messages on one sync.
    public static let maxSyncErrorMessages = 100

    /// Largest configuration document (1 MiB). A bigger one is rejected with
    /// INVALID_ARGUMENT: retrying cannot make it fit.
    public static let maxConfigDocumentBytes = 1 << 20
    /// Longest configuration content type.
    public static let maxContentTypeBytes = 128
    /// Longest configuration version label.
    public static let maxConfigVersionBytes = 128
    /// Longest suggested configuration file name.
    public static let maxFileNameBytes = 128

    /// Most values in one repeated filter field (status codes, categories,
    /// data types, statuses).
    public static let maxFilterValues = 64
    /// Longest page token accepted.
    public static let maxPageTokenBytes = 1024

    /// Widest GetDashboard range, in days.
    public static let maxDashboardRangeDays: Int64 = 400
    /// Milliseconds in one day.
    public static let millisecondsPerDay: Int64 = 86_400_000
}
