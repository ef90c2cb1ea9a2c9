// placeholder until the SyncHealthServer layer lands
