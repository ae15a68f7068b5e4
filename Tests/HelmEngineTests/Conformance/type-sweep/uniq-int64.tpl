{{ uniq (int64 -3) }}
