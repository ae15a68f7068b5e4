{{ has 1 nil }}
