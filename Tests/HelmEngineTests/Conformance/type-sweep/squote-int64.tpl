{{ squote (int64 -3) }}
