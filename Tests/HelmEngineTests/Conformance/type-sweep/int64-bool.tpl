{{ int64 true }}
