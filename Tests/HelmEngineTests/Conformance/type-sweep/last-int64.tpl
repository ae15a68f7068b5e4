{{ last (int64 -3) }}
