// placeholder until the SyncHealthCLI layer lands
