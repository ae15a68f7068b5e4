a
b {{ "x" }}
  {{ fail "at line three" }}