{{ has "a" "abc" }}
