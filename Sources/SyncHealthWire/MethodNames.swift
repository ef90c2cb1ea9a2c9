/// The fully qualified names of every method in proto/, as carried in
/// `RequestHeader.method`: "/synchealth.v1.Service/Method".
public enum MethodNames {
    /// `SyncHistory` service methods.
    public enum SyncHistory {
        public static let service = "synchealth.v1.SyncHistory"
        public static let listSyncs = "/synchealth.v1.SyncHistory/ListSyncs"
        public static let getSync = "/synchealth.v1.SyncHistory/GetSync"
        public static let getSyncConfig = "/synchealth.v1.SyncHistory/GetSyncConfig"
        public static let listPushItems = "/synchealth.v1.SyncHistory/ListPushItems"
        public static let getDashboard = "/synchealth.v1.SyncHistory/GetDashboard"
        public static let listCompanySyncs = "/synchealth.v1.SyncHistory/ListCompanySyncs"
        public static let listErrorGroups = "/synchealth.v1.SyncHistory/ListErrorGroups"
    }

    /// `SyncIngest` service methods.
    public enum SyncIngest {
        public static let service = "synchealth.v1.SyncIngest"
        public static let recordSync = "/synchealth.v1.SyncIngest/RecordSync"
        public static let recordPushItems = "/synchealth.v1.SyncIngest/RecordPushItems"
    }

    /// `Retry` service methods.
    public enum Retry {
        public static let service = "synchealth.v1.Retry"
        public static let retryFailedItems = "/synchealth.v1.Retry/RetryFailedItems"
        public static let getRetryJob = "/synchealth.v1.Retry/GetRetryJob"
        public static let listRetryJobs = "/synchealth.v1.Retry/ListRetryJobs"
        public static let cancelRetryJob = "/synchealth.v1.Retry/CancelRetryJob"
    }

    /// `Connector` service methods.
    public enum Connector {
        public static let service = "synchealth.v1.Connector"
        public static let push = "/synchealth.v1.Connector/Push"
    }

    /// `Health` service methods.
    public enum Health {
        public static let service = "synchealth.v1.Health"
        public static let check = "/synchealth.v1.Health/Check"
    }
}
