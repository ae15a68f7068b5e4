{{ has 1 "s" }}
