{{ toString (int64 -3) }}
