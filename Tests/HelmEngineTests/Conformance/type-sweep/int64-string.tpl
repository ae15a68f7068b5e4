{{ int64 "s" }}
