{{ toJson (int64 -3) }}
