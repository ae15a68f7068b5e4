{{ int64 nil }}
