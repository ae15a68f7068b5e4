{{ toStrings (int64 -3) }}
