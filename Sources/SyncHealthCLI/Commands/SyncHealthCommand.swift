public import ArgumentParser

/// `synchealth`: the admin CLI for support teams and operators.
public struct SyncHealthCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "synchealth",
        abstract: "Operate SyncHealth: search sync history, open a sync, read its config and push items.",
        discussion: """
        Talks to synchealthd over protocol v1. The server is --server, or $SYNCHEALTH_SERVER, \
        or 127.0.0.1:7410; the token is --token or $SYNCHEALTH_TOKEN.
        Sync IDs can be shortened to any unique prefix (tables show the first 8 characters).
        """,
        subcommands: [Syncs.self, Items.self, Config.self, RetryCommand.self, Jobs.self, DashboardCommand.self, Errors.self, Company.self, Alerts.self, HealthCommand.self]
    )

    public init() {}

    /// `synchealth syncs ...`
    public struct Syncs: AsyncParsableCommand {
        public static let configuration = CommandConfiguration(
            abstract: "Sync history.", subcommands: [SyncsListCommand.self, SyncsShowCommand.self]
        )
        public init() {}
    }

    /// `synchealth items ...`
    public struct Items: AsyncParsableCommand {
        public static let configuration = CommandConfiguration(
            abstract: "Push items of a sync.", subcommands: [ItemsListCommand.self]
        )
        public init() {}
    }

    /// `synchealth jobs ...`
    public struct Jobs: AsyncParsableCommand {
        public static let configuration = CommandConfiguration(
            abstract: "Retry jobs.", subcommands: [JobsListCommand.self, JobsShowCommand.self, JobsCancelCommand.self]
        )
        public init() {}
    }

    /// `synchealth errors ...`
    public struct Errors: AsyncParsableCommand {
        public static let configuration = CommandConfiguration(
            abstract: "Error groups.", subcommands: [ErrorsListCommand.self]
        )
        public init() {}
    }

    /// `synchealth alerts ...`
    public struct Alerts: AsyncParsableCommand {
        public static let configuration = CommandConfiguration(
            abstract: "Alert rules and their webhook deliveries.",
            subcommands: [AlertsCreateCommand.self, AlertsListCommand.self, AlertsDeleteCommand.self, AlertsDeliveriesCommand.self]
        )
        public init() {}
    }

    /// `synchealth company ...`
    public struct Company: AsyncParsableCommand {
        public static let configuration = CommandConfiguration(
            abstract: "A company's own view.", subcommands: [CompanyHistoryCommand.self]
        )
        public init() {}
    }

    /// `synchealth config ...`
    public struct Config: AsyncParsableCommand {
        public static let configuration = CommandConfiguration(
            abstract: "Sync configurations.", subcommands: [ConfigShowCommand.self, ConfigDownloadCommand.self, ConfigDiffCommand.self]
        )
        public init() {}
    }
}
