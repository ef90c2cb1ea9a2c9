print("synchealthd: not yet implemented")
