{{ print (int64 -3) }}
