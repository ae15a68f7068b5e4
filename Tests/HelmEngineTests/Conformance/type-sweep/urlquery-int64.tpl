{{ urlquery (int64 -3) }}
