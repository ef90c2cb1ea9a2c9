// placeholder until the SyncHealthStorage layer lands
