{{ upper (int64 -3) }}
