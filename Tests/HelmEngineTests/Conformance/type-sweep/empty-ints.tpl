{{ empty (until 2) }}
