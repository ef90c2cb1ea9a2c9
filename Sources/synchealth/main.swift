import SyncHealthCLI

await SyncHealthCommand.main()
