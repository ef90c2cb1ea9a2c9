print("synchealth: not yet implemented")
