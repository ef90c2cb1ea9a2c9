// placeholder until the SyncHealthClient layer lands
